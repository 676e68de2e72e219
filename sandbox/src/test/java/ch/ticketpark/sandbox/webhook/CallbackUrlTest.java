package ch.ticketpark.sandbox.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallbackUrlTest {

    @Test
    void theLastPathSegmentIsMaskedAndUserInformationQueryAndFragmentAreDropped() {
        assertThat(CallbackUrl.masked(URI.create("http://localhost:9080/my-app/ticketpark/webhook/s3cr3t")))
                .isEqualTo("http://localhost:9080/my-app/ticketpark/webhook/****");
        assertThat(CallbackUrl.masked(URI.create("https://user:pw@example.test/hook/s3cr3t/?k=v#f")))
                .isEqualTo("https://example.test/hook/****/?****");
        assertThat(CallbackUrl.masked(URI.create("http://example.test"))).isEqualTo("http://example.test/****");
    }

    @Test
    void aWrongSecretReplacesTheLastSegmentOnly() {
        assertThat(CallbackUrl.withSecret(URI.create("http://localhost:9080/app/webhook/s3cr3t?x=1"), "other"))
                .isEqualTo(URI.create("http://localhost:9080/app/webhook/other?x=1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.test/s3cr3t", "/relative/s3cr3t", "http:///s3cr3t", "not a url s3cr3t"})
    void onlyAbsoluteHttpUrlsAreTakenAndTheRefusalDoesNotEchoThem(String url) {
        assertThatThrownBy(() -> CallbackUrl.parse(url)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("url must be an absolute http(s) URL");
    }
}
