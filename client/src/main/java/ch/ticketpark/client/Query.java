package ch.ticketpark.client;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.stream.Collectors;

import ch.ticketpark.client.model.json.DateTimes;

/**
 * The query of a collection request: pagination, filters, order and expansion, as the Ticketpark API spells them.
 * Immutable: every method returns a new query. Parameters appear in the order they were added; adding one again
 * replaces it in place.
 *
 * <pre>
 * Query.page(0, 50)                                     // page=0&amp;maxResults=50
 *         .filter("name", "Hugo")                       // filters[name]=Hugo
 *         .filter("updated", Condition.gt(since))       // filters[updated][_comp]=gt&amp;filters[updated][_value]=…
 *         .filterAny("city", "Bern", "Zürich")          // filters[city][_logic]=OR&amp;filters[city][0]=Bern&amp;…
 *         .filter("customer.lastname", "Muster")        // filters[customer][lastname]=Muster
 *         .orderBy("created", Query.Order.DESC)         // orderBy[created]=desc
 *         .expand("customer", "tickets");               // properties[customer]=1&amp;properties[tickets]=1
 * </pre>
 *
 * Values: booleans become {@code 1}/{@code 0}; {@link LocalDateTime} is written as {@code yyyy-MM-dd HH:mm:ss};
 * {@link OffsetDateTime}, {@link ZonedDateTime} and {@link Instant} are first converted to {@link Ticketpark#ZONE};
 * everything else with {@code toString()}. {@link #toString()} is the percent-encoded query string sent on the wire.
 */
public final class Query {

    /**
     * The request header that carries a query from a client method to the library's request filter, which moves it
     * into the URL: declare {@code @HeaderParam(Query.HEADER) Query query} in your own
     * {@code configKey = "ticketpark"} interfaces to accept a {@link Query}. It never reaches the API.
     */
    public static final String HEADER = "X-Ticketpark-Query";

    /** The sort order of {@link #orderBy(String, Order)}. */
    public enum Order {
        ASC, DESC
    }

    private static final Query EMPTY = new Query(new LinkedHashMap<>());

    /** Parameter groups by what they set (such as {@code filters[name]}), each with its parameters in order. */
    private final Map<String, List<Map.Entry<String, String>>> groups;

    private Query(Map<String, List<Map.Entry<String, String>>> groups) {
        this.groups = groups;
    }

    /**
     * @return a query without any parameter: the API's defaults (first page, 100 records)
     */
    public static Query create() {
        return EMPTY;
    }

    /**
     * @param page the page, from 0
     * @param maxResults the page size (the API allows up to 1000)
     * @return a query for that page: {@code page=…&maxResults=…}
     */
    public static Query page(int page, int maxResults) {
        return EMPTY.page(page).maxResults(maxResults);
    }

