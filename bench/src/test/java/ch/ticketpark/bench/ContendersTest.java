package ch.ticketpark.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.junit.jupiter.api.Test;

/**
 * Each contender is measured doing the real thing: it obtains its token from the endpoint with a password grant, once,
 * and then puts that token on every request without another token request.
 */
class ContendersTest {

    @Test
    void eachContenderPutsItsOwnTokenAfterOnePasswordGrantAndThenSendsNoTokenRequest() throws Exception {
        try (LoopbackTokenEndpoint endpoint = new LoopbackTokenEndpoint(Duration.ofHours(1), Duration.ZERO);
                Contenders contenders = new Contenders(endpoint.baseUrl(), Duration.ofSeconds(30))) {
            ClientRequestContext request = contenders.request();

            contenders.ours(request);
            String ours = header(request);
            contenders.keycloak(request);
            String keycloak = header(request);
            contenders.spring(request);
            String spring = header(request);
            for (int i = 0; i < 100; i++) {
                contenders.ours(request);
                contenders.keycloak(request);
                contenders.spring(request);
            }
            contenders.baseline(request);

            assertThat(ours).startsWith("Bearer at-");
            assertThat(keycloak).startsWith("Bearer at-");
            assertThat(spring).startsWith("Bearer at-");
            assertThat(java.util.Set.of(ours, keycloak, spring)).as("three tokens, one each").hasSize(3);
            assertThat(header(request)).isEqualTo("Bearer at-static");
            assertThat(endpoint.passwordGrants()).isEqualTo(3);
            assertThat(endpoint.requests()).isEqualTo(3);
        }
    }

    private static String header(ClientRequestContext request) {
        return (String) request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
    }
}
