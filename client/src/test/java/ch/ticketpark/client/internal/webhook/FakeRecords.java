package ch.ticketpark.client.internal.webhook;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.ticketpark.client.exception.RecordNotFoundException;
import ch.ticketpark.client.model.Booking;
import ch.ticketpark.client.model.Person;

/**
 * The API as a webhook's read-back sees it: every pid is known, as a booking or person holding data the webhook's
 * payload never carries, unless the test makes it unknown or failing. Records every read.
 */
final class FakeRecords implements Records {

    /** What a read asked for: {@code booking:<pid>} or {@code person:<pid>}. */
    final List<String> reads = new CopyOnWriteArrayList<>();
    private volatile String unknownPid;
    private volatile RuntimeException failure;

    static Booking apiBooking(String pid) {
        return new Booking(pid, "R-" + pid, Person.ref("customer-of-" + pid), true, false, "CHF", List.of(), null);
    }

    static Person apiPerson(String pid) {
        return new Person(pid, "Jane", "Read-Back", "jane@example.com", null, null, null, null, null, null);
    }

    /** The API does not know this pid (404). */
    FakeRecords unknown(String pid) {
        unknownPid = pid;
        return this;
    }

    /** Every read fails so, until {@link #heal()}. */
    FakeRecords failing(RuntimeException failure) {
        this.failure = failure;
        return this;
    }

    void heal() {
        failure = null;
    }

    @Override
    public Booking booking(String pid) {
        reads.add("booking:" + pid);
        check(pid, "/bookings/");
        return apiBooking(pid);
    }

    @Override
    public Person person(String pid) {
        reads.add("person:" + pid);
        check(pid, "/persons/");
        return apiPerson(pid);
    }

    private void check(String pid, String path) {
        RuntimeException failing = failure;
        if (failing != null) {
            throw failing;
        }
        if (pid.equals(unknownPid)) {
            throw new RecordNotFoundException("TPC0102: no such record", 404, "GET", path + pid, "{}");
        }
    }
}
