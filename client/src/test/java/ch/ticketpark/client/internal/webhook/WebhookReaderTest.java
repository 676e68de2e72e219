package ch.ticketpark.client.internal.webhook;

import static ch.ticketpark.client.internal.webhook.DeliveryTest.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ch.ticketpark.client.exception.ApiServerErrorException;
import ch.ticketpark.client.model.Booking;
import ch.ticketpark.client.model.Person;
import ch.ticketpark.client.support.LogCapture;
import ch.ticketpark.client.webhook.BookingCancelled;
import ch.ticketpark.client.webhook.BookingTicketsDeleted;
import ch.ticketpark.client.webhook.BookingTicketsUpdated;
import ch.ticketpark.client.webhook.NewBooking;
import ch.ticketpark.client.webhook.NewPayment;
import ch.ticketpark.client.webhook.NewPerson;
import ch.ticketpark.client.webhook.PersonUpdated;
import ch.ticketpark.client.webhook.TicketparkWebhook;
import ch.ticketpark.client.webhook.UnknownWebhook;

class WebhookReaderTest {

    private final RecordingWebhookObserver observer = new RecordingWebhookObserver();

    @RegisterExtension
    final LogCapture log = new LogCapture();

    private final FakeRecords records = new FakeRecords();
    private final WebhookReader reader = new WebhookReader(records, true, observer);

    private Optional<TicketparkWebhook> read(String body) {
        return reader.read(parse(body));
    }

    @Test
    void newBookingCarriesTheBookingReadBack() {
        assertThat(read("{\"type\":\"new-booking\",\"payload\":{\"booking_pid\":\"b-1\",\"currency\":\"EUR\"}}"))
                .contains(new NewBooking(FakeRecords.apiBooking("b-1")));
        assertThat(records.reads).containsExactly("booking:b-1");
    }

    @Test
    void bookingCancelledCarriesTheBookingReadBack() {
        assertThat(read("{\"type\":\"booking-cancelled\",\"payload\":{\"booking_pid\":\"b-2\"}}"))
                .contains(new BookingCancelled(FakeRecords.apiBooking("b-2")));
        assertThat(records.reads).containsExactly("booking:b-2");
    }

    @Test
    void ticketWebhooksCarryTheBookingAndTheValidTicketPids() {
        String payload = "{\"booking_pid\":\"b-3\",\"ticket_pids\":[\"t-1\",42,\"../x\",{\"pid\":\"t-9\"},1.5,null,"
                + "\"t-2\"]}";

        assertThat(read("{\"type\":\"booking-tickets-updated\",\"payload\":" + payload + "}"))
                .contains(new BookingTicketsUpdated(FakeRecords.apiBooking("b-3"), List.of("t-1", "42", "t-2")));
        assertThat(read("{\"type\":\"booking-tickets-deleted\",\"payload\":" + payload + "}"))
                .contains(new BookingTicketsDeleted(FakeRecords.apiBooking("b-3"), List.of("t-1", "42", "t-2")));
        assertThat(records.reads).containsExactly("booking:b-3", "booking:b-3");
    }

    @Test
    void ticketPidsThatAreNoArrayAreNone() {
        assertThat(read("{\"type\":\"booking-tickets-updated\",\"payload\":{\"booking_pid\":\"b-3\","
                + "\"ticket_pids\":\"t-1\"}}"))
                .contains(new BookingTicketsUpdated(FakeRecords.apiBooking("b-3"), List.of()));
        assertThat(read("{\"type\":\"booking-tickets-deleted\",\"payload\":{\"booking_pid\":\"b-3\"}}"))
                .contains(new BookingTicketsDeleted(FakeRecords.apiBooking("b-3"), List.of()));
    }

    @Test
    void newPaymentCarriesTheBookingReadBackAndThePaymentAsClaimed() {
        assertThat(read("{\"type\":\"new-payment\",\"payload\":{\"booking_pid\":\"b-4\",\"payment_pid\":\"p-1\","
                + "\"payment_method\":\"twint\",\"currency\":\"CHF\",\"amount\":\" 12.50 \"}}"))
                .contains(new NewPayment(FakeRecords.apiBooking("b-4"),
                        new NewPayment.Payment("p-1", "twint", "CHF", new BigDecimal("12.50"))));
        assertThat(records.reads).containsExactly("booking:b-4");
    }

