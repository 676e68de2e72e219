package ch.ticketpark.client.internal.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.ticketpark.client.internal.observe.WebhookObserver.Answer;
import ch.ticketpark.client.internal.observe.WebhookObserver.Drop;
import ch.ticketpark.client.support.LogCapture;

/** A webhook observer that throws never reaches the receiver: logged once per exception type, and heard again. */
class IsolatedWebhookObserverTest {

    @RegisterExtension
    final LogCapture log = new LogCapture();

    private final List<String> heard = new ArrayList<>();

    private final WebhookObserver failing = new WebhookObserver() {

        @Override
        public void answered(Answer answer, int status) {
            heard.add("answered");
            throw new IllegalStateException("metrics down");
        }

        @Override
        public void fired(String type) {
            heard.add("fired");
            throw new IllegalStateException("metrics down");
        }

        @Override
        public void dropped(Drop why, int count) {
            heard.add("dropped");
            throw new UnsupportedOperationException();
        }

        @Override
        public void retrying() {
            heard.add("retrying");
            throw new IllegalStateException("metrics down");
        }

        @Override
        public void close() {
            heard.add("close");
            throw new IllegalStateException("metrics down");
        }
    };

    @Test
    void everyCallReachesTheObserverAndNoFailureLeavesIt() {
        WebhookObserver isolated = Observers.isolated(failing);

        isolated.answered(Answer.ACCEPTED, 200);
        isolated.answered(Answer.ACCEPTED, 200);
        isolated.fired("new-booking");
        isolated.dropped(Drop.GIVEN_UP, 1);
        isolated.retrying();
        isolated.close();

        assertThat(heard).containsExactly("answered", "answered", "fired", "dropped", "retrying", "close");
        assertThat(log.withCode("TPC0301")).extracting(record -> record.getMessage().contains("Unsupported"))
                .as("once per exception type").containsExactly(false, true);
    }

    @Test
    void anOutOfMemoryErrorIsNotSwallowed() {
        WebhookObserver isolated = Observers.isolated(new WebhookObserver() {

            @Override
            public void retrying() {
                throw new OutOfMemoryError();
            }
        });

        assertThat(catchThrowable(isolated::retrying)).isInstanceOf(OutOfMemoryError.class);
    }

    @Test
    void noObserverStaysNone() {
        assertThat(Observers.isolated(WebhookObserver.NONE)).isSameAs(WebhookObserver.NONE);
    }
}
