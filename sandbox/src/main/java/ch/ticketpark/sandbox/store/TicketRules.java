package ch.ticketpark.sandbox.store;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the sandbox derives from and checks on tickets: show capacity and the consistency of a new ticket.
 * <p>
 * A show's seats are the sectors of its event's host whose {@code price_category} is one of the event's prices; a
 * ticket takes a seat in its sector. The sandbox has no contingents, so the public capacity equals the total.
 */
final class TicketRules {

    private final Tables tables;

    TicketRules(Tables tables) {
        this.tables = tables;
    }

    Capacity capacity(Entity show) {
        Entity event = tables.find(Schema.EVENTS, show.string("event"));
        Set<String> categories = tables.children(new Relation(Schema.PRICES, "event"), event.pid()).stream()
                .map(price -> price.string("price_category"))
                .collect(Collectors.toSet());
        long total = tables.all(Schema.SECTORS).stream()
                .filter(sector -> event.string("host").equals(sector.string("host")))
                .filter(sector -> categories.contains(sector.string("price_category")))
                .mapToLong(sector -> (Long) sector.value("capacity"))
                .sum();
        return new Capacity(total, tables.children(new Relation(Schema.TICKETS, "show"), show.pid()).size());
    }

    /** Refuses (409) a ticket whose price is of another event than its show, or whose sector is sold out. */
    void checkNewTicket(Map<String, Object> ticket) {
        Entity show = tables.find(Schema.SHOWS, (String) ticket.get("show"));
        Entity price = tables.find(Schema.PRICES, (String) ticket.get("price"));
        Entity sector = tables.find(Schema.SECTORS, (String) ticket.get("sector"));
        if (!show.string("event").equals(price.string("event"))) {
            throw StoreException.invalid("Price " + price.pid() + " is not a price of the event of show "
                    + show.pid());
        }
        long taken = tables.children(new Relation(Schema.TICKETS, "show"), show.pid()).stream()
                .filter(ticketOfShow -> sector.pid().equals(ticketOfShow.value("sector")))
                .count();
        if (taken >= (Long) sector.value("capacity")) {
            throw StoreException.invalid("Sector " + sector.pid() + " is sold out for show " + show.pid());
        }
    }
}
