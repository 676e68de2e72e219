package ch.ticketpark.client.model;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * The capacity of a show ({@code properties[capacity]=1}), computed from its sectors and tickets.
 *
 * @param total all seats
 * @param publicSale the seats of the public sale ({@code public})
 */
public record Capacity(Counts total, @JsonbProperty("public") Counts publicSale) {

    /**
     * @param total the seats
     * @param sold the seats sold
     * @param available the seats still available
     */
    public record Counts(Integer total, Integer sold, Integer available) {
    }
}
