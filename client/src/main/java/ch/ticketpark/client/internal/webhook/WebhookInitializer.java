package ch.ticketpark.client.internal.webhook;

import java.util.Set;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import ch.ticketpark.client.internal.config.TicketparkConfig;

/**
 * Registers the {@link WebhookServlet} at {@code ticketpark.webhook.path} when, and only when,
 * {@code ticketpark.webhook.enabled=true}: an application that does not receive webhooks exposes nothing. Listed in
 * {@code META-INF/services/jakarta.servlet.ServletContainerInitializer}, so that the web container runs it for the WAR
 * that holds the library. The keys are checked, with every other, by the deployment check; this only reads them.
 */
public class WebhookInitializer implements ServletContainerInitializer {

    static final String SERVLET_NAME = "ticketpark-webhook";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        Config config = ConfigProvider.getConfig(context.getClassLoader());
        boolean enabled = config.getOptionalValue(TicketparkConfig.WEBHOOK_ENABLED, String.class)
                .map(String::strip).map(Boolean::parseBoolean).orElse(false);
        if (!enabled) {
            return;
        }
        String path = config.getOptionalValue(TicketparkConfig.WEBHOOK_PATH, String.class).map(String::strip)
                .filter(value -> !value.isEmpty()).orElse(TicketparkConfig.DEFAULT_WEBHOOK_PATH);
        if (!path.matches(TicketparkConfig.WEBHOOK_PATH_PATTERN)) {
            return; // the deployment check fails the deployment, naming the key
        }
        ServletRegistration.Dynamic servlet = context.addServlet(SERVLET_NAME, WebhookServlet.class);
        if (servlet == null) {
            return; // the application has a servlet of this name: it decided
        }
        servlet.addMapping(path + "/*");
        servlet.setLoadOnStartup(1);
    }
}
