package ch.ticketpark.sandbox.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import org.junit.jupiter.api.Test;

import ch.ticketpark.sandbox.Counter;
import ch.ticketpark.sandbox.MutableClock;
import ch.ticketpark.sandbox.SandboxSettings;
import ch.ticketpark.sandbox.SandboxStats;
import ch.ticketpark.sandbox.StatsSnapshot;
import ch.ticketpark.sandbox.oauth.BearerCheck;
import ch.ticketpark.sandbox.oauth.TokenAuthority;
import ch.ticketpark.sandbox.oauth.TokenRequest;

/**
 * The API counters as the Bearer check feeds them: {@code apiUnauthorizedExpired} counts only the refusals of tokens
 * whose lifetime is over, a part of {@code apiUnauthorized}, which also counts missing, unknown and revoked ones.
 */
class RequestRecorderTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T08:00:00Z"));
    private final SandboxStats stats = new SandboxStats();
    private final TokenAuthority authority = new TokenAuthority(clock, SandboxSettings.defaults(), stats);
    private final RequestLog log = new RequestLog();
    private final RequestRecorder recorder = new RequestRecorder(log, stats);

    @Test
    void onlyATokenPastItsLifetimeCountsAsUnauthorizedExpired() {
        String token = login();
        send(token);
        send(null);
        send("never-issued");
        assertThat(counted(Counter.API_UNAUTHORIZED_EXPIRED)).isZero();

        clock.advance(Duration.ofSeconds(599));
        String forgotten = login();
        send(token);
        assertThat(counted(Counter.API_UNAUTHORIZED_EXPIRED)).isZero();
        clock.advance(Duration.ofSeconds(1));
        send(token);
        assertThat(counted(Counter.API_UNAUTHORIZED_EXPIRED)).isEqualTo(1);

        // past its lifetime too, but revoked first: the sandbox no longer knows it, so it is not an expired one
        clock.advance(Duration.ofSeconds(600));
        authority.revokeAccessTokens();
        send(forgotten);

        assertThat(counted(Counter.API_UNAUTHORIZED_EXPIRED)).isEqualTo(1);
        assertThat(stats.snapshot()).isEqualTo(new StatsSnapshot(2, 0, 0, 0, 6, 4));
        assertThat(log.all()).extracting(RecordedRequest::bearer).containsExactly(BearerCheck.VALID,
                BearerCheck.MISSING, BearerCheck.INVALID, BearerCheck.VALID, BearerCheck.EXPIRED, BearerCheck.INVALID);
    }

    @Test
    void resetForgetsTheExpiredRefusals() {
        String token = login();
        clock.advance(Duration.ofSeconds(600));
        send(token);
        assertThat(counted(Counter.API_UNAUTHORIZED_EXPIRED)).isEqualTo(1);

        stats.reset();

        assertThat(counted(Counter.API_UNAUTHORIZED_EXPIRED)).isZero();
    }

    @Test
    void credentialsInTheQueryAndInProxyAuthorizationAreRecordedMasked() {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.putSingle("Proxy-Authorization", "Basic cHJveHk6cHc=");
        recorder.record(request("GET", URI.create("http://localhost/sandbox/events/?access_token=at-secret&limit=1"
                + "&pass%77ord=pw-secret&filters%5Bname%5D=x"), headers), BearerCheck.MISSING);

        RecordedRequest recorded = log.all().get(0);
        assertThat(recorded.query()).isEqualTo("access_token=****&limit=1&pass%77ord=****&filters%5Bname%5D=x");
        assertThat(recorded.headers()).containsEntry("proxy-authorization", java.util.List.of("Basic ****"));
    }

    private long counted(Counter counter) {
        return stats.counters().get(counter);
    }

    private String login() {
        return authority.grant(new TokenRequest("password", null, "demo-client", "demo-secret", "demo@ticketpark.test",
                "demo-password", null)).accessToken();
    }

    /** One API request with this Bearer token ({@code null}: none), checked and recorded as the filter does. */
    private void send(String token) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        if (token != null) {
            headers.putSingle("Authorization", "Bearer " + token);
        }
        recorder.record(request("GET", URI.create("http://localhost/sandbox/events/"), headers),
                authority.checkAccessToken(token));
    }

    private static ContainerRequestContext request(String method, URI uri, MultivaluedMap<String, String> headers) {
        UriInfo info = (UriInfo) Proxy.newProxyInstance(RequestRecorderTest.class.getClassLoader(),
                new Class<?>[]{UriInfo.class}, (proxy, called, args) -> switch (called.getName()) {
                    case "getRequestUri" -> uri;
                    case "getBaseUri" -> URI.create("http://localhost/sandbox/");
                    default -> throw new UnsupportedOperationException(called.getName());
                });
        return (ContainerRequestContext) Proxy.newProxyInstance(RequestRecorderTest.class.getClassLoader(),
                new Class<?>[]{ContainerRequestContext.class}, (proxy, called, args) -> switch (called.getName()) {
                    case "getUriInfo" -> info;
                    case "getMethod" -> method;
                    case "getHeaders" -> headers;
                    default -> throw new UnsupportedOperationException(called.getName());
                });
    }
}
