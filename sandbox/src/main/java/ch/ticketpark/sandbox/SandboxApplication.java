package ch.ticketpark.sandbox;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The JAX-RS application of the sandbox. Resources and providers are discovered by scanning; the context root
 * ({@code /sandbox}) comes from the deployment, so paths match those of {@code api.ticketpark.ch}.
 */
@ApplicationPath("/")
public class SandboxApplication extends Application {
}
