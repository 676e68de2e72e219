package ch.ticketpark.client.model.json;

import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;

import ch.ticketpark.client.model.Person;

/**
 * Writes a relation to a person as the person's pid, which is what the API expects on input. Public only because
 * JSON-B instantiates it.
 */
public final class PersonPidSerializer implements JsonbSerializer<Person> {

    @Override
    public void serialize(Person person, JsonGenerator generator, SerializationContext context) {
        generator.write(person.pid());
    }
}
