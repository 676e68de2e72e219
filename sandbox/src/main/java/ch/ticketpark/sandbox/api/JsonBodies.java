package ch.ticketpark.sandbox.api;

import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;

import ch.ticketpark.sandbox.store.StoreException;

/**
 * Reads request bodies; an empty or unparseable body is an invalid payload (409), as the API answers it.
 */
final class JsonBodies {

    private JsonBodies() {
    }

    static JsonValue read(String body) {
        if (body == null || body.isBlank()) {
            throw StoreException.invalid("The request body is empty");
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readValue();
        } catch (JsonParsingException e) {
            throw StoreException.invalid("The request body is not valid JSON");
        } catch (JsonException e) {
            throw StoreException.invalid("The request body cannot be read as JSON");
        }
    }

    static JsonObject object(String body) {
        if (read(body) instanceof JsonObject object) {
            return object;
        }
        throw StoreException.invalid("The request body must be a JSON object");
    }
}