    /**
     * @param page the page, from 0: {@code page=…}
     */
    public Query page(int page) {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more: " + page);
        }
        return with("page", List.of(entry("page", Integer.toString(page))));
    }

    /**
     * @param maxResults the page size, from 1: {@code maxResults=…}
     */
    public Query maxResults(int maxResults) {
        if (maxResults < 1) {
            throw new IllegalArgumentException("maxResults must be 1 or more: " + maxResults);
        }
        return with("maxResults", List.of(entry("maxResults", Integer.toString(maxResults))));
    }

    /**
     * Equality: {@code filters[field]=value}. Filters on several fields must all match, unless {@link #or()}.
     *
     * @param field the field; a relation's field as {@code relation.field}, such as {@code customer.lastname}
     *        ({@code filters[customer][lastname]=…})
     */
    public Query filter(String field, Object value) {
        String key = filterKey(field);
        return with(key, List.of(entry(key, value(value))));
    }

    /**
     * One comparison: {@code filters[field][_comp]=gt&filters[field][_value]=…}.
     */
    public Query filter(String field, Condition condition) {
        String key = filterKey(field);
        return with(key, condition(key, condition));
    }

    /**
     * Several conditions on one field, all of which must match, such as a range:
     * {@code filters[field][0][_comp]=gt&filters[field][0][_value]=…&filters[field][1][_comp]=lt&…}.
     */
    public Query filterAll(String field, Condition... conditions) {
        String key = filterKey(field);
        List<Map.Entry<String, String>> params = new ArrayList<>();
        for (int i = 0; i < conditions.length; i++) {
            params.addAll(condition(key + "[" + i + "]", conditions[i]));
        }
        return with(key, params);
    }

    /**
     * Several values of which one must match:
     * {@code filters[field][_logic]=OR&filters[field][0]=A&filters[field][1]=B}. A value may be a
     * {@link Condition}.
     */
    public Query filterAny(String field, Object... values) {
        String key = filterKey(field);
        List<Map.Entry<String, String>> params = new ArrayList<>();
        params.add(entry(key + "[_logic]", "OR"));
        for (int i = 0; i < values.length; i++) {
            String indexed = key + "[" + i + "]";
            if (values[i] instanceof Condition condition) {
                params.addAll(condition(indexed, condition));
            } else {
                params.add(entry(indexed, value(values[i])));
            }
        }
        return with(key, params);
    }

    /**
     * Records match if any field filter matches instead of all: {@code filters[_logic]=OR}.
     */
    public Query or() {
        return with("filters[_logic]", List.of(entry("filters[_logic]", "OR")));
    }

    /**
     * @return the query sorted by the field: {@code orderBy[field]=asc|desc}
     */
    public Query orderBy(String field, Order order) {
        String key = "orderBy" + path(field);
        return with(key, List.of(entry(key, order.name().toLowerCase(Locale.ROOT))));
    }

    /**
     * Embeds related records or computed properties in the answer: {@code properties[x]=1}, such as
     * {@code customer} and {@code tickets} of a booking or {@code capacity} of a show.
     */
    public Query expand(String... properties) {
        Query query = this;
        for (String property : properties) {
            String key = "properties" + path(property);
            query = query.with(key, List.of(entry(key, "1")));
        }
        return query;
    }

    /**
     * Any other parameter, for what this class does not cover: the name is sent as given (brackets included), the
     * value is formatted like a filter value.
     */
    public Query param(String name, Object value) {
        return with(name, List.of(entry(name, value(value))));
    }

    /**
     * @return the parameters in order, not encoded: names such as {@code filters[name]}, values as sent
     */
    public List<Map.Entry<String, String>> parameters() {
        return groups.values().stream().flatMap(List::stream).toList();
    }

    /**
     * @return the page of this query, if it sets one
     */
    public OptionalInt pageNumber() {
        return intParameter("page");
    }

    /**
     * @return the page size of this query, if it sets one
     */
    public OptionalInt pageSize() {
        return intParameter("maxResults");
    }

    /**
     * Reads a query string such as the list link the API answers a batch creation with
     * ({@code filters[batchId]=…&orderBy[batchOrder]=asc}), raw or percent-encoded.
     *
     * @param queryString the part after {@code ?}
     * @return the query with these parameters, each a group of its own
     */
    public static Query parse(String queryString) {
        Query query = EMPTY;
        for (String pair : queryString.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            query = query.with(name, List.of(entry(name, value)));
        }
        return query;
    }

    /**
     * @return the percent-encoded query string, without {@code ?}, such as
     *         {@code page=0&maxResults=50&filters%5Bname%5D=Hugo}; empty for a query without parameters
     */
    @Override
    public String toString() {
        return parameters().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Query query && parameters().equals(query.parameters());
    }

    @Override
    public int hashCode() {
        return parameters().hashCode();
    }

    private Query with(String group, List<Map.Entry<String, String>> params) {
        Map<String, List<Map.Entry<String, String>>> copy = new LinkedHashMap<>(groups);
        copy.put(group, List.copyOf(params));
        return new Query(copy);
    }

    private OptionalInt intParameter(String name) {
        List<Map.Entry<String, String>> group = groups.get(name);
        return group == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(group.get(0).getValue()));
    }

    private static List<Map.Entry<String, String>> condition(String key, Condition condition) {
        List<Map.Entry<String, String>> params = new ArrayList<>();
        params.add(entry(key + "[_comp]", condition.comparison().code()));
        if (condition.value() != null) {
            params.add(entry(key + "[_value]", value(condition.value())));
        }
        return params;
    }

    private static String filterKey(String field) {
        return "filters" + path(field);
    }

    /** {@code customer.lastname} to {@code [customer][lastname]}. */
    private static String path(String field) {
        Objects.requireNonNull(field, "field");
        StringBuilder key = new StringBuilder();
        for (String part : field.split("\\.", -1)) {
            if (part.isEmpty()) {
                throw new IllegalArgumentException("Invalid field: '" + field + "'");
            }
            key.append('[').append(part).append(']');
        }
        return key.toString();
    }

    private static String value(Object value) {
        Objects.requireNonNull(value, "value: filter with Condition.isNull() instead");
        if (value instanceof Boolean bool) {
            return bool ? "1" : "0";
        }
        if (value instanceof OffsetDateTime offset) {
            return DateTimes.format(offset);
        }
        if (value instanceof ZonedDateTime zoned) {
            return DateTimes.format(zoned.toOffsetDateTime());
        }
        if (value instanceof Instant instant) {
            return instant.atZone(Ticketpark.ZONE).format(DateTimes.TO_API);
        }
        if (value instanceof LocalDateTime local) {
            return local.format(DateTimes.TO_API);
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value.toString();
    }

    private static Map.Entry<String, String> entry(String name, String value) {
        return new SimpleImmutableEntry<>(name, value);
    }

    /** RFC 3986: everything but the unreserved characters is percent-encoded (brackets too, as PHP does). */
    private static String encode(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
