package ch.ticketpark.client.internal.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class InFlightRequestTest {

    private static final Instant DEADLINE = Instant.parse("2026-11-29T12:00:30Z");
    private static final Instant BEFORE = DEADLINE.minusSeconds(10);
    private static final RuntimeException WHY = new IllegalStateException("replaced");

    private final InFlightRequest request = new InFlightRequest(7, DEADLINE, true, false);

    private static Throwable failureOf(InFlightRequest request) {
        return request.outcome().handle((token, failure) -> failure).join();
    }

    @Test
    void itKeepsWhatItWasCreatedWith() {
        var reissue = new InFlightRequest(8, DEADLINE, false, true);

        assertThat(request.number()).isEqualTo(7);
        assertThat(request.deadline()).isEqualTo(DEADLINE);
        assertThat(request.isBackground()).isTrue();
        assertThat(request.isReissue()).isFalse();
        assertThat(reissue.isBackground()).isFalse();
        assertThat(reissue.isReissue()).isTrue();
        assertThat(request.toString()).contains("NEW").contains(", background").doesNotContain("reissue");
        assertThat(reissue.toString()).contains(", reissue").doesNotContain("background");
    }

    @Test
    void aNewRequestIsIdleStartsOnceAndSendsOnlyOnceRunning() {
        assertThat(request.isIdle()).isTrue();
        assertThat(request.sending()).isFalse();

        assertThat(request.start()).isTrue();
        assertThat(request.start()).isFalse();
        assertThat(request.isIdle()).isTrue();

        assertThat(request.sending()).isTrue();
        assertThat(request.isIdle()).isFalse();
        assertThat(request.sending()).isFalse();
        assertThat(request.toString()).contains("SENDING");

        request.sent();
        assertThat(request.isIdle()).isTrue();
        assertThat(request.sending()).isTrue();
    }

    @Test
    void aRequestThatSendsNothingCanBeAbandonedAndFailsItsOutcome() {
        assertThat(request.abandon(BEFORE, WHY)).isTrue();

        assertThat(request.isAbandoned()).isTrue();
        assertThat(request.isIdle()).isFalse();
        assertThat(request.outcome()).isCompletedExceptionally();
        assertThat(failureOf(request)).isSameAs(WHY);
        assertThat(request.start()).isFalse();
        assertThat(request.sending()).isFalse();
        assertThat(request.abandon(BEFORE, new IllegalStateException("again"))).isTrue();
        assertThat(failureOf(request)).isSameAs(WHY);
    }

    @Test
    void aRunningRequestBetweenAttemptsCanBeAbandoned() {
        request.start();

        assertThat(request.abandon(BEFORE, WHY)).isTrue();
        assertThat(request.sending()).isFalse();
        request.sent();
        assertThat(request.isAbandoned()).isTrue();
    }

    @Test
    void aSendingRequestIsNotAbandonedBeforeItsDeadline() {
        request.start();
        request.sending();

        assertThat(request.abandon(BEFORE, WHY)).isFalse();
        assertThat(request.abandon(DEADLINE, WHY)).isFalse();
        assertThat(request.isAbandoned()).isFalse();
        assertThat(request.outcome()).isNotDone();
    }

    @Test
    void aSendingRequestPastItsDeadlineIsAbandoned() {
        request.start();
        request.sending();

        assertThat(request.abandon(DEADLINE.plusNanos(1), WHY)).isTrue();
        assertThat(request.isAbandoned()).isTrue();
        assertThat(request.outcome()).isCompletedExceptionally();
    }

    @Test
    void itIsOverdueOnlyAfterItsDeadline() {
        assertThat(request.isOverdue(BEFORE)).isFalse();
        assertThat(request.isOverdue(DEADLINE)).isFalse();
        assertThat(request.isOverdue(DEADLINE.plusNanos(1))).isTrue();
    }

    @Test
    void sentOutsideAnAttemptChangesNothing() {
        request.sent();
        assertThat(request.start()).isTrue();

        request.abandon(BEFORE, WHY);
        request.sent();
        assertThat(request.isAbandoned()).isTrue();
    }
}
