package ch.ticketpark.sandbox.webhook;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What can go wrong with a webhook delivery, by the {@code type} a test names it with.
 */
public enum WebhookFaultType {

    /** Sent {@code copies} times, one after the other. */
    DUPLICATE("duplicate"),
    /** Sent {@code delayMillis} later; deliveries after it are not held up. */
    DELAY("delay"),
    /** Held back and sent right after the next delivery; if none follows within 2 s, sent then. */
    OUT_OF_ORDER("out_of_order"),
    /** Sent to the callback URL with another last path segment than the secret. */
    WRONG_SECRET("wrong_secret"),
    /** The payload's {@code booking_pid} or {@code person_pid} replaced by a pid the store does not know. */
    FORGED_PID("forged_pid");

    private final String label;

    WebhookFaultType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static WebhookFaultType of(String label) {
        return Arrays.stream(values()).filter(type -> type.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("type must be one of "
                        + Arrays.stream(values()).map(WebhookFaultType::label).collect(Collectors.joining(", "))
                        + ", not " + label));
    }
}
