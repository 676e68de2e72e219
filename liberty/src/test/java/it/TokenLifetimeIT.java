package it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With a 2-second token lifetime, a steady stream of calls keeps working through refreshes alone. */
@ExtendWith(ArquillianExtension.class)
class TokenLifetimeIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("token-lifetime-it", Deployments.sandboxConfig(), EventReader.class);
    }

    @Inject
    EventReader reader;

    @BeforeEach
    void shortLifetime() {
        Sandbox.reset();
        Sandbox.accessTokenLifetime(2);
    }

    @AfterEach
    void resetSandbox() {
        Sandbox.reset();
    }

    @Test
    void callsOverSixSecondsNeedOnePasswordGrantAndRefreshesOnly() throws InterruptedException {
        List<Throwable> failures = new ArrayList<>();
        int calls = 0;
        Instant end = Instant.now().plus(Duration.ofMillis(6_500));
        while (Instant.now().isBefore(end)) {
            try {
                assertThat(reader.events()).isNotEmpty();
            } catch (RuntimeException | AssertionError e) {
                failures.add(e);
            }
            calls++;
            Thread.sleep(100); // real time is the point here: tokens must expire while the calls go on
        }

        JsonObject stats = Sandbox.stats();
        assertThat(failures).isEmpty();
        assertThat(calls).isGreaterThanOrEqualTo(10);
        assertThat(stats.getInt("passwordGrants")).isEqualTo(1);
        assertThat(stats.getInt("refreshGrants")).isGreaterThanOrEqualTo(2);
        assertThat(stats.getInt("tokenErrors")).isZero();
        assertThat(stats.getInt("refreshTokenReuses")).isZero();
        assertThat(stats.getInt("apiUnauthorized")).isZero();
    }
}
