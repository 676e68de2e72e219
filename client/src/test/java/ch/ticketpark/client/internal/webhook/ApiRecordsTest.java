package ch.ticketpark.client.internal.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ch.ticketpark.client.Query;
import ch.ticketpark.client.api.BookingsClient;
import ch.ticketpark.client.api.PersonsClient;
import ch.ticketpark.client.model.Booking;
import ch.ticketpark.client.model.Person;

class ApiRecordsTest {

    private final List<String> bookingCalls = new ArrayList<>();
    private final List<String> personCalls = new ArrayList<>();
    private final Booking booking = FakeRecords.apiBooking("b-1");
    private final Person person = FakeRecords.apiPerson("u-1");
    private final ApiRecords records = new ApiRecords(
            FakeServlets.fake(BookingsClient.class, Map.of("get", booking), bookingCalls),
            FakeServlets.fake(PersonsClient.class, Map.of("get", person), personCalls));

    @Test
    void aBookingIsReadWithItsCustomerAndTickets() {
        assertThat(records.booking("b-1")).isSameAs(booking);

        assertThat(bookingCalls).containsExactly("get[b-1, " + Query.create().expand("customer", "tickets") + "]");
        assertThat(personCalls).isEmpty();
    }

    @Test
    void aPersonIsReadAsItIs() {
        assertThat(records.person("u-1")).isSameAs(person);

        assertThat(personCalls).containsExactly("get[u-1]");
        assertThat(bookingCalls).isEmpty();
    }
}
