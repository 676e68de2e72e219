package ch.ticketpark.sandbox.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;

/**
 * Turns a JSON payload into checked field values: required fields present (409), types right (409), referenced pids
 * known (409). Unknown and read-only fields ({@code pid}, {@code created}, {@code _links}) are ignored, as the API
 * ignores them.
 */
final class PayloadReader {

    private PayloadReader() {
    }

    /** All fields of a new record, defaults applied. */
    static Map<String, Object> forCreate(CollectionSchema schema, JsonObject body, Tables tables) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field field : schema.fields()) {
            Object value = body.containsKey(field.name()) ? Values.fromJson(field, body.get(field.name())) : null;
            if (value == null) {
                value = field.defaultValue();
            }
            if (value == null && field.required()) {
                throw StoreException.invalid("Field '" + field.name() + "' is required");
            }
            values.put(field.name(), value);
        }
        checkReferences(schema, values, tables);
        return values;
    }

    /** The fields a patch changes. */
    static Map<String, Object> forPatch(CollectionSchema schema, JsonObject body, Tables tables) {
        Map<String, Object> changes = new LinkedHashMap<>();
        for (Field field : schema.fields()) {
            if (body.containsKey(field.name())) {
                Object value = Values.fromJson(field, body.get(field.name()));
                if (value == null && field.required()) {
                    throw StoreException.invalid("Field '" + field.name() + "' is required and cannot be null");
                }
                changes.put(field.name(), value == null ? field.defaultValue() : value);
            }
        }
        checkReferences(schema, changes, tables);
        return changes;
    }

    @SuppressWarnings("unchecked")
    private static void checkReferences(CollectionSchema schema, Map<String, Object> values, Tables tables) {
        for (Field field : schema.fields()) {
            Object value = values.get(field.name());
            if (field.isReference() && value != null) {
                List<String> pids = value instanceof List<?> list ? (List<String>) list : List.of((String) value);
                for (String pid : pids) {
                    if (tables.find(field.target(), pid) == null) {
                        throw StoreException.invalid("Field '" + field.name() + "': no " + field.target()
                                + " record with pid " + pid);
                    }
                }
            }
        }
    }
}
