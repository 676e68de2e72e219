package ch.ticketpark.sandbox.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void inputDateTimesAreZurichLocalTimeAndOutputHasAnOffsetWithoutColon() {
        OffsetDateTime summer = Values.parseDateTime("2019-08-11 12:00:00");
        OffsetDateTime winter = Values.parseDateTime("2020-01-05 08:30:00");

        assertThat(Values.formatDateTime(summer)).isEqualTo("2019-08-11T12:00:00+0200");
        assertThat(Values.formatDateTime(winter)).isEqualTo("2020-01-05T08:30:00+0100");
        assertThat(Values.formatDateTime(OffsetDateTime.parse("2019-08-11T10:00:00Z")))
                .isEqualTo("2019-08-11T12:00:00+0200");
    }

    @Test
    void otherDateTimeFormsAreRefused() {
        assertThatThrownBy(() -> Values.parseDateTime("2019-08-11T12:00:00+0200")).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> Values.parseDateTime("2019-08-11")).isInstanceOf(StoreException.class);
    }

    @Test
    void moneyIsReadFromAStringOrANumberAndWrittenAsAStringWithTwoDecimals() {
        Field price = Field.required("price", FieldType.MONEY);

        assertThat(Values.fromJson(price, Json.createValue("25.00"))).isEqualTo(new BigDecimal("25.00"));
        assertThat(Values.fromJson(price, Json.createValue(50))).isEqualTo(new BigDecimal("50.00"));
        assertThat(Values.toJson(FieldType.MONEY, new BigDecimal("50.00"))).isEqualTo(Json.createValue("50.00"));
        assertThatThrownBy(() -> Values.fromJson(price, Json.createValue("cheap")))
                .isInstanceOf(StoreException.class).hasMessage("Field 'price' must be an amount such as \"25.00\"");
    }

    @Test
    void referencesAcceptAStringOrANumber() {
        Field booking = Field.reference("booking", Schema.BOOKINGS);

        assertThat(Values.fromJson(booking, Json.createValue(293233446073L))).isEqualTo("293233446073");
        assertThat(Values.fromJson(booking, Json.createValue("293233446073"))).isEqualTo("293233446073");
        assertThat(Values.fromJson(Field.references("ticket_options", Schema.TICKET_OPTIONS, true),
                Json.createArrayBuilder().add("a").add("b").build())).isEqualTo(List.of("a", "b"));
    }

    @Test
    void typesAreChecked() {
        assertThatThrownBy(() -> Values.fromJson(Field.required("capacity", FieldType.INTEGER),
                Json.createValue("8"))).hasMessage("Field 'capacity' must be an integer");
        assertThatThrownBy(() -> Values.fromJson(Field.required("confirmation", FieldType.BOOLEAN),
                Json.createValue(1))).hasMessage("Field 'confirmation' must be true or false");
        assertThatThrownBy(() -> Values.fromJson(Field.choice("scope", "booking", "show"), Json.createValue("week")))
                .hasMessage("Field 'scope' must be one of [booking, show], not 'week'");
        assertThatThrownBy(() -> Values.fromJson(Field.optional("_translations", FieldType.TRANSLATIONS),
                Json.createObjectBuilder().add("de", "Name").build())).isInstanceOf(StoreException.class);
        assertThat(Values.fromJson(Field.required("name", FieldType.STRING), JsonValue.NULL)).isNull();
    }

    @Test
    void filterValues() {
        assertThat(Values.fromFilter(FieldType.BOOLEAN, "1")).isEqualTo(true);
        assertThat(Values.fromFilter(FieldType.BOOLEAN, "0")).isEqualTo(false);
        assertThat(Values.fromFilter(FieldType.INTEGER, "42")).isEqualTo(42L);
        assertThat(Values.fromFilter(FieldType.MONEY, "30")).isEqualTo(new BigDecimal("30.00"));
        assertThatThrownBy(() -> Values.fromFilter(FieldType.BOOLEAN, "yes")).isInstanceOf(StoreException.class);
    }

    @Test
    void pidStyles() {
        var random = new java.util.Random(1);

        assertThat(PidStyle.HEX.next(random)).matches("[0-9a-f]{16}");
        assertThat(PidStyle.NUMBER.next(random)).matches("[1-9]\\d{11}");
        assertThat(PidStyle.UUID_UPPER.next(random)).matches("[0-9A-F-]{36}");
        assertThat(PidStyle.NUMBER.toJson("293233446073")).isEqualTo(Json.createValue(293233446073L));
        assertThat(PidStyle.readable("293233446073")).isEqualTo("2932-3344-6073");
        assertThat(Set.of(PidStyle.HEX.toJson("ab"))).containsExactly(Json.createValue("ab"));
    }
}
