package it;

import java.util.logging.Logger;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * The proof that {@link SecretScan} can fail: with {@code -Dit.plant-secret=true}, {@link Deployments} adds this
 * listener to the suite's first deployment, and it writes the sandbox's client secret to Liberty's trace (FINEST, a
 * {@code ch.ticketpark} logger: only the trace holds it) when that application starts. The scan must then fail.
 */
@WebListener
public class SecretPlant implements ServletContextListener {

    static final String ENABLED = "it.plant-secret";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Logger.getLogger("ch.ticketpark.plant").finest("planted for SecretScan: " + Sandbox.CLIENT_SECRET);
    }
}
