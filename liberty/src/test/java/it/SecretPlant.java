package it;

import java.util.logging.Logger;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * The proof that {@link SecretScan} can fail: with {@code -Dit.plant-secret=<deployment name>} (say
 * {@code -Dit.plant-secret=refused-rotation-soak-it}: an early IT, with a hundred MB of trace after it), {@link Deployments} adds this listener to that
 * deployment, and it writes the sandbox's client secret to Liberty's trace (FINEST, a {@code ch.ticketpark} logger:
 * only the trace holds it) when that application starts. The scan must then fail.
 */
@WebListener
public class SecretPlant implements ServletContextListener {

    /** The system property that names the deployment to plant the secret in. */
    static final String DEPLOYMENT = "it.plant-secret";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Logger.getLogger("ch.ticketpark.plant").finest("planted for SecretScan: " + Sandbox.CLIENT_SECRET);
    }
}
