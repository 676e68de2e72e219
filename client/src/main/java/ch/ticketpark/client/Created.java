package ch.ticketpark.client;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Reads what the API answers a creation with: the {@code Location} of the new record
 * ({@code …/bookings/293233446073}), or for a batch the list link of the new records
 * ({@code …/tickets/?filters[batchId]=…&orderBy[batchOrder]=asc}). The typed clients use it for you; it is public
 * for your own interfaces that return a {@link Response}.
 */
public final class Created {

    private static final String BATCH_FILTER = "filters[batchId]";

    private Created() {
    }

    /**
     * @param response the answer to {@code POST /collection/} with one object
     * @return the new record's pid: the last path segment of {@code Location}
     * @throws TicketparkException if the answer has no {@code Location} or it is a batch list link
     */
    public static String pid(Response response) {
        String location = decodedLocation(response);
        if (location.contains(BATCH_FILTER)) {
            throw new TicketparkException("TPC0210: The Ticketpark API answered the creation of one record with "
                    + "the list link of a batch: " + location);
        }
        String path = stripQuery(location);
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String pid = path.substring(path.lastIndexOf('/') + 1);
        if (pid.isEmpty()) {
            throw new TicketparkException("TPC0211: The Ticketpark API answered a creation with a Location that "
                    + "names no record: " + location);
        }
        return pid;
    }

    /**
     * @param response the answer to {@code POST /collection/} with an array
     * @return the query of the list link that returns the new records in order, such as
     *         {@code filters[batchId]=…&orderBy[batchOrder]=asc}; pass it to {@code list} or {@code stream}
     * @throws TicketparkException if the answer has no {@code Location} or it is not a batch list link
     */
    public static Query batch(Response response) {
        String location = decodedLocation(response);
        int start = location.indexOf('?');
        if (start < 0) {
            // the documentation shows the link without '?': /some-entity/filters[batchId]=…
            start = location.indexOf(BATCH_FILTER) - 1;
        }
        if (!location.contains(BATCH_FILTER) || start < -1) {
            throw new TicketparkException("TPC0212: The Ticketpark API answered the creation of several records "
                    + "without the list link of the batch (filters[batchId]): " + location);
        }
        return Query.parse(location.substring(start + 1));
    }

    private static String decodedLocation(Response response) {
        String location = response.getHeaderString(HttpHeaders.LOCATION);
        if (location == null || location.isBlank()) {
            throw new TicketparkException("TPC0213: The Ticketpark API answered a creation with HTTP "
                    + response.getStatus() + " but no Location header");
        }
        // brackets arrive raw or percent-encoded; '+' is not a space in a path
        return URLDecoder.decode(location.trim().replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String stripQuery(String location) {
        int query = location.indexOf('?');
        return query < 0 ? location : location.substring(0, query);
    }
}
