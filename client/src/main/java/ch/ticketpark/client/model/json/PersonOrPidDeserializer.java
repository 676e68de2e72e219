package ch.ticketpark.client.model.json;

import java.lang.reflect.Type;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;

import ch.ticketpark.client.model.Person;

/**
 * A relation to a person that the API answers with the pid, or with the whole person when it is expanded
 * ({@code properties[customer]=1}): either way a {@link Person}, with only its pid in the first case. Public only
 * because JSON-B instantiates it.
 */
public final class PersonOrPidDeserializer implements JsonbDeserializer<Person> {

    @Override
    public Person deserialize(JsonParser parser, DeserializationContext context, Type type) {
        // JsonParser.currentEvent() is not implemented by Yasson's parser: look at the value instead
        JsonValue value = parser.getValue();
        if (value instanceof JsonString string) {
            return Person.ref(string.getString());
        }
        if (value instanceof JsonNumber number) {
            return Person.ref(number.toString());
        }
        if (value instanceof JsonObject object) {
            try (JsonParser objectParser = Json.createParserFactory(null).createParser(object)) {
                return context.deserialize(Person.class, objectParser);
            }
        }
        return null;
    }
}
