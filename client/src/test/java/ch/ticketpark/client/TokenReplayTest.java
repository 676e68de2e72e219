package ch.ticketpark.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.ResponseProcessingException;

import org.junit.jupiter.api.Test;

import ch.ticketpark.client.exception.AccessDeniedException;
import ch.ticketpark.client.exception.TokenEndpointUnavailableException;
import ch.ticketpark.client.exception.TokenRejectedException;

class TokenReplayTest {

    private static final TokenRejectedException REJECTED = new TokenRejectedException("TPC0201: rejected", 401, "GET",
            "/events/", "");

    private int calls;

    /** A call that throws the given failures one after the other, then answers. */
    private String call(Deque<RuntimeException> failures) {
        calls++;
        if (!failures.isEmpty()) {
            throw failures.pop();
        }
        return "answer";
    }

    @Test
    void aRejectedCallRunsOnceMore() {
        Deque<RuntimeException> failures = new ArrayDeque<>(List.of(REJECTED));

        assertThat(TokenReplay.once(() -> call(failures))).isEqualTo("answer");
        assertThat(calls).isEqualTo(2);
    }

    @Test
    void aRejectionStillWrappedAsTheJaxRsClientRaisedItIsRecognised() {
        Deque<RuntimeException> failures = new ArrayDeque<>(List.of(new ResponseProcessingException(null, REJECTED)));

        assertThat(TokenReplay.once(() -> call(failures))).isEqualTo("answer");
        assertThat(calls).isEqualTo(2);
    }

    @Test
    void aSecondRejectionPropagates() {
        Deque<RuntimeException> failures = new ArrayDeque<>(List.of(REJECTED, REJECTED, REJECTED));

        assertThatThrownBy(() -> TokenReplay.once(() -> call(failures))).isSameAs(REJECTED);
        assertThat(calls).isEqualTo(2);
    }

    @Test
    void anyOtherFailureIsNotReplayed() {
        AccessDeniedException denied = new AccessDeniedException("TPC0201: denied", 403, "GET", "/events/", "");
        Deque<RuntimeException> failures = new ArrayDeque<>(List.of(denied));

        assertThatThrownBy(() -> TokenReplay.once(() -> call(failures))).isSameAs(denied);
        assertThat(calls).isEqualTo(1);
    }

    @Test
    void aFailureOfTheLibrarysRequestFilterComesUnwrappedFromTheJaxRsClientsProcessingException() {
        TokenEndpointUnavailableException down = new TokenEndpointUnavailableException("TPC0101: unavailable", 503);
        Deque<RuntimeException> failures = new ArrayDeque<>(List.of(new ProcessingException(down)));

        assertThatThrownBy(() -> TokenReplay.once(() -> call(failures))).isSameAs(down);
        assertThat(calls).isEqualTo(1);
    }

    @Test
    void aFailureOfTheReplayComesUnwrappedToo() {
        TokenEndpointUnavailableException down = new TokenEndpointUnavailableException("TPC0101: unavailable", 503);
        Deque<RuntimeException> failures = new ArrayDeque<>(List.of(REJECTED, new ProcessingException(down)));

        assertThatThrownBy(() -> TokenReplay.once(() -> call(failures))).isSameAs(down);
        assertThat(calls).isEqualTo(2);
    }

    @Test
    void aProcessingExceptionOfAnotherCauseStaysAsItIs() {
        ProcessingException refused = new ProcessingException(new java.net.ConnectException("refused"));
        Deque<RuntimeException> failures = new ArrayDeque<>(List.of(refused));

        assertThatThrownBy(() -> TokenReplay.once(() -> call(failures))).isSameAs(refused);
        assertThat(calls).isEqualTo(1);
    }

    @Test
    void callsNestedInOneAnotherAreSentAtMostTwiceInAllAndTheNextCallReplaysAgain() {
        Deque<RuntimeException> failures = new ArrayDeque<>(List.of(REJECTED, REJECTED, REJECTED));

        assertThatThrownBy(() -> TokenReplay.once(() -> TokenReplay.once(() -> call(failures)))).isSameAs(REJECTED);
        assertThat(calls).isEqualTo(2);

        assertThat(TokenReplay.once(() -> call(failures))).isEqualTo("answer");
        assertThat(calls).as("the rule applies again after the outer call: a rejection, then the replay").isEqualTo(4);
    }

    @Test
    void aCallThatIsNotReplayableFailsAtTheFirstRejection() {
        Deque<RuntimeException> failures = new ArrayDeque<>(List.of(REJECTED));

        assertThatThrownBy(() -> TokenReplay.once(() -> call(failures), false)).isSameAs(REJECTED);
        assertThat(calls).isEqualTo(1);
    }

    @Test
    void aCallWithoutResultIsReplayedToo() {
        Deque<RuntimeException> failures = new ArrayDeque<>(List.of(REJECTED));

        TokenReplay.once(() -> {
            call(failures);
        });

        assertThat(calls).isEqualTo(2);
    }
}
