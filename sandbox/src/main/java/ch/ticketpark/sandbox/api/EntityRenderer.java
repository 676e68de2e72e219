package ch.ticketpark.sandbox.api;

import java.net.URI;
import java.util.List;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import ch.ticketpark.sandbox.store.Capacity;
import ch.ticketpark.sandbox.store.CollectionSchema;
import ch.ticketpark.sandbox.store.Entity;
import ch.ticketpark.sandbox.store.Field;
import ch.ticketpark.sandbox.store.FieldType;
import ch.ticketpark.sandbox.store.PidStyle;
import ch.ticketpark.sandbox.store.Query;
import ch.ticketpark.sandbox.store.Relation;
import ch.ticketpark.sandbox.store.ResourceStore;
import ch.ticketpark.sandbox.store.Schema;
import ch.ticketpark.sandbox.store.Values;

/**
 * Renders records the way the Ticketpark API does: {@code pid} (a number for bookings, with {@code pid_readable}),
 * the fields in snake_case, {@code created} / {@code updated} with a {@code +0200} offset, {@code _links.self} and
 * the expansions asked for: {@code shows} on events, {@code capacity} on shows, {@code customer} (replacing the
 * pid by the person) and {@code tickets} on bookings. Unknown expansions are ignored.
 */
final class EntityRenderer {

    private final URI baseUri;
    private final ResourceStore store;

    EntityRenderer(URI baseUri, ResourceStore store) {
        this.baseUri = baseUri;
        this.store = store;
    }

    JsonArray render(List<Entity> entities, Set<String> expansions) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        entities.forEach(entity -> array.add(render(entity, expansions)));
        return array.build();
    }

    JsonObject render(Entity entity, Set<String> expansions) {
        CollectionSchema schema = Schema.get(entity.collection());
        JsonObjectBuilder json = Json.createObjectBuilder().add("pid", schema.pidStyle().toJson(entity.pid()));
        if (schema.pidStyle() == PidStyle.NUMBER) {
            json.add("pid_readable", PidStyle.readable(entity.pid()));
        }
        for (Field field : schema.fields()) {
            json.add(field.name(), value(field, entity.values().get(field.name())));
        }
        json.add("created", Values.formatDateTime(entity.created()));
        json.add("updated", Values.formatDateTime(entity.updated()));
        expand(entity, expansions, json);
        json.add("_links", Json.createObjectBuilder()
                .add("self", Json.createObjectBuilder().add("href", ApiFormats.selfHref(baseUri,
                        entity.collection(), entity.pid()))));
        return json.build();
    }

    private void expand(Entity entity, Set<String> expansions, JsonObjectBuilder json) {
        switch (entity.collection()) {
            case Schema.EVENTS -> {
                if (expansions.contains("shows")) {
                    json.add("shows", render(children(Schema.SHOWS, "event", entity.pid()), Set.of()));
                }
            }
            case Schema.SHOWS -> {
                if (expansions.contains("capacity")) {
                    JsonObject capacity = capacity(store.capacity(entity.pid()));
                    json.add("capacity", Json.createObjectBuilder().add("total", capacity).add("public", capacity));
                }
            }
            case Schema.BOOKINGS -> {
                if (expansions.contains("customer")) {
                    json.add("customer", render(store.get(Schema.PERSONS, entity.string("customer")), Set.of()));
                }
                if (expansions.contains("tickets")) {
                    json.add("tickets", render(children(Schema.TICKETS, "booking", entity.pid()), Set.of()));
                }
            }
            default -> {
                // no expansion for the other collections
            }
        }
    }

    private List<Entity> children(String collection, String field, String pid) {
        Query all = new Query(0, Query.LIMIT_MAX_RESULTS, false, List.of(), List.of(), Set.of());
        return store.children(new Relation(collection, field), pid, all).items();
    }

    private static JsonObject capacity(Capacity capacity) {
        return Json.createObjectBuilder()
                .add("total", capacity.total())
                .add("sold", capacity.sold())
                .add("available", capacity.available())
                .build();
    }

    @SuppressWarnings("unchecked")
    private static JsonValue value(Field field, Object value) {
        if (value == null || !field.isReference()) {
            return Values.toJson(field.type(), value);
        }
        PidStyle style = Schema.get(field.target()).pidStyle();
        if (field.type() == FieldType.REFERENCES) {
            JsonArrayBuilder pids = Json.createArrayBuilder();
            ((List<String>) value).forEach(pid -> pids.add(style.toJson(pid)));
            return pids.build();
        }
        return style.toJson((String) value);
    }
}
