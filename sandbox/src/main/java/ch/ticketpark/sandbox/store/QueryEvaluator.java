package ch.ticketpark.sandbox.store;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Applies the filters and the order of a {@link Query} to the records of one collection. Conditions other than
 * {@code isNull} never match a missing value, as in SQL.
 */
final class QueryEvaluator {

    private final Tables tables;

    QueryEvaluator(Tables tables) {
        this.tables = tables;
    }

    /** The matching records in query order (not yet paginated). */
    List<Entity> select(CollectionSchema schema, Collection<Entity> candidates, Query query) {
        query.filters().forEach(filter -> typeOf(schema, filter.path()));
        query.orderBy().forEach(order -> typeOf(schema, List.of(order.field())));
        return candidates.stream()
                .filter(entity -> matches(schema, entity, query))
                .sorted(comparator(schema, query.orderBy()))
                .toList();
    }

    private boolean matches(CollectionSchema schema, Entity entity, Query query) {
        if (query.filters().isEmpty()) {
            return true;
        }
        return query.anyOf()
                ? query.filters().stream().anyMatch(filter -> matches(schema, entity, filter))
                : query.filters().stream().allMatch(filter -> matches(schema, entity, filter));
    }

    private boolean matches(CollectionSchema schema, Entity entity, FieldFilter filter) {
        FieldType type = typeOf(schema, filter.path());
        Object actual = resolve(schema, entity, filter.path());
        return filter.anyOf()
                ? filter.conditions().stream().anyMatch(condition -> test(type, actual, condition))
                : filter.conditions().stream().allMatch(condition -> test(type, actual, condition));
    }

    /** The type at the end of a field path; 409 for an unknown field. */
    static FieldType typeOf(CollectionSchema schema, List<String> path) {
        String name = path.get(0);
        FieldType system = Entity.SYSTEM_FIELDS.get(name);
        Field field = schema.field(name).orElse(null);
        if (field == null && system == null) {
            throw StoreException.invalid("Unknown field '" + name + "' of " + schema.name());
        }
        if (path.size() == 1) {
            return field == null ? system : field.type();
        }
        if (field == null || field.type() != FieldType.REFERENCE) {
            throw StoreException.invalid("Field '" + name + "' of " + schema.name() + " is not a relation");
        }
        return typeOf(Schema.get(field.target()), path.subList(1, path.size()));
    }

    private Object resolve(CollectionSchema schema, Entity entity, List<String> path) {
        Object value = entity.value(path.get(0));
        if (path.size() == 1 || value == null) {
            return value;
        }
        String target = schema.field(path.get(0)).orElseThrow().target();
        Entity related = tables.find(target, (String) value);
        return related == null ? null : resolve(Schema.get(target), related, path.subList(1, path.size()));
    }

    static boolean test(FieldType type, Object actual, Condition condition) {
        switch (condition.comparison()) {
            case IS_NULL :
                return actual == null;
            case IS_NOT_NULL :
                return actual != null;
            default :
                break;
        }
        if (actual == null) {
            return false;
        }
        Object expected = Values.fromFilter(type, condition.value());
        if (actual instanceof List<?> list) {
            return switch (condition.comparison()) {
                case EQ -> list.contains(expected);
                case NEQ -> !list.contains(expected);
                default -> throw StoreException.invalid("Only eq and neq apply to lists of pids");
            };
        }
        int result = compare(actual, expected);
        return switch (condition.comparison()) {
            case EQ -> result == 0;
            case NEQ -> result != 0;
            case GT -> result > 0;
            case GTE -> result >= 0;
            case LT -> result < 0;
            case LTE -> result <= 0;
            default -> throw new IllegalStateException(condition.comparison().label());
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object left, Object right) {
        if (left instanceof OffsetDateTime time) {
            return time.toInstant().compareTo(((OffsetDateTime) right).toInstant());
        }
        if (left instanceof BigDecimal amount) {
            return amount.compareTo((BigDecimal) right);
        }
        if (left instanceof Comparable comparable) {
            return comparable.compareTo(right);
        }
        return left.toString().compareTo(right.toString());
    }

    private static Comparator<Entity> comparator(CollectionSchema schema, List<Order> orderBy) {
        Comparator<Entity> comparator = (left, right) -> 0;
        for (Order order : orderBy) {
            Comparator<Entity> key = Comparator.comparing(entity -> entity.value(order.field()),
                    Comparator.nullsFirst(QueryEvaluator::compare));
            comparator = comparator.thenComparing(order.descending() ? key.reversed() : key);
        }
        return comparator.thenComparingLong(Entity::sequence);
    }
}
