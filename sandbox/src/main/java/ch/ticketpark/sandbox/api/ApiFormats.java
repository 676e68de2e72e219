package ch.ticketpark.sandbox.api;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import ch.ticketpark.sandbox.store.Values;

/**
 * The value formats of the Ticketpark API that the JDK does not produce by default.
 */
public final class ApiFormats {

    /** {@code 2019-08-11T12:00:00+0200}: the offset has no colon, so ISO_OFFSET_DATE_TIME does not fit. */
    public static final DateTimeFormatter DATE_TIME = Values.OUTPUT_DATE_TIME;

    private ApiFormats() {
    }

    public static String dateTime(OffsetDateTime value) {
        return DATE_TIME.format(value);
    }

    /**
     * The absolute URL of one resource, as used in {@code _links.self.href}.
     *
     * @param baseUri the API base URI (with or without a trailing slash)
     * @param collection the collection, for example {@code events}
     * @param pid the pid of the resource
     */
    public static String selfHref(URI baseUri, String collection, String pid) {
        String base = baseUri.toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + "/" + collection + "/" + pid;
    }
}
