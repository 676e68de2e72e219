package ch.ticketpark.client.internal.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ch.ticketpark.client.internal.config.TicketparkConfig;
import ch.ticketpark.client.support.ApplicationConfig;

class WebhookInitializerTest {

    private final List<String> contextCalls = new ArrayList<>();
    private final List<String> servletCalls = new ArrayList<>();

    /** Runs the initializer for an application with these properties; {@code registered} false: the name is taken. */
    private void start(Map<String, String> properties, boolean registered) {
        try (ApplicationConfig application = ApplicationConfig.of(properties)) {
            ServletRegistration.Dynamic servlet = FakeServlets.fake(ServletRegistration.Dynamic.class,
                    Map.of("addMapping", Set.of()), servletCalls);
            Map<String, Object> answers = new HashMap<>();
            answers.put("getClassLoader", Thread.currentThread().getContextClassLoader());
            answers.put("addServlet", registered ? servlet : null);
            ServletContext context = FakeServlets.fake(ServletContext.class, answers, contextCalls);

            new WebhookInitializer().onStartup(Set.of(), context);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", " TRUE ", "True"})
    void enabledRegistersTheServletAtTheDefaultPath(String enabled) {
        start(Map.of(TicketparkConfig.WEBHOOK_ENABLED, enabled), true);

        assertThat(contextCalls).containsExactly("getClassLoader",
                "addServlet[ticketpark-webhook, class " + WebhookServlet.class.getName() + "]");
        assertThat(servletCalls).containsExactly("addMapping[[/ticketpark/webhook/*]]", "setLoadOnStartup[1]");
    }

    @Test
    void theConfiguredPathIsMapped() {
        start(Map.of(TicketparkConfig.WEBHOOK_ENABLED, "true", TicketparkConfig.WEBHOOK_PATH, " /hooks/tp "), true);

        assertThat(servletCalls).containsExactly("addMapping[[/hooks/tp/*]]", "setLoadOnStartup[1]");
    }

    @Test
    void aBlankPathIsTheDefault() {
        start(Map.of(TicketparkConfig.WEBHOOK_ENABLED, "true", TicketparkConfig.WEBHOOK_PATH, "  "), true);

        assertThat(servletCalls).containsExactly("addMapping[[/ticketpark/webhook/*]]", "setLoadOnStartup[1]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "", "yes", "1"})
    void disabledRegistersNothing(String enabled) {
        start(Map.of(TicketparkConfig.WEBHOOK_ENABLED, enabled), true);

        assertThat(contextCalls).containsExactly("getClassLoader");
    }

    @Test
    void unsetRegistersNothing() {
        start(Map.of(), true);

        assertThat(contextCalls).containsExactly("getClassLoader");
    }

    @ParameterizedTest
    @ValueSource(strings = {"foo", "/a/", "/", "/a b", "hooks/tp"})
    void anInvalidPathRegistersNothing(String path) {
        start(Map.of(TicketparkConfig.WEBHOOK_ENABLED, "true", TicketparkConfig.WEBHOOK_PATH, path), true);

        assertThat(contextCalls).containsExactly("getClassLoader");
    }

    @Test
    void aServletOfTheSameNameIsLeftAlone() {
        start(Map.of(TicketparkConfig.WEBHOOK_ENABLED, "true"), false);

        assertThat(contextCalls).hasSize(2);
        assertThat(servletCalls).isEmpty();
    }
}
