package ch.ticketpark.client.model.json;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * The API's two date-time formats: it answers {@code 2019-08-11T12:00:00+0200} (an offset without colon, which
 * {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} rejects) and expects {@code 2019-08-11 12:00:00}, local time in
 * {@link #API_ZONE}.
 */
public final class DateTimes {

    /** The time zone of the API's local date-times: Europe/Zurich. */
    public static final ZoneId API_ZONE = ZoneId.of("Europe/Zurich");

    /** How the client sends a date-time to the API: {@code yyyy-MM-dd HH:mm:ss}, local time in {@link #API_ZONE}. */
    public static final DateTimeFormatter TO_API = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** How the client reads the API's date-times; also accepts {@code +02:00}, {@code Z} and fractions of a second. */
    private static final DateTimeFormatter FROM_API = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private DateTimes() {
    }

    /**
     * @param text {@code 2019-08-11T12:00:00+0200}, {@code 2019-08-11T12:00:00+02:00}, or a local
     *        {@code 2019-08-11 12:00:00} in {@link #API_ZONE}
     * @return the date-time with its offset
     * @throws DateTimeParseException if the text is in neither format
     */
    public static OffsetDateTime parse(String text) {
        String trimmed = text.trim();
        if (trimmed.length() == 19 && trimmed.charAt(10) == ' ') {
            return LocalDateTime.parse(trimmed, TO_API).atZone(API_ZONE).toOffsetDateTime();
        }
        var parsed = FROM_API.parse(trimmed);
        LocalDateTime local = LocalDateTime.from(parsed);
        return parsed.isSupported(ChronoField.OFFSET_SECONDS)
                ? OffsetDateTime.of(local, ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)))
                : local.atZone(API_ZONE).toOffsetDateTime();
    }

    /**
     * @param dateTime the instant to write
     * @return its local time in {@link #API_ZONE}, as {@code yyyy-MM-dd HH:mm:ss}
     */
    public static String format(OffsetDateTime dateTime) {
        return dateTime.atZoneSameInstant(API_ZONE).format(TO_API);
    }
}
