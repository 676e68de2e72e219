package ch.ticketpark.client.internal.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class TokenTest {

    private static final Instant SENT = Instant.parse("2026-11-29T12:00:00Z");

    @Test
    void theDefaultSkewIsAFifthOfTheLifetimeUpToThirtySeconds() {
        assertThat(Token.defaultSkew(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(12));
        assertThat(Token.defaultSkew(Duration.ofSeconds(150))).isEqualTo(Duration.ofSeconds(30));
        assertThat(Token.defaultSkew(Duration.ofHours(1))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theEffectiveSkewIsAtMostHalfTheLifetime() {
        assertThat(Token.effectiveSkew(null, Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(12));
        assertThat(Token.effectiveSkew(Duration.ofSeconds(20), Duration.ofSeconds(60)))
                .isEqualTo(Duration.ofSeconds(20));
        assertThat(Token.effectiveSkew(Duration.ofSeconds(30), Duration.ofSeconds(60)))
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(Token.effectiveSkew(Duration.ofMinutes(10), Duration.ofSeconds(60)))
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aPromptAnswerExpiresAfterTheLifetimeFromSendingAndIsRefreshedBeforeBySkew() {
        Token token = Token.issued("access", Duration.ofSeconds(3600), SENT, SENT.plusMillis(200),
                Duration.ofMinutes(5), 7, true);

        assertThat(token.accessToken()).isEqualTo("access");
        assertThat(token.sentAt()).isEqualTo(SENT);
        assertThat(token.expiresAt()).isEqualTo(SENT.plusSeconds(3600));
        assertThat(token.refreshAt()).isEqualTo(SENT.plusSeconds(3300));
        assertThat(token.request()).isEqualTo(7);
        assertThat(token.reissue()).isTrue();
        assertThat(token.rejected()).isFalse();
    }

    @Test
    void aSlowAnswerIsStillUsedForHalfOfWhatIsLeft() {
        // 100 s lifetime, 10 s skew, the answer arrives after 84 s: 16 s are left, refresh after 8 of them
        Token token = Token.issued("access", Duration.ofSeconds(100), SENT, SENT.plusSeconds(84),
                Duration.ofSeconds(10), 1, false);

        assertThat(token.expiresAt()).isEqualTo(SENT.plusSeconds(100));
        assertThat(token.refreshAt()).isEqualTo(SENT.plusSeconds(92));
    }

    @Test
    void slowAnswerDoesNotMakeTheTokenDueOnArrival() {
        Token token = Token.issued("a", Duration.ofSeconds(10), SENT, SENT.plusSeconds(9), null, 1, false);

        // default skew 2 s would refresh at 8 s, before the answer came; half of the second left instead
        assertThat(token.refreshAt()).isEqualTo(SENT.plusMillis(9_500));
    }

    @Test
    void whenHalfOfWhatIsLeftEqualsTheSkewedInstantThatIsIt() {
        // 100 s lifetime, 10 s skew, answer after 80 s: both are 90 s
        Token token = Token.issued("access", Duration.ofSeconds(100), SENT, SENT.plusSeconds(80),
                Duration.ofSeconds(10), 1, false);
        Token later = Token.issued("access", Duration.ofSeconds(100), SENT, SENT.plusSeconds(82),
                Duration.ofSeconds(10), 1, false);

        assertThat(token.refreshAt()).isEqualTo(SENT.plusSeconds(90));
        assertThat(later.refreshAt()).isEqualTo(SENT.plusSeconds(91));
    }

    @Test
    void anAnswerArrivingAfterExpiryIsDueAtOnce() {
        Token token = Token.issued("access", Duration.ofSeconds(10), SENT, SENT.plusSeconds(20), null, 1, false);

        assertThat(token.refreshAt()).isEqualTo(SENT.plusSeconds(8));
        assertThat(token.isExpired(SENT.plusSeconds(20))).isTrue();
        assertThat(token.isDueForRefresh(SENT.plusSeconds(20))).isTrue();
    }

    @Test
    void anAnswerArrivingExactlyAtExpiryKeepsTheSkewedInstant() {
        Token token = Token.issued("access", Duration.ofSeconds(10), SENT, SENT.plusSeconds(10), null, 1, false);

        assertThat(token.refreshAt()).isEqualTo(SENT.plusSeconds(10));
    }

    @Test
    void expiryAndRefreshStartExactlyAtTheirInstants() {
        Token token = Token.issued("access", Duration.ofSeconds(100), SENT, SENT, Duration.ofSeconds(10), 1, false);

        assertThat(token.isDueForRefresh(SENT.plusSeconds(90).minusNanos(1))).isFalse();
        assertThat(token.isDueForRefresh(SENT.plusSeconds(90))).isTrue();
        assertThat(token.isExpired(SENT.plusSeconds(100).minusNanos(1))).isFalse();
        assertThat(token.isExpired(SENT.plusSeconds(100))).isTrue();
    }

    @Test
    void anExpiredCopyIsExpiredAndDueButKeepsTheRest() {
        Token token = new Token("access", SENT, SENT.plusSeconds(100), SENT.plusSeconds(90), 4, true, false);

        Token expired = token.expired();

        assertThat(expired.isExpired(SENT)).isTrue();
        assertThat(expired.isDueForRefresh(SENT)).isTrue();
        assertThat(expired.accessToken()).isEqualTo("access");
        assertThat(expired.sentAt()).isEqualTo(SENT);
        assertThat(expired.request()).isEqualTo(4);
        assertThat(expired.reissue()).isTrue();
        assertThat(expired.rejected()).isFalse();
    }

    @Test
    void anAcceptedCopyIsNoLongerAReissue() {
        Token token = new Token("access", SENT, SENT.plusSeconds(100), SENT.plusSeconds(90), 4, true, false);

        assertThat(token.asAccepted()).isEqualTo(
                new Token("access", SENT, SENT.plusSeconds(100), SENT.plusSeconds(90), 4, false, false));
    }

    @Test
    void aRejectedCopyIsRejectedAndExpired() {
        Token token = new Token("access", SENT, SENT.plusSeconds(100), SENT.plusSeconds(90), 4, true, false);

        Token rejected = token.asRejected();

        assertThat(rejected.rejected()).isTrue();
        assertThat(rejected.reissue()).isTrue();
        assertThat(rejected.isExpired(SENT)).isTrue();
        assertThat(rejected.request()).isEqualTo(4);
    }

    @Test
    void toStringMasksTheTokenAndNamesItsFlags() {
        Token token = new Token("access-secret", SENT, SENT.plusSeconds(100), SENT.plusSeconds(90), 4, true, false);

        assertThat(token.toString()).doesNotContain("access-secret").contains("****").contains(", reissue")
                .doesNotContain("rejected").contains("expiresAt=" + SENT.plusSeconds(100));
        assertThat(token.asRejected().asAccepted().toString()).contains(", rejected").doesNotContain("reissue");
    }
}
