package ch.ticketpark.sandbox.store;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Converts field values between JSON (and filter strings) and their stored Java form: {@link String},
 * {@link Long}, {@link Boolean}, {@link OffsetDateTime}, {@link BigDecimal} (scale 2), {@code List<String>} and
 * {@link JsonObject}.
 */
public final class Values {

    /** The zone of every datetime the API reads or writes. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Zurich");
    /** How clients write datetimes: {@code 2014-01-01 00:00:00}, local time in Europe/Zurich. */
    public static final DateTimeFormatter INPUT_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss",
            Locale.ROOT);
    /** How the API writes datetimes: {@code 2019-08-11T12:00:00+0200}, an offset without colon. */
    public static final DateTimeFormatter OUTPUT_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx",
            Locale.ROOT);

    private Values() {
    }

    /** A datetime written by a client. */
    public static OffsetDateTime parseDateTime(String text) {
        try {
            return LocalDateTime.parse(text, INPUT_DATE_TIME).atZone(ZONE).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw StoreException.invalid("'" + text + "' is not a datetime of the form yyyy-MM-dd HH:mm:ss");
        }
    }

    public static String formatDateTime(OffsetDateTime value) {
        return OUTPUT_DATE_TIME.format(value.atZoneSameInstant(ZONE));
    }

    /** The stored form of a JSON value of a field; {@code null} for JSON null. */
    static Object fromJson(Field field, JsonValue json) {
        if (json == null || json.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        String name = field.name();
        return switch (field.type()) {
            case STRING -> choice(field, text(name, json, "a string"));
            case INTEGER -> integer(name, json);
            case BOOLEAN -> bool(name, json);
            case DATETIME -> parseDateTime(text(name, json, "a datetime string"));
            case MONEY -> money(name, json);
            case REFERENCE -> pid(name, json);
            case REFERENCES -> pids(name, json);
            case TRANSLATIONS -> translations(name, json);
        };
    }

    /** The JSON form of a stored value; the pid style of referenced collections is applied by the caller. */
    public static JsonValue toJson(FieldType type, Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        return switch (type) {
            case STRING, REFERENCE -> Json.createValue((String) value);
            case INTEGER -> Json.createValue((Long) value);
            case BOOLEAN -> (Boolean) value ? JsonValue.TRUE : JsonValue.FALSE;
            case DATETIME -> Json.createValue(formatDateTime((OffsetDateTime) value));
            case MONEY -> Json.createValue(((BigDecimal) value).toPlainString());
            case REFERENCES -> strings(value);
            case TRANSLATIONS -> (JsonObject) value;
        };
    }

    /** The stored form of a filter value, to compare with stored values of this type. */
    static Object fromFilter(FieldType type, String text) {
        return switch (type) {
            case STRING, REFERENCE, REFERENCES -> text;
            case INTEGER -> parseLong(text);
            case BOOLEAN -> switch (text) {
                case "1", "true" -> Boolean.TRUE;
                case "0", "false" -> Boolean.FALSE;
                default -> throw StoreException.invalid("'" + text + "' is not a boolean filter value (1 or 0)");
            };
            case DATETIME -> parseDateTime(text);
            case MONEY -> parseMoney(text);
            case TRANSLATIONS -> throw StoreException.invalid("Translations cannot be filtered");
        };
    }

    static BigDecimal parseMoney(String text) {
        try {
            return new BigDecimal(text).setScale(2, RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            throw StoreException.invalid("'" + text + "' is not an amount");
        }
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw StoreException.invalid("'" + text + "' is not an integer");
        }
    }

    private static String text(String name, JsonValue json, String expected) {
        if (json instanceof JsonString string) {
            return string.getString();
        }
        throw wrongType(name, expected);
    }

    private static String choice(Field field, String value) {
        if (!field.choices().isEmpty() && !field.choices().contains(value)) {
            throw StoreException.invalid("Field '" + field.name() + "' must be one of " + field.choices().stream()
                    .sorted().toList() + ", not '" + value + "'");
        }
        return value;
    }

    private static Long integer(String name, JsonValue json) {
        if (json instanceof JsonNumber number && number.isIntegral()) {
            return number.longValue();
        }
        throw wrongType(name, "an integer");
    }

    private static Boolean bool(String name, JsonValue json) {
        if (json == JsonValue.TRUE || json == JsonValue.FALSE) {
            return json == JsonValue.TRUE;
        }
        throw wrongType(name, "true or false");
    }

    private static BigDecimal money(String name, JsonValue json) {
        if (json instanceof JsonNumber number) {
            return number.bigDecimalValue().setScale(2, RoundingMode.HALF_UP);
        }
        if (json instanceof JsonString string && string.getString().matches("-?\\d+(\\.\\d{1,2})?")) {
            return parseMoney(string.getString());
        }
        throw wrongType(name, "an amount such as \"25.00\"");
    }

    private static String pid(String name, JsonValue json) {
        if (json instanceof JsonString string && !string.getString().isEmpty()) {
            return string.getString();
        }
        if (json instanceof JsonNumber number && number.isIntegral()) {
            return number.bigIntegerValue().toString();
        }
        throw wrongType(name, "a pid");
    }

    private static List<String> pids(String name, JsonValue json) {
        if (!(json instanceof JsonArray array)) {
            throw wrongType(name, "an array of pids");
        }
        List<String> pids = new ArrayList<>();
        array.forEach(element -> pids.add(pid(name, element)));
        return List.copyOf(pids);
    }

    private static JsonObject translations(String name, JsonValue json) {
        if (json instanceof JsonObject object
                && object.values().stream().allMatch(value -> value.getValueType() == JsonValue.ValueType.OBJECT)) {
            return object;
        }
        throw wrongType(name, "an object of translations by language, such as {\"de\":{\"name\":…}}");
    }

    @SuppressWarnings("unchecked")
    private static JsonArray strings(Object value) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        ((List<String>) value).forEach(array::add);
        return array.build();
    }

    private static StoreException wrongType(String name, String expected) {
        return StoreException.invalid("Field '" + name + "' must be " + expected);
    }
}
