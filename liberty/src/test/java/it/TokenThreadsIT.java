package it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import ch.ticketpark.client.TicketparkTokens;
import ch.ticketpark.sandbox.client.SandboxControl;

/**
 * The token requests and the saves run on the server's managed threads, with the application's context, even when
 * the first to ask for a token is a thread the server does not manage (a timer or a library's own thread).
 */
@ExtendWith(ArquillianExtension.class)
class TokenThreadsIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("token-threads-it", Deployments.sandboxConfig(), ContextRecordingStore.class,
                Awaits.class);
    }

    @Inject
    TicketparkTokens tokens;

    @Inject
    ContextRecordingStore store;

    private final SandboxControl sandbox = SandboxControl.fromEnvironment();

    @Test
    void firstTokenAskedForOnAPlainThreadStillRunsEverythingOnManagedThreads() throws Exception {
        sandbox.reset();
        CompletableFuture<String> first = new CompletableFuture<>();
        Thread plain = new Thread(() -> {
            try {
                first.complete(tokens.accessToken());
            } catch (RuntimeException | Error e) {
                first.completeExceptionally(e);
            }
        }, "not-managed-by-the-server");

        plain.start();

        assertThat(first.get(30, TimeUnit.SECONDS)).isNotBlank();
        Awaits.until("the rotated refresh token is saved", () -> !store.saves().isEmpty());
        assertThat(store.saves()).containsOnly("java:comp resolved");
    }
}
