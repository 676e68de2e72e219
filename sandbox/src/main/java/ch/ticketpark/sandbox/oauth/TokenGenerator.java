package ch.ticketpark.sandbox.oauth;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Generates random, URL-safe token values of 40 characters.
 */
final class TokenGenerator {

    private static final int RANDOM_BYTES = 30;

    private final SecureRandom random = new SecureRandom();
    private final Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();

    String next() {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return encoder.encodeToString(bytes);
    }
}
