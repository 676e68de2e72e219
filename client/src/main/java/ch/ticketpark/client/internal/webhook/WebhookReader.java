package ch.ticketpark.client.internal.webhook;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import ch.ticketpark.client.exception.RecordNotFoundException;
import ch.ticketpark.client.internal.Messages;
import ch.ticketpark.client.internal.observe.WebhookObserver;
import ch.ticketpark.client.internal.observe.WebhookObserver.Drop;
import ch.ticketpark.client.model.Booking;
import ch.ticketpark.client.model.Person;
import ch.ticketpark.client.webhook.BookingCancelled;
import ch.ticketpark.client.webhook.BookingTicketsDeleted;
import ch.ticketpark.client.webhook.BookingTicketsUpdated;
import ch.ticketpark.client.webhook.NewBooking;
import ch.ticketpark.client.webhook.NewPayment;
import ch.ticketpark.client.webhook.NewPerson;
import ch.ticketpark.client.webhook.PersonUpdated;
import ch.ticketpark.client.webhook.TicketparkWebhook;
import ch.ticketpark.client.webhook.UnknownWebhook;

/**
 * Turns a delivery into the event to fire: reads the record it names back from the API (unless read-back is off) and
 * builds the type's record from what the API returned. No event when the payload names no valid pid
 * ({@code TPC0408}), when the API does not know the record ({@code TPC0402}), or when it cannot be read now
 * ({@code TPC0406}: {@link Unread}, so that the delivery may be processed when it comes again).
 */
final class WebhookReader {

    private static final Logger LOG = Logger.getLogger(WebhookReader.class.getName());
    /** What a pid may be: it goes into a request path and a log line. */
    private static final Pattern PID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    /** Unknown types are logged once each, up to this many. */
    private static final int MAX_UNKNOWN_TYPES_LOGGED = 100;

    private final Records records;
    private final boolean readBack;
    private final WebhookObserver observer;
    private final Set<String> unknownTypesLogged = ConcurrentHashMap.newKeySet();

    WebhookReader(Records records, boolean readBack, WebhookObserver observer) {
        this.records = records;
        this.readBack = readBack;
        this.observer = observer;
    }

    /**
     * @return the event; empty if there is none to fire
     * @throws Unread if the record could not be read now (not: the API does not know it)
     */
    Optional<TicketparkWebhook> read(Delivery delivery) {
        JsonObject payload = delivery.payload();
        return switch (delivery.type()) {
            case NewBooking.TYPE -> booking(delivery).map(NewBooking::new);
            case BookingCancelled.TYPE -> booking(delivery).map(BookingCancelled::new);
            case BookingTicketsUpdated.TYPE ->
                booking(delivery).map(booking -> new BookingTicketsUpdated(booking, pids(payload, "ticket_pids")));
            case BookingTicketsDeleted.TYPE ->
                booking(delivery).map(booking -> new BookingTicketsDeleted(booking, pids(payload, "ticket_pids")));
            case NewPayment.TYPE -> booking(delivery).map(booking -> new NewPayment(booking, payment(payload)));
            case NewPerson.TYPE -> person(delivery).map(NewPerson::new);
            case PersonUpdated.TYPE -> person(delivery).map(PersonUpdated::new);
            default -> Optional.of(unknown(delivery));
        };
    }

    private Optional<Booking> booking(Delivery delivery) {
        return record(delivery, "booking_pid", "booking", records::booking,
                pid -> new Booking(pid, null, null, null, null, null, null, null));
    }

    private Optional<Person> person(Delivery delivery) {
        return record(delivery, "person_pid", "person", records::person, Person::ref);
    }

    private <T> Optional<T> record(Delivery delivery, String field, String kind, Function<String, T> read,
            Function<String, T> reference) {
        Optional<String> pid = pid(delivery.payload().get(field));
        if (pid.isEmpty()) {
            LOG.warning(Messages.webhookPayloadInvalid(delivery.type(), field));
            observer.dropped(Drop.PAYLOAD_INVALID, 1);
            return Optional.empty();
        }
        if (!readBack) {
            return Optional.of(reference.apply(pid.get()));
        }
        try {
            return Optional.of(read.apply(pid.get()));
        } catch (RecordNotFoundException e) {
            LOG.warning(Messages.webhookRecordUnknown(delivery.type(), kind, pid.get()));
            observer.dropped(Drop.RECORD_UNKNOWN, 1);
            return Optional.empty();
        } catch (RuntimeException e) {
            LOG.warning(Messages.webhookReadBackFailed(delivery.type(), kind, pid.get(), e));
            throw new Unread(e);
        }
    }

    /** A pid sent as a string or as a whole number, as the API renders booking pids. */
    private static Optional<String> pid(JsonValue value) {
        String text = value instanceof JsonString string
                ? string.getString()
                : value instanceof JsonNumber number && number.isIntegral()
                        ? number.bigIntegerValue().toString()
                        : null;
        return text != null && PID.matcher(text).matches() ? Optional.of(text) : Optional.empty();
    }

    /** The valid pids of the array; the others are left out. */
    private static List<String> pids(JsonObject payload, String field) {
        List<String> pids = new ArrayList<>();
        if (payload.get(field) instanceof JsonArray array) {
            array.forEach(value -> pid(value).ifPresent(pids::add));
        }
        return pids;
    }

    private static NewPayment.Payment payment(JsonObject payload) {
        return new NewPayment.Payment(pid(payload.get("payment_pid")).orElse(null), text(payload, "payment_method"),
                text(payload, "currency"), amount(payload.get("amount")));
    }

    private static String text(JsonObject payload, String field) {
        return payload.get(field) instanceof JsonString string ? string.getString() : null;
    }

    private static BigDecimal amount(JsonValue value) {
        if (value instanceof JsonNumber number) {
            return number.bigDecimalValue();
        }
        if (value instanceof JsonString string) {
            try {
                return new BigDecimal(string.getString().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private UnknownWebhook unknown(Delivery delivery) {
        if (unknownTypesLogged.size() < MAX_UNKNOWN_TYPES_LOGGED && unknownTypesLogged.add(delivery.type())) {
            LOG.info(Messages.webhookTypeUnknown(delivery.type()));
        }
        return new UnknownWebhook(delivery.type(), delivery.json());
    }

    /** The record could not be read now, for another reason than that the API does not know it. */
    static final class Unread extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Unread(Throwable cause) {
            super(null, cause, false, false);
        }
    }
}
