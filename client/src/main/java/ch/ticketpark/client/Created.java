package ch.ticketpark.client;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.RedirectionException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import ch.ticketpark.client.exception.TicketparkException;

/**
 * Reads what the API answers a creation with: the {@code Location} of the new record
 * ({@code …/bookings/293233446073}), or for a batch the list link of the new records
 * ({@code …/tickets/?filters[batchId]=…&orderBy[batchOrder]=asc}). The typed clients use it for you; it is public
 * for your own interfaces that return a {@link Response}.
 */
public final class Created {

    private static final String BATCH_FILTER = "filters[batchId]";
    private static final Pattern BATCH_FILTER_RAW_OR_ENCODED = Pattern
            .compile("filters(?:\\[|%5B)batchId(?:]|%5D)=", Pattern.CASE_INSENSITIVE);

    private Created() {
    }

    /**
     * @param response the answer to {@code POST /collection/} with one object
     * @return the new record's pid: the last path segment of {@code Location}
     * @throws TicketparkException if the answer has no {@code Location}, it is a batch list link or the answer is no
     *         success
     * @throws RedirectionException if the API answered with a redirect, which is never followed
     */
    public static String pid(Response response) {
        String location = location(response);
        if (BATCH_FILTER_RAW_OR_ENCODED.matcher(location).find()) {
            throw new TicketparkException(MessageCatalogue.format("TPC0210", location));
        }
        String path = stripQuery(location);
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        // split first, then decode: an encoded '/' belongs to the pid
        String pid = decodePathSegment(path.substring(path.lastIndexOf('/') + 1));
        if (pid.isEmpty()) {
            throw new TicketparkException(MessageCatalogue.format("TPC0211", location));
        }
        return pid;
    }

    /**
     * @param response the answer to {@code POST /collection/} with an array
     * @return the query of the list link that returns the new records in order, such as
     *         {@code filters[batchId]=…&orderBy[batchOrder]=asc}; pass it to {@code list} or {@code stream}
     * @throws TicketparkException if the answer has no {@code Location}, it is not a batch list link or the answer is
     *         no success
     * @throws RedirectionException if the API answered with a redirect, which is never followed
     */
    public static Query batch(Response response) {
        String location = location(response);
        // Query.parse decodes each name and value once, after splitting at '&' and '='; a '+' stays a '+', as in the
        // rest of the link, instead of being read as a form-encoded space
        Query query = Query.parse(rawQuery(location).replace("+", "%2B"));
        if (query.parameters().stream().noneMatch(parameter -> parameter.getKey().equals(BATCH_FILTER))) {
            throw new TicketparkException(MessageCatalogue.format("TPC0212", location));
        }
        return query;
    }

    /** The query of a list link, still percent-encoded; empty if there is none. */
    private static String rawQuery(String location) {
        int start = location.indexOf('?');
        if (start >= 0) {
            return location.substring(start + 1);
        }
        // the documentation shows the link without '?': /some-entity/filters[batchId]=…
        Matcher filter = BATCH_FILTER_RAW_OR_ENCODED.matcher(location);
        return filter.find() ? location.substring(filter.start()) : "";
    }

    /**
     * The {@code Location} header as sent: brackets raw or percent-encoded, nothing decoded yet; only of a success,
     * since a redirect's {@code Location} names where to go, not what was created.
     */
    private static String location(Response response) {
        Response.Status.Family family = response.getStatusInfo().getFamily();
        if (family == Response.Status.Family.REDIRECTION) {
            throw new RedirectionException(response);
        }
        if (family != Response.Status.Family.SUCCESSFUL) {
            throw new TicketparkException(MessageCatalogue.format("TPC0215", response.getStatus()));
        }
        String location = response.getHeaderString(HttpHeaders.LOCATION);
        if (location == null || location.isBlank()) {
            throw new TicketparkException(MessageCatalogue.format("TPC0213", response.getStatus()));
        }
        return location.trim();
    }

    /** Percent-decodes one path segment; '+' is not a space in a path. */
    private static String decodePathSegment(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String stripQuery(String location) {
        int query = location.indexOf('?');
        return query < 0 ? location : location.substring(0, query);
    }
}
