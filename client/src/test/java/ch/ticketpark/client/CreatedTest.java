package ch.ticketpark.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ch.ticketpark.client.exception.TicketparkException;

class CreatedTest {

    @ParameterizedTest
    @CsvSource({
            "https://api.ticketpark.ch/bookings/293233446073, 293233446073",
            "https://api.ticketpark.ch/persons/9B1DEB4D-3B7D-4BAD-9BDD-2B0D7B3DCB6D/, 9B1DEB4D-3B7D-4BAD-9BDD-2B0D7B3DCB6D",
            "/tickets/6445cdbe3e9509e8, 6445cdbe3e9509e8",
            "http://localhost:9080/sandbox/events/a%20b, a b"})
    void readsThePidOfTheLocation(String location, String pid) {
        assertThat(Created.pid(created(location))).isEqualTo(pid);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://api.ticketpark.ch/tickets/?filters[batchId]=3f6c-11&orderBy[batchOrder]=asc",
            "https://api.ticketpark.ch/tickets/?filters%5BbatchId%5D=3f6c-11&orderBy%5BbatchOrder%5D=asc",
            "/some-entity/filters[batchId]=3f6c-11&orderBy[batchOrder]=asc"})
    void readsTheBatchListLinkRawOrEncoded(String location) {
        assertThat(Created.batch(created(location)))
                .isEqualTo(Query.create().filter("batchId", "3f6c-11").orderBy("batchOrder", Query.Order.ASC));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://api.ticketpark.ch/tickets/?filters[batchId]=3f6c+11&orderBy[batchOrder]=asc | 3f6c+11",
            "https://api.ticketpark.ch/tickets/?filters%5BbatchId%5D=3f6c%2B11&orderBy%5BbatchOrder%5D=asc | 3f6c+11",
            "https://api.ticketpark.ch/tickets/?filters[batchId]=3f6c%2541&orderBy[batchOrder]=asc | 3f6c%41",
            "https://api.ticketpark.ch/tickets/?filters%5BbatchId%5D=3f6c%2541&orderBy%5BbatchOrder%5D=asc | 3f6c%41",
            "https://api.ticketpark.ch/tickets/?filters[batchId]=a%26b%3Dc&orderBy[batchOrder]=asc | a&b=c",
            "https://api.ticketpark.ch/tickets/?filters%5BbatchId%5D=a%2526b%20c&orderBy%5BbatchOrder%5D=asc "
                    + "| a%26b c",
            "/some-entity/filters[batchId]=3f6c+%2541&orderBy[batchOrder]=asc | 3f6c+%41",
            "/some-entity/filters%5BbatchId%5D=3f6c+%2541&orderBy%5BbatchOrder%5D=asc | 3f6c+%41"})
    void decodesEachPartOfTheBatchListLinkExactlyOnce(String location, String batchId) {
        assertThat(Created.batch(created(location)))
                .isEqualTo(Query.create().filter("batchId", batchId).orderBy("batchOrder", Query.Order.ASC));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://api.ticketpark.ch/persons/a+b | a+b",
            "https://api.ticketpark.ch/persons/a%2Bb/ | a+b",
            "https://api.ticketpark.ch/persons/a%2541 | a%41",
            "https://api.ticketpark.ch/persons/a%2Fb?x=%2F | a/b"})
    void decodesThePidExactlyOnce(String location, String pid) {
        assertThat(Created.pid(created(location))).isEqualTo(pid);
    }

    @Test
    void refusesAnswersThatNameNoRecord() {
        assertThatThrownBy(() -> Created.pid(Response.status(201).build())).isInstanceOf(TicketparkException.class)
                .hasMessageStartingWith("TPC0213");
        assertThatThrownBy(() -> Created.pid(created("/tickets/?filters[batchId]=1")))
                .hasMessageStartingWith("TPC0210");
        assertThatThrownBy(() -> Created.batch(created("/tickets/t1"))).hasMessageStartingWith("TPC0212");
    }

    /** The texts come from the message catalogue through this package's reader. */
    @Test
    void namesWhatIsWrongWithTheAnswer() {
        assertThatThrownBy(() -> Created.pid(Response.status(201).build()))
                .hasMessage("TPC0213: The Ticketpark API answered a creation with HTTP 201 but no Location header");
        assertThatThrownBy(() -> Created.pid(created("/tickets/?filters[batchId]=1")))
                .hasMessage("TPC0210: The Ticketpark API answered the creation of one record with the list link of a "
                        + "batch: /tickets/?filters[batchId]=1");
        assertThatThrownBy(() -> Created.pid(created("/")))
                .hasMessage("TPC0211: The Ticketpark API answered a creation with a Location that names no record: /");
        assertThatThrownBy(() -> Created.batch(created("/tickets/100%25")))
                .hasMessage("TPC0212: The Ticketpark API answered the creation of several records without the list "
                        + "link of the batch (filters[batchId]): /tickets/100%25");
    }

    private static Response created(String location) {
        return Response.status(201).header("Location", location).build();
    }

    /** A redirect's Location names where to go, not the new record: never read as a pid. */
    @Test
    void redirectIsNoCreation() {
        Response redirect = Response.status(302).header("Location", "https://elsewhere.example/venues").build();
        assertThatThrownBy(() -> Created.pid(redirect)).isInstanceOf(jakarta.ws.rs.RedirectionException.class);
        assertThatThrownBy(() -> Created.batch(redirect)).isInstanceOf(jakarta.ws.rs.RedirectionException.class);
        assertThatThrownBy(() -> Created.pid(Response.status(102).header("Location", "/tickets/t1").build()))
                .hasMessage("TPC0215: The Ticketpark API answered a creation with HTTP 102, which is no success: "
                        + "nothing was read from it");
    }
}
