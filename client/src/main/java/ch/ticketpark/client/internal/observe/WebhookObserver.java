package ch.ticketpark.client.internal.observe;

import java.util.Locale;

/**
 * Hears what the webhook receiver does: how it answered each request, the events it fired, the deliveries it dropped
 * and the attempts it set for later. Called on the servlet's and the workers' threads, never under the inbox's lock;
 * an implementation returns at once and may throw: the receiver never sees it ({@link Observers#isolated}).
 */
public interface WebhookObserver {

    /** Hears nothing. */
    WebhookObserver NONE = new WebhookObserver() {
    };

    /** How a request to the receiver was answered. */
    enum Answer {

        /** Queued for processing (200). */
        ACCEPTED,
        /** The same delivery was pending or seen within the deduplication window (200). */
        DUPLICATE,
        /** Too many deliveries pending, or the application stops (503). */
        REFUSED,
        /** Not a delivery: another method than POST, a body that is not one, or one too large (405, 400, 413). */
        INVALID,
        /** A wrong or missing secret (404). */
        NOT_FOUND;

        /** @return the name that metrics use, such as {@code not_found} */
        public String metricName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Why an accepted delivery fired no event: each a message code that was logged. */
    enum Drop {

        /** The payload names no valid pid. */
        PAYLOAD_INVALID("TPC0408"),
        /** The API does not know the record the delivery names. */
        RECORD_UNKNOWN("TPC0402"),
        /** Its record could not be read at any attempt, or no thread was left to try. */
        GIVEN_UP("TPC0412"),
        /** Its processing failed unexpectedly. */
        FAILED("TPC0411"),
        /** It was still waiting when the application stopped. */
        LOST_AT_STOP("TPC0409");

        private final String code;

        Drop(String code) {
            this.code = code;
        }

        /** @return the message code logged with it */
        public String code() {
            return code;
        }
    }

    /**
     * @param answer what the request was answered
     * @param status the HTTP status it was answered with
     */
    default void answered(Answer answer, int status) {
    }

    /**
     * The event of a delivery was fired to the synchronous observers (and handed to the asynchronous ones).
     *
     * @param type the webhook's type as Ticketpark documents it, such as {@code new-booking}; {@code unknown} for any
     *        other
     */
    default void fired(String type) {
    }

    /**
     * @param count how many deliveries, at least 1
     */
    default void dropped(Drop why, int count) {
    }

    /** A delivery whose record could not be read is set to be tried again. */
    default void retrying() {
    }

    /** The receiver stops: release what reads its state. */
    default void close() {
    }
}
