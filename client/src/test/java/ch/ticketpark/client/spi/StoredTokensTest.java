package ch.ticketpark.client.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoredTokensTest {

    private static final String REFRESH = "refresh-7c1d-planted";
    private static final String ACCESS = "access-93fe-planted";
    private static final Instant OBTAINED = Instant.parse("2024-05-01T10:15:30Z");
    private static final Instant EXPIRES = OBTAINED.plusSeconds(1800);

    @Test
    void aFullStateHoldsWhatItWasGiven() {
        StoredTokens tokens = new StoredTokens(REFRESH, ACCESS, OBTAINED, EXPIRES, 3);

        assertThat(tokens.refreshToken()).isEqualTo(REFRESH);
        assertThat(tokens.accessToken()).isEqualTo(ACCESS);
        assertThat(tokens.obtainedAt()).isEqualTo(OBTAINED);
        assertThat(tokens.expiresAt()).isEqualTo(EXPIRES);
        assertThat(tokens.version()).isEqualTo(3);
        assertThat(tokens.hasAccessToken()).isTrue();
    }

    @Test
    void aRefreshTokenOnlyStateHasNoAccessTokenNorInstants() {
        StoredTokens tokens = StoredTokens.ofRefreshToken(REFRESH, 1);

        assertThat(tokens).isEqualTo(new StoredTokens(REFRESH, null, null, null, 1));
        assertThat(tokens.hasAccessToken()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n"})
    void aBlankRefreshTokenIsRefusedByName(String blank) {
        assertThatIllegalArgumentException().isThrownBy(() -> StoredTokens.ofRefreshToken(blank, 1))
                .withMessage("refreshToken is required");
        assertThatIllegalArgumentException().isThrownBy(() -> StoredTokens.ofRefreshToken(null, 1))
                .withMessage("refreshToken is required");
    }

    @Test
    void anAccessTokenComesWithBothInstantsOrNotAtAll() {
        assertThatIllegalArgumentException().isThrownBy(() -> new StoredTokens(REFRESH, ACCESS, null, EXPIRES, 1))
                .withMessageContaining("all or none");
        assertThatIllegalArgumentException().isThrownBy(() -> new StoredTokens(REFRESH, ACCESS, OBTAINED, null, 1))
                .withMessageContaining("all or none");
        assertThatIllegalArgumentException().isThrownBy(() -> new StoredTokens(REFRESH, null, OBTAINED, EXPIRES, 1))
                .withMessageContaining("all or none");
        assertThatIllegalArgumentException().isThrownBy(() -> new StoredTokens(REFRESH, null, null, EXPIRES, 1))
                .withMessageContaining("all or none");
    }

    @Test
    void anAccessTokenIsNotBlankAndExpiresAfterItWasObtained() {
        assertThatIllegalArgumentException().isThrownBy(() -> new StoredTokens(REFRESH, " ", OBTAINED, EXPIRES, 1))
                .withMessageContaining("must not be blank");
        assertThatIllegalArgumentException().isThrownBy(() -> new StoredTokens(REFRESH, ACCESS, OBTAINED, OBTAINED, 1))
                .withMessageContaining("must expire after it was obtained");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new StoredTokens(REFRESH, ACCESS, EXPIRES, OBTAINED, 1))
                .withMessageContaining("must expire after it was obtained");
        assertThat(new StoredTokens(REFRESH, ACCESS, OBTAINED, OBTAINED.plusNanos(1), 1).expiresAt())
                .isAfter(OBTAINED);
    }

    @Test
    void theVersionStartsAtOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> StoredTokens.ofRefreshToken(REFRESH, 0))
                .withMessage("version must be at least 1");
        assertThatIllegalArgumentException().isThrownBy(() -> StoredTokens.ofRefreshToken(REFRESH, -1))
                .withMessage("version must be at least 1");
        assertThat(StoredTokens.ofRefreshToken(REFRESH, Long.MAX_VALUE).version()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void noMessageQuotesAToken() {
        assertThatIllegalArgumentException().isThrownBy(() -> new StoredTokens(REFRESH, ACCESS, EXPIRES, OBTAINED, 0))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(REFRESH, ACCESS));
        assertThatIllegalArgumentException().isThrownBy(() -> new StoredTokens(REFRESH, ACCESS, null, null, 1))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(REFRESH, ACCESS));
    }

    @Test
    void toStringMasksBothTokensAndShowsTheRest() {
        assertThat(new StoredTokens(REFRESH, ACCESS, OBTAINED, EXPIRES, 4)).hasToString(
                "StoredTokens[refreshToken=****, accessToken=****, obtainedAt=2024-05-01T10:15:30Z, "
                        + "expiresAt=2024-05-01T10:45:30Z, version=4]");
        assertThat(StoredTokens.ofRefreshToken(REFRESH, 2))
                .hasToString("StoredTokens[refreshToken=****, accessToken=<none>, version=2]");
    }
}
