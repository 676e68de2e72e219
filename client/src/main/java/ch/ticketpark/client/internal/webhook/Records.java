package ch.ticketpark.client.internal.webhook;

import ch.ticketpark.client.exception.RecordNotFoundException;
import ch.ticketpark.client.model.Booking;
import ch.ticketpark.client.model.Person;

/** Where a webhook's records are read back from: the API, through the typed clients. */
interface Records {

    /**
     * @return the booking with its customer and tickets expanded
     * @throws RecordNotFoundException if the API does not know it
     */
    Booking booking(String pid);

    /**
     * @throws RecordNotFoundException if the API does not know it
     */
    Person person(String pid);
}
