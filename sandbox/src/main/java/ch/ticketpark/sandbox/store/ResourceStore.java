package ch.ticketpark.sandbox.store;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import ch.ticketpark.sandbox.SandboxStats;

/**
 * The in-memory records of every collection, driven by the {@link Schema} descriptors: one engine for all
 * collections. Thread-safe through one lock: referential checks, cascades and expiry span collections, and a sandbox
 * needs consistency more than throughput.
 * <p>
 * Unconfirmed bookings older than {@link StoreSettings#unconfirmedBookingLifetime()} are deleted (with their
 * tickets) lazily, at the start of every operation, by the injected {@link Clock}.
 * <p>
 * Every successful create, patch and delete is reported as one {@link StoreChanges} (a batch or a cascade: all its
 * records), synchronously and inside the lock, so that listeners see the changes in the order they were made; a
 * listener must only take note (enqueue), and one that throws is logged and ignored: a change never fails because of
 * it. Seeding, {@link #reset()} and the expiry of unconfirmed bookings report nothing.
 */
@ApplicationScoped
public class ResourceStore {

    private static final System.Logger LOG = System.getLogger(ResourceStore.class.getName());

    private final Clock clock;
    private final StoreSettings settings;
    private final SandboxStats stats;
    private final Consumer<StoreChanges> listener;
    private final RandomGenerator random = new SecureRandom();
    private final Tables tables = new Tables();
    private final QueryEvaluator evaluator = new QueryEvaluator(tables);
    private final TicketRules ticketRules = new TicketRules(tables);
    private long sequence;

    @Inject
    public ResourceStore(Clock clock, StoreSettings settings, SandboxStats stats, Event<StoreChanges> changes) {
        this(clock, settings, stats, changes::fire);
    }

    /**
     * A store outside CDI.
     *
     * @param listener told of every change, as the CDI event {@link StoreChanges} is fired
     */
    public ResourceStore(Clock clock, StoreSettings settings, SandboxStats stats, Consumer<StoreChanges> listener) {
        this.clock = clock;
        this.settings = settings;
        this.stats = stats;
        this.listener = listener;
        load();
    }

    /** For the CDI client proxy only. */
    protected ResourceStore() {
        this.clock = null;
        this.settings = null;
        this.stats = null;
        this.listener = null;
    }

    /** Forgets every change: the seed data only. */
    public synchronized void reset() {
        load();
    }

    private void load() {
        tables.clear();
        SeedData.load(this);
    }

    public synchronized Page list(String collection, Query query) {
        expireBookings();
        return page(Schema.get(collection), tables.all(collection), query);
    }

    /** The records of {@code relation.collection()} whose {@code relation.field()} is {@code parentPid}. */
    public synchronized Page children(Relation relation, String parentPid, Query query) {
        expireBookings();
        return page(Schema.get(relation.collection()), tables.children(relation, parentPid), query);
    }

    /** Bookings with at least one ticket for a show of the event ({@code /events/{pid}/bookings/}). */
    public synchronized Page bookingsOfEvent(String eventPid, Query query) {
        expireBookings();
        require(Schema.EVENTS, eventPid);
        Set<String> bookingPids = new LinkedHashSet<>();
        tables.children(new Relation(Schema.SHOWS, "event"), eventPid).forEach(
                show -> tables.children(new Relation(Schema.TICKETS, "show"), show.pid())
                        .forEach(ticket -> bookingPids.add(ticket.string("booking"))));
        List<Entity> bookings = tables.all(Schema.BOOKINGS).stream()
                .filter(booking -> bookingPids.contains(booking.pid()))
                .toList();
        return page(Schema.get(Schema.BOOKINGS), bookings, query);
    }

    /** The record, or 404. */
    public synchronized Entity get(String collection, String pid) {
        expireBookings();
        return require(collection, pid);
    }

    /** The record as it stands, if there is one: no 404, and unconfirmed bookings are not expired first. */
    public synchronized Optional<Entity> peek(String collection, String pid) {
        return Optional.ofNullable(tables.find(collection, pid));
    }

    public synchronized Capacity capacity(String showPid) {
        return ticketRules.capacity(require(Schema.SHOWS, showPid));
    }

    public synchronized Entity create(String collection, JsonObject body) {
        expireBookings();
        Entity created = insert(collection, body, null, null);
        report(List.of(StoreChange.created(created)));
        return created;
    }

    /**
     * Creates every record of the array, or none.
     *
     * @return the batch id, for the list link {@code ?filters[batchId]=…&orderBy[batchOrder]=asc}
     */
    public synchronized String createMany(String collection, JsonArray bodies) {
        expireBookings();
        if (bodies.isEmpty()) {
            throw StoreException.invalid("The array of records to create is empty");
        }
        String batchId = UUID.randomUUID().toString();
        List<Entity> created = new ArrayList<>();
        try {
            for (int i = 0; i < bodies.size(); i++) {
                created.add(insert(collection, object(bodies.get(i)), batchId, (long) i));
            }
        } catch (StoreException e) {
            created.forEach(tables::remove);
            throw e;
        }
        report(created.stream().map(StoreChange::created).toList());
        return batchId;
    }