    @Test
    void aPaymentAmountMayBeANumber() {
        assertThat(payment("{\"booking_pid\":\"b-4\",\"amount\":12.5,\"payment_pid\":77}"))
                .isEqualTo(new NewPayment.Payment("77", null, null, new BigDecimal("12.5")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"twelve\"", "\"\"", "true", "[1]", "{\"v\":1}", "null"})
    void anAmountThatCannotBeReadIsNull(String amount) {
        assertThat(payment("{\"booking_pid\":\"b-4\",\"amount\":" + amount + ",\"payment_method\":1,"
                + "\"currency\":[\"CHF\"],\"payment_pid\":\"../p\"}"))
                .isEqualTo(new NewPayment.Payment(null, null, null, null));
    }

    private NewPayment.Payment payment(String payload) {
        return ((NewPayment) read("{\"type\":\"new-payment\",\"payload\":" + payload + "}").orElseThrow()).claimed();
    }

    @Test
    void newPersonAndPersonUpdatedCarryThePersonReadBack() {
        assertThat(read("{\"type\":\"new-person\",\"payload\":{\"person_pid\":\"u-1\",\"firstname\":\"Forged\"}}"))
                .contains(new NewPerson(FakeRecords.apiPerson("u-1")));
        assertThat(read("{\"type\":\"new-updated\",\"payload\":{\"person_pid\":\"u-2\"}}"))
                .contains(new PersonUpdated(FakeRecords.apiPerson("u-2")));
        assertThat(records.reads).containsExactly("person:u-1", "person:u-2");
    }

    @Test
    void aPidMayBeAWholeNumber() {
        assertThat(read("{\"type\":\"new-booking\",\"payload\":{\"booking_pid\":1234567}}"))
                .contains(new NewBooking(FakeRecords.apiBooking("1234567")));
    }

    @Test
    void anUnknownTypeIsFiredAsItCameAndLoggedOncePerType() {
        Optional<TicketparkWebhook> first = read("{\"type\":\"new-venue\",\"payload\":{\"venue_pid\":\"v-1\"}}");
        read("{\"type\":\"new-venue\",\"payload\":{\"venue_pid\":\"v-2\"}}");
        read("{\"type\":\"new-event\"}");

        assertThat(first).containsInstanceOf(UnknownWebhook.class);
        UnknownWebhook unknown = (UnknownWebhook) first.orElseThrow();
        assertThat(unknown.type()).isEqualTo("new-venue");
        assertThat(unknown.json()).isEqualTo("{\"type\":\"new-venue\",\"payload\":{\"venue_pid\":\"v-1\"}}");
        assertThat(log.withCode("TPC0403")).hasSize(2);
        assertThat(log.withCode("TPC0403").get(0).getMessage()).contains("'new-venue'");
        assertThat(log.withCode("TPC0403").get(1).getMessage()).contains("'new-event'");
        assertThat(records.reads).isEmpty();
    }

    @Test
    void unknownTypesAreLoggedUpToAHundred() {
        for (int i = 0; i < 105; i++) {
            read("{\"type\":\"type-" + i + "\"}");
        }
        read("{\"type\":\"type-1\"}");

        assertThat(log.withCode("TPC0403")).hasSize(100);
    }

    @Test
    void aRecordTheApiDoesNotKnowFiresNothing() {
        records.unknown("b-404");

        assertThat(read("{\"type\":\"new-booking\",\"payload\":{\"booking_pid\":\"b-404\"}}")).isEmpty();
        assertThat(read("{\"type\":\"new-person\",\"payload\":{\"person_pid\":\"b-404\"}}")).isEmpty();

        assertThat(log.withCode("TPC0402")).hasSize(2);
        assertThat(log.withCode("TPC0402").get(0).getMessage()).contains("new-booking names booking b-404");
        assertThat(log.withCode("TPC0402").get(1).getMessage()).contains("new-person names person b-404");
        assertThat(log.withCode("TPC0406")).isEmpty();
        assertThat(observer.heard).containsExactly("dropped TPC0402 1", "dropped TPC0402 1");
    }

    @Test
    void aRecordThatCannotBeReadNowIsUnread() {
        ApiServerErrorException failure = new ApiServerErrorException("TPC0105: the API failed", 503, "GET",
                "/bookings/b-5", "");
        records.failing(failure);

        WebhookReader.Unread unread = catchThrowableOfType(WebhookReader.Unread.class,
                () -> read("{\"type\":\"new-payment\",\"payload\":{\"booking_pid\":\"b-5\"}}"));

        assertThat(unread.getCause()).isSameAs(failure);
        assertThat(unread.getStackTrace()).isEmpty();
        assertThat(log.withCode("TPC0406")).singleElement().satisfies(record -> assertThat(record.getMessage())
                .contains("new-payment for booking b-5 could not be read back (TPC0105: the API failed)"));
        assertThat(log.withCode("TPC0402")).isEmpty();
        assertThat(observer.heard).as("not dropped: tried again").isEmpty();
    }

    @Test
    void anyOtherFailureOfAReadIsUnreadToo() {
        records.failing(new IllegalStateException("connection reset"));

        WebhookReader.Unread unread = catchThrowableOfType(WebhookReader.Unread.class,
                () -> read("{\"type\":\"new-updated\",\"payload\":{\"person_pid\":\"u-5\"}}"));

        assertThat(unread).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(log.withCode("TPC0406")).singleElement().satisfies(record -> assertThat(record.getMessage())
                .contains("new-updated for person u-5", "(java.lang.IllegalStateException)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"../persons\"", "\"a/b\"", "\"\"", "\"b 1\"", "{\"pid\":\"b-1\"}", "[\"b-1\"]", "1.5",
            "2.0", "true", "null", "\"x12345678901234567890123456789012345678901234567890123456789012345\""})
    void anInvalidPidFiresNothingAndReadsNothing(String pid) {
        assertThat(read("{\"type\":\"new-booking\",\"payload\":{\"booking_pid\":" + pid + "}}")).isEmpty();
        assertThat(read("{\"type\":\"new-person\",\"payload\":{\"person_pid\":" + pid + "}}")).isEmpty();

        assertThat(records.reads).isEmpty();
        assertThat(log.withCode("TPC0408")).hasSize(2);
        assertThat(log.withCode("TPC0408").get(0).getMessage()).contains("new-booking has no valid booking_pid");
        assertThat(log.withCode("TPC0408").get(1).getMessage()).contains("new-person has no valid person_pid");
        assertThat(observer.heard).containsExactly("dropped TPC0408 1", "dropped TPC0408 1");
    }

    @Test
    void aMissingPidFiresNothingAndReadsNothing() {
        assertThat(read("{\"type\":\"booking-cancelled\"}")).isEmpty();
        assertThat(read("{\"type\":\"new-updated\",\"payload\":{\"booking_pid\":\"b-1\"}}")).isEmpty();

        assertThat(records.reads).isEmpty();
        assertThat(log.withCode("TPC0408")).hasSize(2);
    }

    @Test
    void aPidOf64CharactersIsValid() {
        String pid = "a".repeat(64);
        assertThat(read("{\"type\":\"new-booking\",\"payload\":{\"booking_pid\":\"" + pid + "\"}}")).isPresent();
        assertThat(records.reads).containsExactly("booking:" + pid);
    }

    @Test
    void withoutReadBackTheEventsHoldReferencesWithThePidOnly() {
        WebhookReader trusting = new WebhookReader(records, false, observer);
        Booking reference = new Booking("b-1", null, null, null, null, null, null, null);

        assertThat(trusting.read(parse("{\"type\":\"new-booking\",\"payload\":{\"booking_pid\":\"b-1\","
                + "\"currency\":\"EUR\"}}"))).contains(new NewBooking(reference));
        assertThat(trusting.read(parse("{\"type\":\"booking-tickets-deleted\",\"payload\":{\"booking_pid\":\"b-1\","
                + "\"ticket_pids\":[\"t-1\"]}}"))).contains(new BookingTicketsDeleted(reference, List.of("t-1")));
        assertThat(trusting.read(parse("{\"type\":\"new-person\",\"payload\":{\"person_pid\":\"u-1\","
                + "\"firstname\":\"Jane\"}}"))).contains(new NewPerson(Person.ref("u-1")));
        assertThat(trusting.read(parse("{\"type\":\"new-booking\",\"payload\":{\"booking_pid\":\"../b\"}}")))
                .isEmpty();

        assertThat(records.reads).isEmpty();
        assertThat(log.withCode("TPC0408")).hasSize(1);
    }
}
