package ch.ticketpark.client.internal.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import ch.ticketpark.client.exception.InvalidGrantException;

class TokenStateTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private static Token token(long request, boolean reissue) {
        return new Token("access", NOW.minusSeconds(10), NOW.plusSeconds(100), NOW.plusSeconds(90), request, reissue,
                false);
    }

    @Test
    void theInitialStateHoldsOnlyTheRefreshToken() {
        TokenState state = TokenState.initial("refresh");

        assertThat(state.token()).isNull();
        assertThat(state.refreshToken()).isEqualTo("refresh");
        assertThat(state.storeLoaded()).isFalse();
        assertThat(state.usable(NOW)).isNull();
        assertThat(state.reissueDeferred(NOW)).isFalse();
        assertThat(state.saveRetryAt()).isNull();
    }

    @Test
    void aValidTokenIsUsableUntilItExpires() {
        TokenState state = TokenState.initial("refresh").withToken(token(0, false));

        assertThat(state.usable(NOW)).isSameAs(state.token());
        assertThat(state.usable(NOW.plusSeconds(100).minusNanos(1))).isSameAs(state.token());
        assertThat(state.usable(NOW.plusSeconds(100))).isNull();
    }

    @Test
    void aRejectedTokenIsNotUsableAndItsReissueWaitsForTheInstant() {
        TokenState state = TokenState.initial("refresh").withToken(token(3, true)).withTokenRejected(4,
                NOW.plusSeconds(5));

        assertThat(state.usable(NOW)).isNull();
        assertThat(state.token().rejected()).isTrue();
        assertThat(state.staleBelow()).isEqualTo(4);
        assertThat(state.reissueNotBefore()).isEqualTo(NOW.plusSeconds(5));
        assertThat(state.reissueDeferred(NOW)).isTrue();
        assertThat(state.reissueDeferred(NOW.plusSeconds(5).minusNanos(1))).isTrue();
        assertThat(state.reissueDeferred(NOW.plusSeconds(5))).isFalse();
    }

    @Test
    void aRejectedTokenThatWasNoReissueDefersNothing() {
        TokenState state = TokenState.initial("refresh").withToken(token(3, false)).withTokenRejected(4,
                NOW.plusSeconds(5));

        assertThat(state.reissueDeferred(NOW)).isFalse();
    }

    @Test
    void aReissueTokenThatWasNotRejectedDefersNothing() {
        TokenState state = new TokenState(token(3, true), "refresh", null, null, true, 0, NOW.plusSeconds(5), null);

        assertThat(state.reissueDeferred(NOW)).isFalse();
    }

    @Test
    void aTokenOfARequestBeforeARejectionIsStaleAndOneAfterIsNot() {
        TokenState rejected = TokenState.initial("refresh").withToken(token(3, false)).withTokenRejected(4, NOW);

        assertThat(rejected.withToken(token(3, false)).usable(NOW)).isNull();
        assertThat(rejected.withToken(token(4, false)).usable(NOW)).isNotNull();
        assertThat(rejected.withToken(token(5, false)).usable(NOW)).isNotNull();
    }

    @Test
    void aNewRefreshTokenRevivesTheChain() {
        var dead = new InvalidGrantException("dead", 400, "Invalid refresh token");
        TokenState state = TokenState.initial("old").withToken(token(1, false)).withRefreshTokenRejected(dead);

        assertThat(state.refreshToken()).isNull();
        assertThat(state.spentRefreshToken()).isEqualTo("old");
        assertThat(state.dead()).isSameAs(dead);
        assertThat(state.token()).isNotNull();

        TokenState revived = state.withRefreshToken("new");

        assertThat(revived.refreshToken()).isEqualTo("new");
        assertThat(revived.spentRefreshToken()).isNull();
        assertThat(revived.dead()).isNull();
        assertThat(revived.token()).isSameAs(state.token());
    }

    @Test
    void theWithersKeepEverythingElse() {
        var dead = new InvalidGrantException("dead", 400, "x");
        TokenState full = new TokenState(token(2, true), "refresh", "spent", dead, false, 2, NOW, NOW.plusSeconds(1));

        assertThat(full.withStoreLoaded()).isEqualTo(
                new TokenState(token(2, true), "refresh", "spent", dead, true, 2, NOW, NOW.plusSeconds(1)));
        assertThat(full.withSaveRetryAt(null))
                .isEqualTo(new TokenState(token(2, true), "refresh", "spent", dead, false, 2, NOW, null));
        assertThat(full.withToken(null))
                .isEqualTo(new TokenState(null, "refresh", "spent", dead, false, 2, NOW, NOW.plusSeconds(1)));
        assertThat(full.withRefreshToken("new"))
                .isEqualTo(new TokenState(token(2, true), "new", null, null, false, 2, NOW, NOW.plusSeconds(1)));
        assertThat(full.withRefreshTokenRejected(null))
                .isEqualTo(new TokenState(token(2, true), null, "refresh", null, false, 2, NOW, NOW.plusSeconds(1)));
        assertThat(full.withTokenRejected(5, NOW.plusSeconds(9))).isEqualTo(new TokenState(token(2, true).asRejected(),
                "refresh", "spent", dead, false, 5, NOW.plusSeconds(9), NOW.plusSeconds(1)));
    }

    @Test
    void aForgottenTokenIsExpiredAndNoTokenStaysNone() {
        TokenState state = TokenState.initial("refresh").withToken(token(1, true));

        TokenState forgotten = state.withTokenForgotten();

        assertThat(forgotten.usable(NOW)).isNull();
        assertThat(forgotten.token()).isEqualTo(token(1, true).expired());
        assertThat(TokenState.initial("refresh").withTokenForgotten().token()).isNull();
    }

    @Test
    void anAnswerIsAcceptedForTheCurrentOrTheJustRejectedRefreshToken() {
        TokenState state = TokenState.initial("current");

        assertThat(state.accepts("current")).isTrue();
        assertThat(state.accepts("older")).isFalse();
        assertThat(state.accepts(null)).isFalse();

        TokenState rejected = state.withRefreshTokenRejected(null);

        assertThat(rejected.accepts("current")).isTrue();
        assertThat(rejected.accepts(null)).isTrue();
        assertThat(rejected.accepts("older")).isFalse();
    }

    @Test
    void withoutARejectedRefreshTokenOnlyTheCurrentOneIsAccepted() {
        TokenState passwordOnly = TokenState.initial(null);

        assertThat(passwordOnly.accepts(null)).isTrue();
        assertThat(passwordOnly.accepts("any")).isFalse();
    }

    @Test
    void toStringMasksBothTokensAndNamesTheState() {
        TokenState state = TokenState.initial("refresh-secret").withToken(token(1, false));

        assertThat(state.toString()).doesNotContain("refresh-secret").doesNotContain("access,").contains("****")
                .contains("storeLoaded=false").doesNotContain("dead").doesNotContain("unsaved");
        assertThat(TokenState.initial(null).toString()).contains("refreshToken=<none>");
        assertThat(state.withRefreshTokenRejected(new InvalidGrantException("x", 400, "y"))
                .withSaveRetryAt(NOW)
                .withStoreLoaded()
                .toString()).contains(", dead").contains("storeLoaded=true").contains(", unsaved, saveRetryAt=" + NOW);
    }
}