    public synchronized void patch(String collection, String pid, JsonObject body) {
        expireBookings();
        Entity before = require(collection, pid);
        Entity after = changed(before, body);
        tables.put(after);
        report(List.of(StoreChange.changed(before, after)));
    }

    /** Patches every record of the array (each with its {@code pid}), or none. */
    public synchronized void patchMany(String collection, JsonArray bodies) {
        expireBookings();
        List<StoreChange> changes = new ArrayList<>();
        for (JsonValue value : bodies) {
            JsonObject body = object(value);
            JsonValue pid = body.get("pid");
            if (pid == null || pid.getValueType() == JsonValue.ValueType.NULL) {
                throw StoreException.invalid("Every record of a patch array needs its pid");
            }
            String text = pid instanceof jakarta.json.JsonString string ? string.getString() : pid.toString();
            Entity before = require(collection, text);
            changes.add(StoreChange.changed(before, changed(before, body)));
        }
        changes.forEach(change -> tables.put(change.after()));
        report(changes);
    }

    /** Deletes the record and its children (cascade); 409 while records outside the cascade reference them. */
    public synchronized void delete(String collection, String pid) {
        expireBookings();
        Entity entity = require(collection, pid);
        Ownership.requireOwn(entity, tables);
        List<Entity> doomed = Cascade.collect(entity, tables);
        Cascade.requireUnreferenced(doomed, tables);
        doomed.forEach(tables::remove);
        report(doomed.stream().map(StoreChange::deleted).toList());
    }

    /** Loads one seed record with a fixed pid and creation time. */
    synchronized void seed(String collection, String pid, OffsetDateTime created, JsonObject body) {
        Map<String, Object> values = PayloadReader.forCreate(Schema.get(collection), body, tables);
        tables.put(new Entity(collection, pid, sequence++, created, created, null, null, values));
    }

    private Entity insert(String collection, JsonObject body, String batchId, Long batchOrder) {
        CollectionSchema schema = Schema.get(collection);
        Map<String, Object> values = PayloadReader.forCreate(schema, body, tables);
        Ownership.requireOwn(collection, values, tables);
        if (Schema.TICKETS.equals(collection)) {
            ticketRules.checkNewTicket(values);
        }
        String pid;
        do {
            pid = schema.pidStyle().next(random);
        } while (tables.find(collection, pid) != null);
        OffsetDateTime now = now();
        Entity entity = new Entity(collection, pid, sequence++, now, now, batchId, batchOrder, values);
        tables.put(entity);
        return entity;
    }

    private Entity changed(Entity entity, JsonObject body) {
        Ownership.requireOwn(entity, tables);
        Map<String, Object> changes = PayloadReader.forPatch(Schema.get(entity.collection()), body, tables);
        Entity updated = entity.withValues(changes, now());
        Ownership.requireOwn(updated, tables);
        return updated;
    }

    private void report(List<StoreChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        try {
            listener.accept(new StoreChanges(changes));
        } catch (RuntimeException e) {
            // the class only: a listener's message is no business of the store's log
            LOG.log(System.Logger.Level.WARNING, "A listener of the store's changes failed: {0}", e.getClass()
                    .getName());
        }
    }

    private Page page(CollectionSchema schema, java.util.Collection<Entity> candidates, Query query) {
        List<Entity> matching = evaluator.select(schema, candidates, query);
        long from = Math.min((long) query.page() * query.maxResults(), matching.size());
        long to = Math.min(from + query.maxResults(), matching.size());
        return new Page(matching.subList((int) from, (int) to), matching.size());
    }

    private Entity require(String collection, String pid) {
        Entity entity = tables.find(collection, pid);
        if (entity == null) {
            throw StoreException.notFound(collection, pid);
        }
        return entity;
    }

    private void expireBookings() {
        OffsetDateTime now = now();
        List<Entity> expired = tables.all(Schema.BOOKINGS).stream()
                .filter(booking -> !booking.flag("confirmation"))
                .filter(booking -> !booking.created().plus(settings.unconfirmedBookingLifetime()).isAfter(now))
                .toList();
        for (Entity booking : expired) {
            Cascade.collect(booking, tables).forEach(tables::remove);
            stats.bookingExpired();
        }
    }

    private OffsetDateTime now() {
        return clock.instant().atZone(Values.ZONE).toOffsetDateTime();
    }

    private static JsonObject object(JsonValue value) {
        if (value instanceof JsonObject object) {
            return object;
        }
        throw StoreException.invalid("Expected a JSON object, got " + value.getValueType());
    }
}
