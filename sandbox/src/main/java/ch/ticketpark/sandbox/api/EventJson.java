package ch.ticketpark.sandbox.api;

import java.net.URI;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * Renders an {@link Event} the way the Ticketpark API does: snake_case fields and HAL-style {@code _links}.
 */
public final class EventJson {

    static final String COLLECTION = "events";

    private EventJson() {
    }

    public static JsonObject toJson(Event event, URI baseUri) {
        return Json.createObjectBuilder()
                .add("pid", event.pid())
                .add("host", event.host())
                .add("name", event.name())
                .add("currency", event.currency())
                .add("allow_digital_dispatch", event.allowDigitalDispatch())
                .add("created", ApiFormats.dateTime(event.created()))
                .add("_links", Json.createObjectBuilder()
                        .add("self", Json.createObjectBuilder()
                                .add("href", ApiFormats.selfHref(baseUri, COLLECTION, event.pid()))))
                .build();
    }
}
