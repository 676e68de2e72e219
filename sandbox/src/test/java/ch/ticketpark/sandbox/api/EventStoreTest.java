package ch.ticketpark.sandbox.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventStoreTest {

    private final EventStore store = new EventStore();

    @Test
    void seedsThreeEventsOldestFirst() {
        assertThat(store.all()).hasSize(3)
                .extracting(Event::name)
                .containsExactly("Zurich Comedy Evening", "Lucerne Summer Classics", "Jazz Night Bern");
    }

    @Test
    void pidsAreOpaqueLowerCaseHex() {
        assertThat(store.all()).allSatisfy(event -> {
            assertThat(event.pid()).matches("[0-9a-f]{16}");
            assertThat(event.host()).matches("[0-9a-f]{16}");
        });
    }

    @Test
    void findsByPid() {
        assertThat(store.find("a1b2c3d4e5f60718")).map(Event::name).contains("Jazz Night Bern");
        assertThat(store.find("a1b2c3d4e5f60718")).map(event -> ApiFormats.dateTime(event.created()))
                .contains("2026-09-01T10:15:00+0200");
        assertThat(store.find("0000000000000000")).isEmpty();
    }
}
