package ch.ticketpark.client.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import ch.ticketpark.client.exception.TicketparkConfigurationException;

/**
 * Each type on its own. {@link ConfigKey} builds its types once, when the enum is initialised, so only these tests
 * see what a type's factory returns.
 */
class ValueTypeTest {

    private static final String KEY = "ticketpark.some-key";

    private final Problems problems = new Problems();

    @Test
    void textIsTakenAsItIsWhateverItHolds() {
        assertThat(ValueType.text().read(KEY, "pa55 w\u00f6rd!\"", problems)).isEqualTo("pa55 w\u00f6rd!\"");
        assertThat(reported()).isEmpty();
    }

    @Test
    void refreshTokenThatCannotBeSentIsReportedWithoutShowingIt() {
        assertThat(ValueType.refreshToken().read(KEY, "refresh-1", problems)).isEqualTo("refresh-1");
        assertThat(reported()).isEmpty();

        ValueType.refreshToken().read(KEY, "seed refresh", problems);

        assertThat(reported()).containsExactly(KEY + " contains a space");
    }

    @Test
    void urlIsReadAsAUriOrReportedWithTheReason() {
        assertThat(ValueType.url().read(KEY, "https://api.ticketpark.ch/v2", problems))
                .isEqualTo(URI.create("https://api.ticketpark.ch/v2"));
        assertThat(reported()).isEmpty();

        assertThat(ValueType.url().read(KEY, "http://api.ticketpark.ch", problems)).isNull();
        assertThat(ValueType.url().read(KEY, "https://api.ticketpark.ch/a b", problems)).isNull();

        assertThat(reported())
                .containsExactly(KEY + " uses plain http to api.ticketpark.ch, which is refused: use https "
                        + "(plain http is allowed for loopback hosts only)", KEY + " is not a valid URL");
    }

    @Test
    void durationMustBePositive() {
        assertThat(ValueType.duration().read(KEY, "PT0.5S", problems)).isEqualTo(Duration.ofMillis(500));
        assertThat(reported()).isEmpty();

        ValueType.duration().read(KEY, "PT0S", problems);
        ValueType.duration().read(KEY, "-PT1S", problems);
        assertThat(ValueType.duration().read(KEY, "30s", problems)).isNull();

        assertThat(reported()).containsExactly(KEY + " must be positive, but is PT0S",
                KEY + " must be positive, but is -PT1S",
                KEY + " must be an ISO-8601 duration such as PT30S, but is '30s'");
    }

    @Test
    void durationUpToAllowsZeroAndTheLimitItselfButNothingLonger() {
        ValueType upToOneHour = ValueType.durationUpTo(Duration.ofHours(1), "the reason");

        assertThat(upToOneHour.read(KEY, "PT0S", problems)).isEqualTo(Duration.ZERO);
        assertThat(upToOneHour.read(KEY, "PT1H", problems)).isEqualTo(Duration.ofHours(1));
        assertThat(reported()).isEmpty();

        upToOneHour.read(KEY, "PT1H0.001S", problems);
        upToOneHour.read(KEY, "-PT1S", problems);

        assertThat(reported()).containsExactly(KEY + " (PT1H0.001S) must not be longer than PT1H: the reason",
                KEY + " must be positive, but is -PT1S");
    }

    @Test
    void integerAllowsBothBoundsAndNothingBeyond() {
        ValueType oneToTwenty = ValueType.integer(1, 20);

        assertThat(oneToTwenty.read(KEY, "1", problems)).isEqualTo(1);
        assertThat(oneToTwenty.read(KEY, "20", problems)).isEqualTo(20);
        assertThat(reported()).isEmpty();

        oneToTwenty.read(KEY, "0", problems);
        oneToTwenty.read(KEY, "21", problems);
        assertThat(oneToTwenty.read(KEY, "2.5", problems)).isNull();

        assertThat(reported()).containsExactly(KEY + " must be between 1 and 20, but is 0",
                KEY + " must be between 1 and 20, but is 21", KEY + " must be a whole number, but is '2.5'");
    }

    /** The problems reported so far, as the TPC0001 of a failed load lists them. */
    private List<String> reported() {
        TicketparkConfigurationException e = catchThrowableOfType(TicketparkConfigurationException.class,
                problems::throwIfAny);
        if (e == null) {
            return List.of();
        }
        String listed = "configuration is invalid: ";
        return List.of(e.getMessage().substring(e.getMessage().indexOf(listed) + listed.length()).split("; "));
    }
}
