package ch.ticketpark.client.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The client's log records during each test (logger {@code ch.ticketpark.client} and below), for
 * {@code @RegisterExtension}.
 */
public final class LogCapture implements BeforeEachCallback, AfterEachCallback {

    private final Logger logger = Logger.getLogger("ch.ticketpark.client");
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {

        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @Override
    public void beforeEach(ExtensionContext context) {
        logger.addHandler(handler);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        logger.removeHandler(handler);
    }

    /** The records so far, in order; a live view that {@link List#clear()} empties. */
    public List<LogRecord> records() {
        return records;
    }

    /** The records whose message starts with this code, such as {@code TPC0102}. */
    public List<LogRecord> withCode(String code) {
        return records.stream().filter(record -> record.getMessage().startsWith(code)).toList();
    }

    /** All a log handler could write: the message, its parameters and the exception with its causes. */
    public static String formatted(LogRecord record) {
        return new SimpleFormatter().format(record);
    }
}
