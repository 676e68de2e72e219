package ch.ticketpark.client.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateTimesTest {

    @ParameterizedTest
    @CsvSource({"2019-08-11T12:00:00+0200, 2019-08-11T12:00+02:00", "2019-08-11T12:00:00+02:00, 2019-08-11T12:00+02:00",
            "2019-08-11T10:00:00Z, 2019-08-11T10:00Z", "2019-08-11T12:00:00.250+0200, 2019-08-11T12:00:00.250+02:00",
            "' 2019-08-11T12:00:00+0200 ', 2019-08-11T12:00+02:00"})
    void readsTheApisOffsetWithOrWithoutColon(String text, String expected) {
        assertThat(DateTimes.parse(text)).isEqualTo(OffsetDateTime.parse(expected));
    }

    @ParameterizedTest
    @CsvSource({"2019-08-11 12:00:00, 2019-08-11T12:00+02:00", "2019-12-24 20:00:00, 2019-12-24T20:00+01:00",
            "2019-12-24T20:00:00, 2019-12-24T20:00+01:00"})
    void readsALocalDateTimeAsZurichTime(String text, String expected) {
        assertThat(DateTimes.parse(text)).isEqualTo(OffsetDateTime.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2019-08-11", "11.08.2019 12:00", "2019-08-11T12:00:00+2", ""})
    void refusesAnyOtherText(String text) {
        assertThatThrownBy(() -> DateTimes.parse(text)).isInstanceOf(DateTimeParseException.class);
    }

    @ParameterizedTest
    @CsvSource({"2020-06-01T10:00:00Z, 2020-06-01 12:00:00", "2020-01-01T11:00:00+01:00, 2020-01-01 11:00:00",
            "2019-10-27T00:30:00Z, 2019-10-27 02:30:00", "2019-10-27T01:30:00Z, 2019-10-27 02:30:00"})
    void writesTheLocalTimeInZurich(String dateTime, String expected) {
        assertThat(DateTimes.format(OffsetDateTime.parse(dateTime))).isEqualTo(expected);
        assertThat(DateTimes.format(OffsetDateTime.parse(dateTime).withOffsetSameInstant(ZoneOffset.ofHours(-5))))
                .isEqualTo(expected);
    }
}
