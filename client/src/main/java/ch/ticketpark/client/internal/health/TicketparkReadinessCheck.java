package ch.ticketpark.client.internal.health;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import ch.ticketpark.client.TicketparkTokens;
import ch.ticketpark.client.status.TokenProblem;
import ch.ticketpark.client.status.TokenStatus;

/**
 * The readiness check {@code ticketpark}: UP while the client can serve calls (a valid token, or none needed yet, or
 * a failure that may pass), DOWN with the code and reason of each problem (the refresh-token chain ended, the client
 * credentials rejected, the circuit breaker open, the token store failing to save). It reads the status only: it
 * never sends a token request and never waits, however slow the token endpoint is. Its data holds no token and no
 * secret (Liberty logs the data of a DOWN answer, {@code CWMMH0052W}).
 * <p>
 * Application-scoped: the health endpoint obtains the bean at every request and never releases it.
 */
@Readiness
@ApplicationScoped
public class TicketparkReadinessCheck implements HealthCheck {

    /** The check's name in {@code /health/ready}. */
    public static final String NAME = "ticketpark";

    private final TicketparkTokens tokens;

    @Inject
    public TicketparkReadinessCheck(TicketparkTokens tokens) {
        this.tokens = tokens;
    }

    /** For the container's proxy only. */
    protected TicketparkReadinessCheck() {
        this.tokens = null;
    }

    @Override
    public HealthCheckResponse call() {
        TokenStatus status;
        try {
            status = tokens.status();
        } catch (RuntimeException | Error e) {
            // a check that throws answers HTTP 500 without a body: DOWN says more
            return new HealthCheckResponse(NAME, HealthCheckResponse.Status.DOWN,
                    Optional.of(Map.of("code", "TPC0014", "reason", "the status could not be read: "
                            + e.getClass().getName())));
        }
        return new HealthCheckResponse(NAME,
                status.ready() ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
                Optional.of(data(status)));
    }

    /**
     * The status as the check's data: strings and numbers, the problems first. A problem's reason is a fixed text by
     * its kind: the full message, with what the token endpoint answered, is in the log under its code, not in an
     * answer anyone who reaches {@code /health} can read.
     */
    static Map<String, Object> data(TokenStatus status) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (!status.problems().isEmpty()) {
            TokenProblem first = status.problems().get(0);
            data.put("code", first.code());
            data.put("reason", reason(first.kind()));
            data.put("problems", status.problems().stream().map(problem -> problem.kind().name())
                    .collect(Collectors.joining(",")));
        }
        data.put("state", status.state().name());
        status.validUntil().ifPresent(until -> data.put("validUntil", until.toString()));
        status.validFor().ifPresent(left -> data.put("secondsUntilExpiry", left.toSeconds()));
        status.lastObtained().ifPresent(obtained -> {
            data.put("lastSuccess", obtained.obtainedAt().toString());
            data.put("lastSuccessGrant", obtained.grantType().wireName());
        });
        status.lastFailure().ifPresent(failed -> {
            data.put("lastFailure", failed.failedAt().toString());
            data.put("lastFailureCode", failed.code());
        });
        data.put("passwordGrants", status.passwordGrants());
        data.put("refreshGrants", status.refreshGrants());
        data.put("failedRequests", status.failedRequests());
        status.circuitOpenUntil().map(Instant::toString).ifPresent(until -> data.put("circuitOpenUntil", until));
        return data;
    }

    private static String reason(TokenProblem.Kind kind) {
        return switch (kind) {
            case REFRESH_TOKEN_CHAIN_ENDED -> "the refresh-token chain has ended and no password can start a new one: "
                    + "a new refresh token is needed (the one-time login)";
            case CLIENT_REJECTED -> "the token endpoint rejected the client key or secret";
            case CIRCUIT_OPEN -> "token requests failed too often in a row: calls fail at once until circuitOpenUntil";
            case STORE_SAVE_FAILING -> "the token store failed to save the newest refresh token: a restart now would "
                    + "lose the chain";
        };
    }
}
