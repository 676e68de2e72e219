package ch.ticketpark.sandbox.store;

import java.util.Map;

/**
 * Which host a record belongs to, following {@link CollectionSchema#ownerField()} references up to a host. Records
 * of the {@link Schema#FOREIGN_HOST} may be read but not changed (403).
 */
final class Ownership {

    private Ownership() {
    }

    static void requireOwn(Entity entity, Tables tables) {
        if (isForeign(entity.collection(), entity.values(), tables)) {
            throw forbidden(entity.collection(), entity.pid());
        }
    }

    static void requireOwn(String collection, Map<String, Object> values, Tables tables) {
        if (isForeign(collection, values, tables)) {
            throw new StoreException(StoreException.FORBIDDEN,
                    "Records of host " + Schema.FOREIGN_HOST + " cannot be changed with these credentials");
        }
    }

    private static boolean isForeign(String collection, Map<String, Object> values, Tables tables) {
        String ownerField = Schema.get(collection).ownerField();
        if (ownerField == null || values.get(ownerField) == null) {
            return false;
        }
        String ownerPid = (String) values.get(ownerField);
        String target = Schema.get(collection).field(ownerField).orElseThrow().target();
        if (Schema.HOSTS.equals(target)) {
            return Schema.FOREIGN_HOST.equals(ownerPid);
        }
        Entity owner = tables.find(target, ownerPid);
        return owner != null && isForeign(target, owner.values(), tables);
    }

    private static StoreException forbidden(String collection, String pid) {
        return new StoreException(StoreException.FORBIDDEN,
                "The " + collection + " record " + pid + " belongs to another host and cannot be changed");
    }
}
