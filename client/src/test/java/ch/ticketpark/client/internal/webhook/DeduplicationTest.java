package ch.ticketpark.client.internal.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.time.Duration;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import ch.ticketpark.client.support.MutableClock;
import ch.ticketpark.client.support.RealTime;

class DeduplicationTest {

    private final MutableClock clock = new MutableClock();
    private final Deduplication deduplication = new Deduplication(clock, Duration.ofMinutes(10));

    static Delivery delivery(String pid) {
        return new Delivery("new-booking", Json.createObjectBuilder().add("booking_pid", pid).build());
    }

    @Test
    void theSameDeliveryWithinTheWindowIsSeen() {
        assertThat(deduplication.seenBefore(delivery("b-1"))).isFalse();
        clock.advance(Duration.ofMinutes(10).minusMillis(1));

        assertThat(deduplication.seenBefore(delivery("b-1"))).isTrue();
        assertThat(deduplication.seenBefore(delivery("b-2"))).isFalse();
        assertThat(deduplication.size()).isEqualTo(2);
    }

    @Test
    void afterTheWindowItIsNotSeenAndCountsFromTheNewSighting() {
        deduplication.seenBefore(delivery("b-1"));
        clock.advance(Duration.ofMinutes(10));

        assertThat(deduplication.seenBefore(delivery("b-1"))).isFalse();
        clock.advance(Duration.ofMinutes(5));
        assertThat(deduplication.seenBefore(delivery("b-1"))).isTrue();
    }

    @Test
    void aSeenDeliveryIsNotRememberedLongerBySeeingItAgain() {
        deduplication.seenBefore(delivery("b-1"));
        clock.advance(Duration.ofMinutes(9));
        assertThat(deduplication.seenBefore(delivery("b-1"))).isTrue();
        clock.advance(Duration.ofMinutes(1));

        assertThat(deduplication.seenBefore(delivery("b-1"))).isFalse();
    }

    @Test
    void expiredDeliveriesAreForgottenOldestFirstUpToTheFirstWithinTheWindow() {
        deduplication.seenBefore(delivery("b-1"));
        clock.advance(Duration.ofMinutes(4));
        deduplication.seenBefore(delivery("b-2"));
        clock.advance(Duration.ofMinutes(4));
        deduplication.seenBefore(delivery("b-3"));
        clock.advance(Duration.ofMinutes(3));

        assertThat(deduplication.seenBefore(delivery("b-4"))).isFalse();
        assertThat(deduplication.size()).isEqualTo(3);
        assertThat(deduplication.seenBefore(delivery("b-2"))).isTrue();
        assertThat(deduplication.seenBefore(delivery("b-3"))).isTrue();
        assertThat(deduplication.seenBefore(delivery("b-1"))).isFalse();
    }

    @Test
    void aForgottenDeliveryIsNotSeen() {
        deduplication.seenBefore(delivery("b-1"));
        deduplication.seenBefore(delivery("b-2"));
        deduplication.forget(delivery("b-1"));

        assertThat(deduplication.seenBefore(delivery("b-1"))).isFalse();
        assertThat(deduplication.seenBefore(delivery("b-2"))).isTrue();
    }

    @Test
    void atMostTenThousandAreRememberedTheOldestForgottenFirst() {
        for (int i = 0; i < Deduplication.MAX_REMEMBERED; i++) {
            assertThat(deduplication.seenBefore(delivery("b-" + i))).isFalse();
        }
        assertThat(deduplication.size()).isEqualTo(10_000);

        assertThat(deduplication.seenBefore(delivery("b-new"))).isFalse();

        assertThat(deduplication.size()).isEqualTo(10_000);
        assertThat(deduplication.seenBefore(delivery("b-1"))).isTrue();
        assertThat(deduplication.seenBefore(delivery("b-new"))).isTrue();
        assertThat(deduplication.seenBefore(delivery("b-9999"))).isTrue();
        assertThat(deduplication.seenBefore(delivery("b-0"))).isFalse();
        assertThat(deduplication.size()).isEqualTo(10_000);
    }

    /**
     * A parsed 64 KiB body such as {@code {"type":"x","payload":{"a":[0,0,0,…]}}} takes about 1.2 MB of heap: 10000
     * remembered deliveries would hold some 12 GB, so the bound on their number is no bound on memory.
     */
    @Test
    @RealTime // seconds of threads (or of garbage collection): not in the mutation run
    void aRememberedDeliveryDoesNotKeepItsPayloadAlive() throws InterruptedException {
        JsonObject payload = bigPayload();
        WeakReference<JsonObject> held = new WeakReference<>(payload);
        assertThat(deduplication.seenBefore(new Delivery("new-booking", payload))).isFalse();
        payload = null;

        for (int i = 0; i < 20 && held.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }

        assertThat(deduplication.seenBefore(new Delivery("new-booking", bigPayload()))).isTrue();
        assertThat(held.get()).as("the deduplication keeps the whole parsed payload, not a digest of it").isNull();
    }

    private static JsonObject bigPayload() {
        JsonArrayBuilder zeros = Json.createArrayBuilder();
        for (int i = 0; i < 30_000; i++) {
            zeros.add(0);
        }
        return Json.createObjectBuilder().add("booking_pid", "b-1").add("a", zeros).build();
    }
}
