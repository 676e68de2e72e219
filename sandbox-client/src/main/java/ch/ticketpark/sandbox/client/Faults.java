package ch.ticketpark.sandbox.client;

/**
 * Where a {@link Fault} strikes: {@code Faults.token().status(503).times(3)},
 * {@code Faults.api().delay(Duration.ofSeconds(2))}.
 */
public final class Faults {

    private Faults() {
    }

    /** The token endpoint, {@code POST /oauth/v2/token}. */
    public static Fault token() {
        return new Fault("token");
    }

    /** The API's resources. */
    public static Fault api() {
        return new Fault("api");
    }
}
