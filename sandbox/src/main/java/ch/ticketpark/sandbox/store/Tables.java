package ch.ticketpark.sandbox.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The records by collection and pid, in insertion order. Not thread-safe: {@link ResourceStore} guards it.
 */
final class Tables {

    private final Map<String, Map<String, Entity>> collections = new HashMap<>();

    Entity find(String collection, String pid) {
        return table(collection).get(pid);
    }

    Collection<Entity> all(String collection) {
        return table(collection).values();
    }

    /** The records of {@code relation.collection()} whose {@code relation.field()} is {@code pid}. */
    List<Entity> children(Relation relation, String pid) {
        return all(relation.collection()).stream().filter(child -> pid.equals(child.value(relation.field())))
                .toList();
    }

    Stream<Entity> everything() {
        return collections.values().stream().flatMap(table -> table.values().stream());
    }

    void put(Entity entity) {
        table(entity.collection()).put(entity.pid(), entity);
    }

    void remove(Entity entity) {
        table(entity.collection()).remove(entity.pid());
    }

    void clear() {
        collections.clear();
    }

    private Map<String, Entity> table(String collection) {
        return collections.computeIfAbsent(collection, k -> new LinkedHashMap<>());
    }
}
