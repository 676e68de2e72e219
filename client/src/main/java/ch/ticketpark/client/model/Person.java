package ch.ticketpark.client.model;

import java.time.OffsetDateTime;

import jakarta.json.bind.annotation.JsonbTypeAdapter;

import ch.ticketpark.client.model.json.DateTimeAdapter;

/**
 * A person, such as the customer of a booking ({@code persons/}); the pid is an uppercase UUID.
 *
 * @param pid the person's opaque identifier
 * @param firstname first name (required on create)
 * @param lastname last name (required)
 * @param email e-mail address
 * @param company company
 * @param street street
 * @param zip postal code
 * @param city city
 * @param country country
 * @param created when the person was created (output only)
 */
public record Person(
        String pid,
        String firstname,
        String lastname,
        String email,
        String company,
        String street,
        String zip,
        String city,
        String country,
        @JsonbTypeAdapter(DateTimeAdapter.class) OffsetDateTime created) {

    /**
     * @return a new person with the required fields, to create
     */
    public static Person of(String firstname, String lastname) {
        return new Person(null, firstname, lastname, null, null, null, null, null, null, null);
    }

    /**
     * @return a reference to an existing person, with only the pid, such as the customer of a new booking
     */
    public static Person ref(String pid) {
        return new Person(pid, null, null, null, null, null, null, null, null, null);
    }

    /**
     * @return this person with an e-mail address
     */
    public Person withEmail(String newEmail) {
        return new Person(pid, firstname, lastname, newEmail, company, street, zip, city, country, created);
    }
}
