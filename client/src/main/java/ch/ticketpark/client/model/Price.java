package ch.ticketpark.client.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTypeAdapter;

import ch.ticketpark.client.model.json.DateTimeAdapter;
import ch.ticketpark.client.model.json.MoneyAdapter;

/**
 * A price of an event for one price category ({@code prices/}).
 *
 * @param pid the price's opaque identifier
 * @param event the pid of its event (required on create)
 * @param name its name, such as {@code Adult} (required)
 * @param priceCategory the price category of the sectors it applies to (required)
 * @param price the amount in the event's currency (required); read from {@code "25.00"} or {@code 50}, written as
 *        {@code "25.00"}
 * @param created when the price was created (output only)
 */
public record Price(
        String pid,
        String event,
        String name,
        @JsonbProperty("price_category") String priceCategory,
        @JsonbTypeAdapter(MoneyAdapter.class) BigDecimal price,
        @JsonbTypeAdapter(DateTimeAdapter.class) OffsetDateTime created) {

    /**
     * @return a new price with the required fields, to create
     */
    public static Price of(String event, String name, String priceCategory, BigDecimal price) {
        return new Price(null, event, name, priceCategory, price, null);
    }
}
