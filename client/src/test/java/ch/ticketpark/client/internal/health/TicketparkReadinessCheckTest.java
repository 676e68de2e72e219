package ch.ticketpark.client.internal.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import ch.ticketpark.client.TicketparkTokens;
import ch.ticketpark.client.status.GrantType;
import ch.ticketpark.client.status.TokenObtained;
import ch.ticketpark.client.status.TokenProblem;
import ch.ticketpark.client.status.TokenRequestFailed;
import ch.ticketpark.client.status.TokenStatus;

/** The check answers what the status says, in the data types the health endpoint writes, and never throws. */
class TicketparkReadinessCheckTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private static HealthCheckResponse check(Supplier<TokenStatus> status) {
        TicketparkTokens tokens = new TicketparkTokens() {

            @Override
            public String accessToken() {
                throw new AssertionError("the check must never ask for a token");
            }

            @Override
            public void invalidate() {
                throw new AssertionError("not the check's to call");
            }

            @Override
            public void invalidate(String accessToken) {
                throw new AssertionError("not the check's to call");
            }

            @Override
            public TokenStatus status() {
                return status.get();
            }
        };
        return new TicketparkReadinessCheck(tokens).call();
    }

    private static TokenStatus status(TokenStatus.State state, Instant validUntil, List<TokenProblem> problems) {
        return new TokenStatus(NOW, state, Optional.ofNullable(validUntil),
                Optional.of(new TokenObtained(GrantType.REFRESH_TOKEN, NOW.minusSeconds(60), NOW.plusSeconds(540),
                        Duration.ofMillis(80))),
                Optional.of(new TokenRequestFailed(GrantType.PASSWORD, NOW.minusSeconds(120), "TPC0005",
                        "TPC0005: The Ticketpark token endpoint failed with HTTP 503", 503, Duration.ofMillis(5))),
                1, 4, 2, Optional.empty(), problems);
    }

    @Test
    void aValidTokenIsUpWithItsExpiryGrantsAndLastOutcomes() {
        HealthCheckResponse response = check(() -> status(TokenStatus.State.VALID, NOW.plusSeconds(540), List.of()));

        assertThat(response.getName()).isEqualTo("ticketpark");
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getData()).get().asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.map(String.class, Object.class)).containsExactly(
                        entry("state", "VALID"), entry("validUntil", "2026-12-02T10:09:00Z"),
                        entry("secondsUntilExpiry", 540L), entry("lastSuccess", "2026-12-02T09:59:00Z"),
                        entry("lastSuccessGrant", "refresh_token"), entry("lastFailure", "2026-12-02T09:58:00Z"),
                        entry("lastFailureCode", "TPC0005"), entry("passwordGrants", 1L),
                        entry("refreshGrants", 4L), entry("failedRequests", 2L));
    }

    @Test
    void everyProblemMakesItDownWithTheFirstCodeAndReasonAndTheirKinds() {
        List<TokenProblem> problems = List.of(
                new TokenProblem(TokenProblem.Kind.CLIENT_REJECTED, "TPC0100", "TPC0100: rejected"),
                new TokenProblem(TokenProblem.Kind.CIRCUIT_OPEN, "TPC0102", "TPC0102: open"));

        HealthCheckResponse response = check(() -> status(TokenStatus.State.NONE, null, problems));

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        Map<String, Object> data = response.getData().orElseThrow();
        assertThat(data).containsEntry("code", "TPC0100")
                .containsEntry("reason", "the token endpoint rejected the client key or secret")
                .containsEntry("problems", "CLIENT_REJECTED,CIRCUIT_OPEN").containsEntry("state", "NONE")
                .doesNotContainKeys("validUntil", "secondsUntilExpiry");
        assertThat(data.values()).allMatch(value -> value instanceof String || value instanceof Long);
    }

    @Test
    void aStatusThatCannotBeReadIsDownNotAnException() {
        HealthCheckResponse response = check(() -> {
            throw new IllegalStateException("context gone");
        });

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData().orElseThrow()).containsEntry("code", "TPC0014");
        assertThat(response.getData().orElseThrow().get("reason").toString())
                .contains(IllegalStateException.class.getName()).doesNotContain("context gone");
    }
}
