package ch.ticketpark.sandbox.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The records a delete removes: the record and, recursively, the children its {@link CollectionSchema#cascade()}
 * names.
 */
final class Cascade {

    private Cascade() {
    }

    static List<Entity> collect(Entity root, Tables tables) {
        List<Entity> doomed = new ArrayList<>();
        collect(root, tables, doomed);
        return doomed;
    }

    private static void collect(Entity entity, Tables tables, List<Entity> doomed) {
        doomed.add(entity);
        for (Relation relation : Schema.get(entity.collection()).cascade()) {
            tables.children(relation, entity.pid()).forEach(child -> collect(child, tables, doomed));
        }
    }

    /** 409 when a record that stays references one that goes (a sold ticket of a show, a venue in use, ...). */
    static void requireUnreferenced(List<Entity> doomed, Tables tables) {
        Set<String> keys = new HashSet<>();
        doomed.forEach(entity -> keys.add(key(entity.collection(), entity.pid())));
        tables.everything().filter(entity -> !keys.contains(key(entity.collection(), entity.pid())))
                .forEach(entity -> {
                    for (Field field : Schema.get(entity.collection()).fields()) {
                        Object value = entity.values().get(field.name());
                        if (field.isReference() && value != null && references(field, value, keys)) {
                            throw StoreException.invalid("Cannot delete: still referenced by " + entity.collection()
                                    + " record " + entity.pid() + " (field '" + field.name() + "')");
                        }
                    }
                });
    }

    private static boolean references(Field field, Object value, Set<String> keys) {
        if (value instanceof List<?> pids) {
            return pids.stream().anyMatch(pid -> keys.contains(key(field.target(), (String) pid)));
        }
        return keys.contains(key(field.target(), (String) value));
    }

    private static String key(String collection, String pid) {
        return collection + '/' + pid;
    }
}
