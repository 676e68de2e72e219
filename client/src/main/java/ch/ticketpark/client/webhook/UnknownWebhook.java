package ch.ticketpark.client.webhook;

import java.util.Objects;

/**
 * A webhook of a type this library does not know, such as one Ticketpark added since: acknowledged (an error would
 * make Ticketpark send it again and again), logged once per type ({@code TPC0403}), and fired as it came, without a
 * read-back. Its content comes from whoever knew the webhook URL: treat it as a hint.
 *
 * @param type the webhook's {@code type}
 * @param json the webhook as received, {@code {"type":…,"payload":…}}, without blanks and with the payload's members
 *        sorted
 */
public record UnknownWebhook(String type, String json) implements TicketparkWebhook {

    public UnknownWebhook {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(json, "json");
    }
}
