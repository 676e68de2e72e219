package ch.ticketpark.example;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The example application's JAX-RS resources live under {@code /api}.
 */
@ApplicationPath("/api")
public class ExampleApplication extends Application {
}
