package ch.ticketpark.sandbox.client;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A fault for the webhooks the sandbox sends ({@link SandboxControl#arm(WebhookFault)}), e.g.
 * {@code WebhookFault.duplicate(3).times(2)}: each factory makes one, each method returns a new one. Without
 * {@link #times(int)} it affects the next delivery only; faults armed earlier apply first. The sandbox checks it when
 * it is armed.
 */
public final class WebhookFault {

    private final Map<String, Object> fields;

    private WebhookFault(Map<String, Object> fields) {
        this.fields = Map.copyOf(fields);
    }

    private static WebhookFault of(String type) {
        return new WebhookFault(Map.of("type", type));
    }

    private WebhookFault with(String name, Object value) {
        Map<String, Object> next = new LinkedHashMap<>(fields);
        next.put(name, Objects.requireNonNull(value, name));
        return new WebhookFault(next);
    }

    /** The delivery is sent this many times (2-10), one after the other. */
    public static WebhookFault duplicate(int copies) {
        return of("duplicate").with("copies", copies);
    }

    /** The delivery is sent this much later (at most 60 s); later deliveries are not held up. */
    public static WebhookFault delay(Duration delay) {
        return of("delay").with("delayMillis", delay.toMillis());
    }

    /** The delivery is held back and sent right after the next one (or after 2 s, if none follows). */
    public static WebhookFault outOfOrder() {
        return of("out_of_order");
    }

    /** The delivery goes to the callback URL with another last path segment than the secret. */
    public static WebhookFault wrongSecret() {
        return of("wrong_secret");
    }

    /** The payload's {@code booking_pid} or {@code person_pid} is one the sandbox does not know. */
    public static WebhookFault forgedPid() {
        return of("forged_pid");
    }

    /** How many deliveries it affects (default 1). */
    public WebhookFault times(int count) {
        return with("count", count);
    }

    /** As the control plane takes it. */
    public String toJson() {
        return JsonText.write(new TreeMap<>(fields));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookFault fault && fault.fields.equals(fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return "WebhookFault" + new TreeMap<>(fields);
    }
}
