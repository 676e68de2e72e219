package ch.ticketpark.sandbox.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

class ApiFormatsTest {

    @Test
    void dateTimeHasAnOffsetWithoutColon() {
        assertThat(ApiFormats.dateTime(OffsetDateTime.parse("2026-09-01T10:15:00+02:00")))
                .isEqualTo("2026-09-01T10:15:00+0200");
        assertThat(ApiFormats.dateTime(OffsetDateTime.parse("2026-01-05T08:00:30Z")))
                .isEqualTo("2026-01-05T08:00:30+0000");
    }

    @Test
    void selfHrefJoinsBaseCollectionAndPid() {
        assertThat(ApiFormats.selfHref(URI.create("http://localhost:9080/sandbox/"), "events", "a1b2c3d4e5f60718"))
                .isEqualTo("http://localhost:9080/sandbox/events/a1b2c3d4e5f60718");
        assertThat(ApiFormats.selfHref(URI.create("http://localhost:9080/sandbox"), "events", "a1b2c3d4e5f60718"))
                .isEqualTo("http://localhost:9080/sandbox/events/a1b2c3d4e5f60718");
    }
}
