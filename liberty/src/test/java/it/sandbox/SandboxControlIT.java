package it.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import ch.ticketpark.sandbox.client.Faults;
import ch.ticketpark.sandbox.client.RecordedRequest;
import ch.ticketpark.sandbox.client.SandboxControl;
import ch.ticketpark.sandbox.client.SandboxException;
import ch.ticketpark.sandbox.client.SandboxStats;
import ch.ticketpark.sandbox.client.junit.SandboxExtension;

/**
 * The public control-plane client ({@code ticketpark-sandbox-client}) against the real sandbox: what it arms and sets
 * is what the token endpoint then does, and what it reads is what the sandbox counted and recorded.
 */
@ExtendWith(ArquillianExtension.class)
@ExtendWith(SandboxExtension.class)
@RunAsClient
class SandboxControlIT {

    /** Reset before each test by the extension. */
    private final SandboxControl sandbox = SandboxControl.fromEnvironment();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return SandboxHttp.emptyWar("sandbox-control-it");
    }

    @AfterEach
    void resetAfter() {
        sandbox.reset();
    }

    @Test
    void armedFaultsStrikeTheTokenEndpointAndAreCounted() {
        sandbox.arm(Faults.token().status(503).retryAfter(2).times(2));
        sandbox.arm(Faults.token().invalidClient());

        for (int i = 0; i < 2; i++) {
            Reply unavailable = SandboxHttp.passwordGrant();
            assertThat(unavailable.status()).isEqualTo(503);
            assertThat(unavailable.headers().firstValue("Retry-After")).contains("2");
            assertThat(unavailable.json().getString("error")).isEqualTo("temporarily_unavailable");
        }
        assertThat(SandboxHttp.passwordGrant().json().getString("error")).isEqualTo("invalid_client");
        assertThat(SandboxHttp.passwordGrant().status()).isEqualTo(200);

        SandboxStats stats = sandbox.stats();
        assertThat(stats.tokenFaults()).isEqualTo(3);
        assertThat(stats.passwordGrantsSucceeded()).isEqualTo(1);
        assertThat(sandbox.faultsInjected()).containsEntry("token", 3L);
    }

    @Test
    void lifetimesAndTheRecordedRequestsAreTheSandboxsOwnAndShownMasked() {
        sandbox.lifetimes(Duration.ofSeconds(42), null);

        String refreshToken = SandboxHttp.passwordGrant().json().getString("refresh_token");
        assertThat(SandboxHttp.refreshGrant(refreshToken).json().getInt("expires_in")).isEqualTo(42);

        List<RecordedRequest> requests = sandbox.requests("token", 10);
        assertThat(requests).extracting(RecordedRequest::grantType).containsExactly("password", "refresh_token");
        assertThat(requests.get(1).form()).containsKey("refresh_token"); // as the sandbox records it: masked
        assertThat(requests.get(0).header("authorization")).startsWith("Basic ");
        assertThat(requests.toString()).doesNotContain(refreshToken, SandboxHttp.PASSWORD,
                SandboxHttp.basic(SandboxHttp.CLIENT_KEY, SandboxHttp.CLIENT_SECRET).substring(6));
    }

    /** As a user's test takes it: a parameter the extension resolves, next to Arquillian's own resolver. */
    @Test
    void theExtensionHandsATestMethodTheSandboxFreshlyReset(SandboxControl given) {
        assertThat(given.url()).isEqualTo(sandbox.url());
        assertThat(given.stats().tokenRequests()).isZero();
        assertThat(given.requests("api", 10)).isEmpty();
    }

    @Test
    void aFaultTheSandboxRefusesSaysWhy() {
        assertThatThrownBy(() -> sandbox.arm(Faults.api().invalidClient())).isInstanceOf(SandboxException.class)
                .hasMessageContaining("HTTP 400").hasMessageContaining("token target only");
        assertThat(sandbox.stats().tokenFaults()).isZero();
    }

    @Test
    void aUrlWithoutASandboxSaysSo() {
        SandboxControl wrong = SandboxControl.at(SandboxHttp.base().replace("/sandbox", "/no-sandbox-here"));

        assertThatThrownBy(wrong::reset).isInstanceOf(SandboxException.class).hasMessageContaining("HTTP 404")
                .hasMessageContaining("is the sandbox WAR deployed at that URL?");
    }
}
