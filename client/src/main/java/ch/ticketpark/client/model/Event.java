package ch.ticketpark.client.model;

import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTypeAdapter;

import ch.ticketpark.client.model.json.DateTimeAdapter;

/**
 * An event, such as a concert or a festival, with its shows ({@code events/}). Deleting it deletes its shows,
 * prices, ticket option groups and options. Fields the API adds later are ignored.
 *
 * @param pid the event's opaque identifier
 * @param host the pid of the host that organises the event (required on create)
 * @param name the event's name (required)
 * @param currency the ISO 4217 currency of its prices, such as {@code CHF} (required)
 * @param allowDigitalDispatch whether tickets may be sent digitally
 * @param translations texts by language ({@code de}, the default, {@code en}, …) and field, such as
 *        {@code translations().get("en").get("name")}
 * @param created when the event was created (output only)
 */
public record Event(
        String pid,
        String host,
        String name,
        String currency,
        @JsonbProperty("allow_digital_dispatch") Boolean allowDigitalDispatch,
        @JsonbProperty("_translations") Map<String, Map<String, String>> translations,
        @JsonbTypeAdapter(DateTimeAdapter.class) OffsetDateTime created) {

    /**
     * @return a new event with the required fields, to create
     */
    public static Event of(String host, String name, String currency) {
        return new Event(null, host, name, currency, null, null, null);
    }

    /**
     * @return this event with {@code allow_digital_dispatch} set
     */
    public Event withAllowDigitalDispatch(boolean allow) {
        return new Event(pid, host, name, currency, allow, translations, created);
    }

    /**
     * @return this event with the given translations ({@code _translations})
     */
    public Event withTranslations(Map<String, Map<String, String>> texts) {
        return new Event(pid, host, name, currency, allowDigitalDispatch, texts, created);
    }
}
