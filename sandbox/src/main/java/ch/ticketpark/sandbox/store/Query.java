package ch.ticketpark.sandbox.store;

import java.util.List;
import java.util.Set;

/**
 * A parsed list query.
 *
 * @param page the page, from 0
 * @param maxResults the page size
 * @param anyOf {@code true} for {@code filters[_logic]=OR}: one field filter suffices
 * @param filters the field filters
 * @param orderBy the sort keys, most significant first
 * @param properties the expansions asked for with {@code properties[x]=1}
 */
public record Query(int page, int maxResults, boolean anyOf, List<FieldFilter> filters, List<Order> orderBy,
        Set<String> properties) {

    public static final int DEFAULT_MAX_RESULTS = 100;
    public static final int LIMIT_MAX_RESULTS = 1000;

    public Query {
        filters = List.copyOf(filters);
        orderBy = List.copyOf(orderBy);
        properties = Set.copyOf(properties);
    }

    /** No filter, the first page of default size. */
    public static Query all() {
        return new Query(0, DEFAULT_MAX_RESULTS, false, List.of(), List.of(), Set.of());
    }

    public Query withFilter(FieldFilter filter) {
        List<FieldFilter> more = new java.util.ArrayList<>(filters);
        more.add(filter);
        return new Query(page, maxResults, anyOf, more, orderBy, properties);
    }
}
