package ch.ticketpark.client.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;

import ch.ticketpark.client.spi.StoredTokens;

class VersionRuleTest {

    @Test
    void theNextVersionIsOneMoreThanTheExpectedOne() {
        assertThatNoException().isThrownBy(() -> VersionRule.check(0, StoredTokens.ofRefreshToken("r", 1)));
        assertThatNoException().isThrownBy(() -> VersionRule.check(41, StoredTokens.ofRefreshToken("r", 42)));
    }

    @Test
    void anyOtherIsRefusedNamingBothVersions() {
        assertThatIllegalArgumentException().isThrownBy(() -> VersionRule.check(1, StoredTokens.ofRefreshToken("r",
                1))).withMessage("the next state's version must be expectedVersion + 1 = 2, not 1");
        assertThatIllegalArgumentException().isThrownBy(() -> VersionRule.check(1, StoredTokens.ofRefreshToken("r",
                3))).withMessage("the next state's version must be expectedVersion + 1 = 2, not 3");
    }

    @Test
    void aNegativeExpectedVersionOrNoNextStateIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> VersionRule.check(-1, StoredTokens.ofRefreshToken("r",
                1))).withMessage("expectedVersion must be 0 (nothing stored) or more, not -1");
        assertThatNullPointerException().isThrownBy(() -> VersionRule.check(0, null)).withMessage("next");
    }

    @Test
    void nothingStoredIsVersionZero() {
        assertThat(VersionRule.versionOf(null)).isZero();
        assertThat(VersionRule.versionOf(StoredTokens.ofRefreshToken("r", 7))).isEqualTo(7);
    }
}
