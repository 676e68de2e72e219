package ch.ticketpark.sandbox.store;

import static ch.ticketpark.sandbox.store.Field.choice;
import static ch.ticketpark.sandbox.store.Field.optional;
import static ch.ticketpark.sandbox.store.Field.reference;
import static ch.ticketpark.sandbox.store.Field.references;
import static ch.ticketpark.sandbox.store.Field.required;
import static ch.ticketpark.sandbox.store.FieldType.BOOLEAN;
import static ch.ticketpark.sandbox.store.FieldType.DATETIME;
import static ch.ticketpark.sandbox.store.FieldType.INTEGER;
import static ch.ticketpark.sandbox.store.FieldType.MONEY;
import static ch.ticketpark.sandbox.store.FieldType.STRING;
import static ch.ticketpark.sandbox.store.FieldType.TRANSLATIONS;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every collection of the sandbox, as listed in the shared resource schema. {@code hosts} is read-only: it has no
 * path and is only referenced.
 */
public final class Schema {

    public static final String HOSTS = "hosts";
    public static final String VENUES = "venues";
    public static final String SECTORS = "sectors";
    public static final String EVENTS = "events";
    public static final String SHOWS = "shows";
    public static final String PRICES = "prices";
    public static final String PERSONS = "persons";
    public static final String BOOKINGS = "bookings";
    public static final String TICKETS = "tickets";
    public static final String TICKET_OPTION_GROUPS = "ticketoptiongroups";
    public static final String TICKET_OPTIONS = "ticketoptions";
    public static final String TICKET_OPTION_LIMITATIONS = "ticketoptionlimitations";
    public static final String OPTIONS = "options";
    public static final String ANNOTATIONS = "annotations";

    /** The collections with a path, as a JAX-RS path regular expression. */
    public static final String PATH_PATTERN = "venues|sectors|events|shows|prices|persons|bookings|tickets"
            + "|ticketoptiongroups|ticketoptions|ticketoptionlimitations|options|annotations";

    /** The host whose records the demo user may read but not change (403). */
    public static final String FOREIGN_HOST = "f0f0f0f0f0f0f0f0";

    private static final Map<String, CollectionSchema> COLLECTIONS = new LinkedHashMap<>();

    static {
        add(new CollectionSchema(HOSTS, List.of(required("name", STRING)), PidStyle.HEX, null, List.of()));
        add(new CollectionSchema(VENUES, List.of(reference("host", HOSTS), required("name", STRING),
                required("city", STRING), optional("street", STRING), optional("zip", STRING)),
                PidStyle.HEX, "host", List.of()));
        add(new CollectionSchema(SECTORS, List.of(reference("host", HOSTS), required("name", STRING),
                required("price_category", STRING), required("capacity", INTEGER)),
                PidStyle.HEX, "host", List.of()));
        add(new CollectionSchema(EVENTS, List.of(reference("host", HOSTS), required("name", STRING),
                required("currency", STRING), optional("allow_digital_dispatch", BOOLEAN, false),
                optional("_translations", TRANSLATIONS)),
                PidStyle.HEX, "host", List.of(new Relation(SHOWS, "event"), new Relation(PRICES, "event"),
                        new Relation(TICKET_OPTION_GROUPS, "event"), new Relation(OPTIONS, "event"))));
        add(new CollectionSchema(SHOWS, List.of(reference("event", EVENTS), reference("venue", VENUES),
                required("start", DATETIME), optional("end", DATETIME)),
                PidStyle.HEX, "event", List.of()));
        add(new CollectionSchema(PRICES, List.of(reference("event", EVENTS), required("name", STRING),
                required("price_category", STRING), required("price", MONEY)),
                PidStyle.HEX, "event", List.of()));
        add(new CollectionSchema(PERSONS, List.of(required("firstname", STRING), required("lastname", STRING),
                optional("email", STRING), optional("company", STRING), optional("street", STRING),
                optional("zip", STRING), optional("city", STRING), optional("country", STRING)),
                PidStyle.UUID_UPPER, null, List.of()));
        add(new CollectionSchema(BOOKINGS, List.of(reference("customer", PERSONS),
                optional("confirmation", BOOLEAN, false), optional("delivery", BOOLEAN, false),
                optional("currency", STRING, "CHF")),
                PidStyle.NUMBER, null,
                List.of(new Relation(TICKETS, "booking"), new Relation(ANNOTATIONS, "booking"))));
        add(new CollectionSchema(TICKETS, List.of(reference("booking", BOOKINGS), reference("show", SHOWS),
                reference("price", PRICES), reference("sector", SECTORS),
                references("ticket_options", TICKET_OPTIONS, false)),
                PidStyle.HEX, "show", List.of()));
        add(new CollectionSchema(TICKET_OPTION_GROUPS, List.of(reference("event", EVENTS),
                required("name", STRING), optional("required", BOOLEAN, false)),
                PidStyle.HEX, "event", List.of(new Relation(TICKET_OPTIONS, "ticket_option_group"))));
        add(new CollectionSchema(TICKET_OPTIONS, List.of(reference("ticket_option_group", TICKET_OPTION_GROUPS),
                required("name", STRING), optional("price", MONEY)),
                PidStyle.HEX, "ticket_option_group", List.of()));
        add(new CollectionSchema(TICKET_OPTION_LIMITATIONS, List.of(
                references("ticket_options", TICKET_OPTIONS, true), required("limitation", INTEGER),
                choice("scope", "booking", "show")),
                PidStyle.HEX, null, List.of()));
        add(new CollectionSchema(OPTIONS, List.of(reference("event", EVENTS), required("name", STRING),
                optional("items_per_booking", INTEGER), optional("limitation", INTEGER)),
                PidStyle.HEX, "event", List.of()));
        add(new CollectionSchema(ANNOTATIONS, List.of(reference("booking", BOOKINGS), required("text", STRING)),
                PidStyle.HEX, null, List.of()));
    }

    private Schema() {
    }

    private static void add(CollectionSchema collection) {
        COLLECTIONS.put(collection.name(), collection);
    }

    public static Optional<CollectionSchema> find(String name) {
        return Optional.ofNullable(COLLECTIONS.get(name));
    }

    public static CollectionSchema get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no collection " + name));
    }

    public static List<CollectionSchema> all() {
        return List.copyOf(COLLECTIONS.values());
    }
}
