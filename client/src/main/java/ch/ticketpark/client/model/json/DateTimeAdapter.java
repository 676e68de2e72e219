package ch.ticketpark.client.model.json;

import java.time.OffsetDateTime;

import jakarta.json.bind.adapter.JsonbAdapter;

/**
 * Reads the API's {@code 2019-08-11T12:00:00+0200} and writes {@code 2019-08-11 12:00:00} in Europe/Zurich, see
 * {@link DateTimes}. Public only because JSON-B instantiates it.
 */
public final class DateTimeAdapter implements JsonbAdapter<OffsetDateTime, String> {

    @Override
    public String adaptToJson(OffsetDateTime dateTime) {
        return DateTimes.format(dateTime);
    }

    @Override
    public OffsetDateTime adaptFromJson(String text) {
        // Yasson hands an explicit JSON null to the adapter, e.g. "end": null of a show without an end
        return text == null ? null : DateTimes.parse(text);
    }
}
