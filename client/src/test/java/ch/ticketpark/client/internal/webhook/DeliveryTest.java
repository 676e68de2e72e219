package ch.ticketpark.client.internal.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;

import jakarta.json.Json;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeliveryTest {

    static Delivery parse(String body) {
        return Delivery.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aWebhookIsItsTypeAndPayload() {
        Delivery delivery = parse("{\"type\":\"new-booking\",\"payload\":{\"booking_pid\":\"b-1\",\"n\":2}}");

        assertThat(delivery.type()).isEqualTo("new-booking");
        assertThat(delivery.payload()).isEqualTo(Json.createObjectBuilder().add("booking_pid", "b-1").add("n", 2)
                .build());
    }

    @Test
    void aPidMayBeANumber() {
        Delivery delivery = parse("{\"type\":\"new-booking\",\"payload\":{\"booking_pid\":12345}}");

        assertThat(delivery.payload().getJsonNumber("booking_pid").longValue()).isEqualTo(12345);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"type\":\"booking-cancelled\"}", "{\"type\":\"booking-cancelled\",\"payload\":null}"})
    void aMissingPayloadIsEmpty(String body) {
        Delivery delivery = parse(body);

        assertThat(delivery.type()).isEqualTo("booking-cancelled");
        assertThat(delivery.payload()).isEqualTo(JsonValue.EMPTY_JSON_OBJECT);
    }

    @Test
    void typesOfLettersDigitsAndDashUnderscoreDotUpTo64AreAccepted() {
        String type = "Ab_9.-" + "x".repeat(58);
        assertThat(parse("{\"type\":\"" + type + "\"}").type()).isEqualTo(type);
        assertThat(parse("{\"type\":\"x\"}").type()).isEqualTo("x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json SECRET-BODY", "{\"type\":\"new-booking\" SECRET-BODY", "", "  "})
    void aBodyThatIsNoJsonIsRefused(String body) {
        assertRefused(body, "its body is not JSON");
    }

    @Test
    void bytesThatAreNoTextAreRefused() {
        for (byte[] body : new byte[][]{{'{', '"', (byte) 0xC3, '"', ':', '1', '}'}, {(byte) 0xFF, (byte) 0xFE, 0, 0},
                {(byte) 0xF0, (byte) 0x80}}) {
            assertThat(catchThrowableOfType(Delivery.Refused.class, () -> Delivery.parse(body))).isNotNull();
        }
    }

    /** Parsson stops at a depth of 1000 with a bare RuntimeException, which must not escape as an HTTP 500. */
    @ParameterizedTest
    @ValueSource(strings = {"[", "{\"a\":"})
    void aBodyNestedTooDeeplyIsRefused(String level) {
        byte[] body = ("{\"type\":\"x\",\"payload\":" + level.repeat(5_000)).getBytes(StandardCharsets.US_ASCII);

        assertThat(catchThrowableOfType(Delivery.Refused.class, () -> Delivery.parse(body))).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[\"SECRET-BODY\"]", "\"SECRET-BODY\"", "42", "null"})
    void aBodyThatIsNoObjectIsRefused(String body) {
        assertRefused(body, "its body is not a JSON object");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"payload\":{\"x\":\"SECRET-BODY\"}}", "{\"type\":42,\"x\":\"SECRET-BODY\"}",
            "{\"type\":null,\"x\":\"SECRET-BODY\"}"})
    void aBodyWithoutTypeIsRefused(String body) {
        assertRefused(body, "it has no type");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "new booking", "new/booking", "new-b\u00f6oking", "<SECRET-BODY>",
            "x12345678901234567890123456789012345678901234567890123456789012345"})
    void aTypeWithOtherCharactersOrLongerThan64IsRefused(String type) {
        assertRefused("{\"type\":\"" + type + "\",\"x\":\"SECRET-BODY\"}", "its type is not a word of letters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"SECRET-BODY\"", "1", "true"})
    void aPayloadThatIsNoObjectIsRefused(String payload) {
        assertRefused("{\"type\":\"new-booking\",\"payload\":" + payload + "}", "its payload is not a JSON object");
    }

    @Test
    void equalityIgnoresTheOrderOfThePayloadsFieldsAndTheBlanks() {
        Delivery one = parse("{\"type\":\"new-payment\",\"payload\":{\"booking_pid\":\"b-1\",\"amount\":\"10.00\"}}");
        Delivery other = parse(
                "{ \"payload\" : { \"amount\" : \"10.00\" ,\n \"booking_pid\" : \"b-1\" }, \"type\" : \"new-payment\" }");

        assertThat(one).isEqualTo(other).hasSameHashCodeAs(other);
        assertThat(one).isNotEqualTo(parse("{\"type\":\"new-payment\",\"payload\":{\"booking_pid\":\"b-2\","
                + "\"amount\":\"10.00\"}}"));
        assertThat(one).isNotEqualTo(parse("{\"type\":\"new-booking\",\"payload\":{\"booking_pid\":\"b-1\","
                + "\"amount\":\"10.00\"}}"));
    }

    @Test
    void jsonIsTheWholeWebhook() {
        Delivery delivery = parse("{\"type\":\"x-new\",\"payload\":{\"a\":[1,\"b\"]},\"extra\":1}");

        assertThat(Json.createReader(new java.io.StringReader(delivery.json())).readObject()).isEqualTo(Json
                .createObjectBuilder().add("type", "x-new")
                .add("payload", Json.createObjectBuilder().add("a", Json.createArrayBuilder().add(1).add("b")))
                .build());
    }

    @Test
    void typeAndPayloadAreRequired() {
        assertThatThrownBy(() -> new Delivery(null, JsonValue.EMPTY_JSON_OBJECT)).isInstanceOf(
                NullPointerException.class);
        assertThatThrownBy(() -> new Delivery("x", null)).isInstanceOf(NullPointerException.class);
    }

    private static void assertRefused(String body, String why) {
        Delivery.Refused refused = catchThrowableOfType(Delivery.Refused.class, () -> parse(body));

        assertThat(refused).isNotNull();
        assertThat(refused.getMessage()).startsWith(why).doesNotContain("SECRET-BODY");
        assertThat(refused.getStackTrace()).isEmpty();
        assertThat(refused.getCause()).isNull();
    }
}
