package ch.ticketpark.client.internal.token;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import ch.ticketpark.client.exception.MalformedTokenResponseException;

class RefusedAnswerTest {

    private final MalformedTokenResponseException refusal = new MalformedTokenResponseException(
            "TPC0007: expires_in is missing", 200);
    private final RefusedAnswer refused = new RefusedAnswer(refusal, "refresh-2");

    @Test
    void itCarriesTheRefusalForTheCallersAndTheNewRefreshTokenForTheChain() {
        assertThat(refused.refusal()).isSameAs(refusal);
        assertThat(refused.refreshToken()).isEqualTo("refresh-2");
    }

    @Test
    void itSaysWhatTheRefusalSaysAndNeverItsRefreshToken() {
        assertThat(refused).hasMessage(refusal.getMessage()).hasNoCause();
        assertThat(refused.toString()).doesNotContain("refresh-2");
        assertThat(refused.getStackTrace()).isEmpty();
        assertThat(refused.getSuppressed()).isEmpty();
    }
}
