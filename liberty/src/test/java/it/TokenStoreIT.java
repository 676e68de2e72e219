package it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import ch.ticketpark.sandbox.client.SandboxControl;
import ch.ticketpark.sandbox.client.SandboxStats;

/**
 * An installation without a password: the application's TokenStore bean supplies the refresh token an earlier run
 * saved, and receives each rotated one.
 */
@ExtendWith(ArquillianExtension.class)
class TokenStoreIT {

    @Deployment
    static WebArchive deployment() {
        Map<String, String> config = Deployments.sandboxConfig();
        config.remove("ticketpark.username");
        config.remove("ticketpark.password");
        config.put("ticketpark.refresh-token", "spent-long-ago");
        return Deployments.war("token-store-it", config, EventReader.class, SavedTokenStore.class, Awaits.class);
    }

    @Inject
    EventReader reader;

    @Inject
    SavedTokenStore store;

    private final SandboxControl sandbox = SandboxControl.fromEnvironment();

    @Test
    void startsFromTheSavedRefreshTokenAndSavesTheRotatedOne() throws InterruptedException {
        sandbox.reset();

        assertThat(reader.events()).isNotEmpty();

        // saves run on the client's own threads, never on the request's
        Awaits.until("the rotated refresh token is saved", () -> !store.saved().isEmpty());
        assertThat(store.saved()).hasSize(1).doesNotContain(store.loaded());
        SandboxStats stats = sandbox.stats();
        assertThat(stats.passwordGrants()).as("only the store's own, standing in for an earlier run")
                .isEqualTo(1);
        assertThat(stats.refreshGrantsSucceeded()).isEqualTo(1);
        assertThat(stats.tokenErrors()).as("the configured, spent token is never sent").isZero();
    }
}
