package ch.ticketpark.sandbox.store;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Parses the raw query string of a list request: {@code page}, {@code maxResults}, {@code filters[...]},
 * {@code orderBy[...]} and {@code properties[...]}, with brackets raw or percent-encoded. Unknown parameters are
 * ignored; malformed values are refused with 409.
 */
public final class QueryParser {

    private static final String LOGIC = "_logic";
    private static final String COMP = "_comp";
    private static final String VALUE = "_value";

    private QueryParser() {
    }

    public static Query parse(String rawQuery) {
        Builder builder = new Builder();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (!pair.isEmpty()) {
                    int equals = pair.indexOf('=');
                    String key = decode(equals < 0 ? pair : pair.substring(0, equals));
                    String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                    builder.accept(key, value);
                }
            }
        }
        return builder.build();
    }

    /** {@code filters[a][b]} as {@code [filters, a, b]}; {@code null} when the brackets do not match. */
    static List<String> segments(String key) {
        int open = key.indexOf('[');
        List<String> segments = new ArrayList<>();
        segments.add(open < 0 ? key : key.substring(0, open));
        int position = open;
        while (position >= 0 && position < key.length()) {
            if (key.charAt(position) != '[') {
                return null;
            }
            int close = key.indexOf(']', position);
            if (close < 0) {
                return null;
            }
            segments.add(key.substring(position + 1, close));
            position = close + 1;
        }
        return segments;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw StoreException.invalid("Malformed percent-encoding in the query string");
        }
    }

    private static boolean isIndex(String segment) {
        return !segment.isEmpty() && segment.chars().allMatch(Character::isDigit);
    }

    private static final class Builder {

        private int page;
        private int maxResults = Query.DEFAULT_MAX_RESULTS;
        private boolean anyOf;
        private final Map<List<String>, FieldBuilder> fields = new LinkedHashMap<>();
        private final List<Order> orderBy = new ArrayList<>();
        private final Set<String> properties = new LinkedHashSet<>();

        void accept(String key, String value) {
            List<String> segments = segments(key);
            if (segments == null) {
                return;
            }
            String name = segments.get(0);
            List<String> rest = segments.subList(1, segments.size());
            switch (name) {
                case "page" -> page = number("page", value, 0);
                case "maxResults" -> maxResults = Math.min(number("maxResults", value, 1), Query.LIMIT_MAX_RESULTS);
                case "filters" -> filter(rest, value);
                case "orderBy" -> order(rest, value);
                case "properties" -> property(rest, value);
                default -> {
                    // not a query parameter of the API: ignored, as the API does
                }
            }
        }

        private void filter(List<String> rest, String value) {
            if (rest.isEmpty()) {
                throw StoreException.invalid("filters needs a field: filters[field]=value");
            }
            if (rest.equals(List.of(LOGIC))) {
                anyOf = isOr(value);
                return;
            }
            int split = 0;
            while (split < rest.size() && !isSpecial(rest.get(split))) {
                split++;
            }
            if (split == 0) {
                throw StoreException.invalid("filters needs a field before " + rest.get(0));
            }
            FieldBuilder field = fields.computeIfAbsent(List.copyOf(rest.subList(0, split)), k -> new FieldBuilder());
            List<String> tail = rest.subList(split, rest.size());
            if (tail.equals(List.of(LOGIC))) {
                field.anyOf = isOr(value);
            } else if (tail.isEmpty()) {
                field.condition(null).value = value;
            } else if (tail.size() == 1 && !isIndex(tail.get(0))) {
                field.condition(null).set(tail.get(0), value);
            } else if (tail.size() == 1) {
                field.condition(Integer.valueOf(tail.get(0))).value = value;
            } else if (tail.size() == 2 && isIndex(tail.get(0)) && !isIndex(tail.get(1))
                    && !LOGIC.equals(tail.get(1))) {
                field.condition(Integer.valueOf(tail.get(0))).set(tail.get(1), value);
            } else {
                throw StoreException.invalid("Unsupported filter form: filters[" + String.join("][", rest) + "]");
            }
        }

        private static boolean isSpecial(String segment) {
            return LOGIC.equals(segment) || COMP.equals(segment) || VALUE.equals(segment) || isIndex(segment);
        }

        private static boolean isOr(String value) {
            if ("OR".equalsIgnoreCase(value)) {
                return true;
            }
            if ("AND".equalsIgnoreCase(value)) {
                return false;
            }
            throw StoreException.invalid("_logic must be OR or AND, not '" + value + "'");
        }

        private void order(List<String> rest, String value) {
            if (rest.size() != 1 || rest.get(0).isEmpty()) {
                throw StoreException.invalid("orderBy needs one field: orderBy[field]=asc|desc");
            }
            boolean descending = switch (value.toLowerCase(java.util.Locale.ROOT)) {
                case "asc", "" -> false;
                case "desc" -> true;
                default -> throw StoreException.invalid("orderBy must be asc or desc, not '" + value + "'");
            };
            orderBy.add(new Order(rest.get(0), descending));
        }

        private void property(List<String> rest, String value) {
            if (rest.size() == 1 && ("1".equals(value) || "true".equalsIgnoreCase(value))) {
                properties.add(rest.get(0));
            }
        }

        private static int number(String name, String value, int minimum) {
            try {
                int number = Integer.parseInt(value);
                if (number >= minimum) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // answered below
            }
            throw StoreException.invalid(name + " must be an integer of at least " + minimum + ", not '" + value
                    + "'");
        }

        Query build() {
            List<FieldFilter> filters = new ArrayList<>();
            fields.forEach((path, field) -> filters.add(field.build(path)));
            return new Query(page, maxResults, anyOf, filters, orderBy, properties);
        }
    }

    private static final class FieldBuilder {

        private boolean anyOf;
        // the unindexed condition sorts first (key -1)
        private final Map<Integer, ConditionBuilder> conditions = new TreeMap<>();

        ConditionBuilder condition(Integer index) {
            return conditions.computeIfAbsent(index == null ? -1 : index, k -> new ConditionBuilder());
        }

        FieldFilter build(List<String> path) {
            return new FieldFilter(path, anyOf, conditions.values().stream().map(ConditionBuilder::build).toList());
        }
    }

    private static final class ConditionBuilder {

        private String comparison;
        private String value;

        void set(String key, String text) {
            if (COMP.equals(key)) {
                comparison = text;
            } else if (VALUE.equals(key)) {
                value = text;
            } else {
                throw StoreException.invalid("Unsupported filter key " + key);
            }
        }

        Condition build() {
            Comparison parsed = comparison == null ? Comparison.EQ : Comparison.of(comparison);
            return new Condition(parsed, parsed.takesValue() ? value : null);
        }
    }
}
