package ch.ticketpark.client.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ch.ticketpark.client.exception.TicketparkConfigurationException;

class ClientUrlsTest {

    private static final String OWN = "com.example.OwnTicketparkClient";
    private static final String API = "https://api.ticketpark.ch";

    private final Map<String, String> config = new HashMap<>(Map.of(TicketparkConfig.API_URL, API));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "com.example.OwnTicketparkClient/mp-rest/url | https://api.ticketpark.ch/",
            "com.example.OwnTicketparkClient/mp-rest/url | https://API.ticketpark.ch:443/v2/",
            "com.example.OwnTicketparkClient/mp-rest/uri | https://api.ticketpark.ch",
            "ticketpark/mp-rest/uri                      | https://api.ticketpark.ch/",
            "com.example.OwnTicketparkClient/mp-rest/url | '  '"})
    void acceptsTheApiOrigin(String key, String value) {
        config.put(key, value);

        assertThatCode(this::validate).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "com.example.OwnTicketparkClient/mp-rest/url | https://evil.example/events/?filters[email]=jane@example.com "
                    + "| points to https://evil.example:443, but a Ticketpark client may only call "
                    + "https://api.ticketpark.ch:443 (ticketpark/mp-rest/url)",
            "com.example.OwnTicketparkClient/mp-rest/url | https://api.ticketpark.ch:8443/ "
                    + "| points to https://api.ticketpark.ch:8443",
            "com.example.OwnTicketparkClient/mp-rest/url | http://api.ticketpark.ch/ "
                    + "| uses plain http to api.ticketpark.ch, which is refused",
            "com.example.OwnTicketparkClient/mp-rest/url | https://user:secret@api.ticketpark.ch/ "
                    + "| must not contain user information",
            "com.example.OwnTicketparkClient/mp-rest/url | /events/?filters[email]=jane@example.com "
                    + "| must be an absolute http(s) URL",
            "com.example.OwnTicketparkClient/mp-rest/url | https://api.ticketpark.ch/a b?jane@example.com "
                    + "| is not a valid URL",
            "com.example.OwnTicketparkClient/mp-rest/uri | https://evil.example/?jane@example.com "
                    + "| points to https://evil.example:443",
            "ticketpark/mp-rest/uri                      | https://evil.example/?jane@example.com "
                    + "| points to https://evil.example:443"})
    void refusesAnyOtherUrlNamingTheKeyButNotTheValue(String key, String value, String problem) {
        config.put(key, value);

        TicketparkConfigurationException e = catchThrowableOfType(TicketparkConfigurationException.class,
                this::validate);

        assertThat(e).isNotNull();
        assertThat(e.keys()).containsExactly(key);
        assertThat(e.getMessage()).startsWith("TPC0001").contains(key + " " + problem)
                .doesNotContain("secret", "user:", "jane", "filters", "events");
    }

    @Test
    void plainHttpToLoopbackIsTheApiOriginWhenTheApiUrlIsThere() {
        config.put(TicketparkConfig.API_URL, "http://localhost:9080/sandbox");
        config.put(OWN + "/mp-rest/url", "http://localhost:9080/sandbox/v2");

        assertThatCode(this::validate).doesNotThrowAnyException();
    }

    @Test
    void withoutAnApiUrlTheOriginIsTheDefaultOne() {
        config.remove(TicketparkConfig.API_URL);
        config.put(OWN + "/mp-rest/url", "http://localhost:9080/sandbox");

        TicketparkConfigurationException e = catchThrowableOfType(TicketparkConfigurationException.class,
                this::validate);

        assertThat(e.getMessage()).contains("may only call https://api.ticketpark.ch:443");
    }

    @Test
    void oneProblemNamesEveryKeyAtFault() {
        config.put(OWN + "/mp-rest/url", "https://evil.example");
        config.put(OWN + "/mp-rest/uri", "https://api.ticketpark.ch");
        config.put("com.example.Other/mp-rest/uri", "http://evil.example");
        config.put("com.example.NotATicketparkClient/mp-rest/url", "https://elsewhere.example");

        TicketparkConfigurationException e = catchThrowableOfType(TicketparkConfigurationException.class,
                () -> ClientUrls.validate(List.of(OWN, "com.example.Other"), this::read));

        assertThat(e.keys()).containsExactly("com.example.Other/mp-rest/uri", OWN + "/mp-rest/url");
        assertThat(e.getMessage()).doesNotContain("NotATicketparkClient", OWN + "/mp-rest/uri");
    }

    @Test
    void anInvalidApiUrlIsLeftToTheConfigurationCheckAndOnlyTheTransportRuleApplies() {
        config.put(TicketparkConfig.API_URL, "http://api.ticketpark.ch");
        config.put(OWN + "/mp-rest/url", "https://elsewhere.example");
        config.put(OWN + "/mp-rest/uri", "http://elsewhere.example");

        TicketparkConfigurationException e = catchThrowableOfType(TicketparkConfigurationException.class,
                this::validate);

        assertThat(e.keys()).containsExactly(OWN + "/mp-rest/uri");
    }

    private void validate() {
        ClientUrls.validate(List.of(OWN), this::read);
    }

    private Optional<String> read(String key) {
        return Optional.ofNullable(config.get(key));
    }
}
