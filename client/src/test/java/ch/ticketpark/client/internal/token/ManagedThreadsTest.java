package ch.ticketpark.client.internal.token;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.ticketpark.client.support.LogCapture;

class ManagedThreadsTest {

    @RegisterExtension
    final LogCapture log = new LogCapture();

    @Test
    void withoutAServerThereIsNoFactoryAndThatIsSaidOnce() {
        ManagedThreads threads = new ManagedThreads();

        assertThat(threads.factory()).isNull();
        assertThat(threads.factory()).isNull();
        threads.started(new Object());

        assertThat(log.records()).singleElement().extracting(record -> record.getLoggerName())
                .isEqualTo(ManagedThreads.class.getName());
    }
}
