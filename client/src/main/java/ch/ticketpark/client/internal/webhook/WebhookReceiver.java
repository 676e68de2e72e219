package ch.ticketpark.client.internal.webhook;

import java.security.MessageDigest;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import ch.ticketpark.client.internal.Messages;
import ch.ticketpark.client.internal.config.TicketparkConfig;
import ch.ticketpark.client.internal.config.TicketparkExtension;
import ch.ticketpark.client.internal.observe.Observers;
import ch.ticketpark.client.internal.observe.WebhookObserver;
import ch.ticketpark.client.internal.otel.Telemetry;
import ch.ticketpark.client.webhook.UnknownWebhook;

/**
 * The receiver behind the servlet: checks the secret, reads the body, leaves the delivery in the inbox and says what
 * to answer. Its workers run on the server's default managed executor, looked up when the servlet starts (on an
 * application thread, where {@code java:comp} names resolve).
 */
@ApplicationScoped
public class WebhookReceiver {

    /** How many seconds a sender refused for a full queue is asked to wait. */
    static final int RETRY_AFTER_SECONDS = 5;

    private static final Logger LOG = Logger.getLogger(WebhookReceiver.class.getName());
    static final String MANAGED_EXECUTOR = "java:comp/DefaultManagedScheduledExecutorService";

    private final TicketparkExtension extension;
    private final Records records;
    private final WebhookEvents events;
    private final Instance<Object> beans;
    private volatile Opened opened;

    /** What {@link #open} set up. */
    private record Opened(byte[] secretDigest, WebhookInbox inbox, ScheduledThreadPoolExecutor owned,
            WebhookObserver observer) {
    }

    /** What to answer: the status, and the seconds of {@code Retry-After} (0: none). */
    public record Answer(int status, int retryAfterSeconds) {
    }

    /** @param beans the application's beans, where the {@code OpenTelemetry} of {@code mpTelemetry} is one */
    @Inject
    WebhookReceiver(TicketparkExtension extension, Records records, WebhookEvents events, Instance<Object> beans) {
        this.extension = extension;
        this.records = records;
        this.events = events;
        this.beans = beans;
    }

    /** For the CDI client proxy only. */
    protected WebhookReceiver() {
        this(null, null, null, null);
    }

    /**
     * Starts the receiver at the servlet's start.
     *
     * @param contextPath the application's context root, for the log line that says where webhooks are received
     */
    public synchronized void open(String contextPath) {
        if (opened != null) {
            return;
        }
        WebhookObserver telemetry = Telemetry.webhookObserver(beans, () -> {
            Opened open = opened;
            return open == null ? -1 : open.inbox().pending();
        });
        open(contextPath, extension.config(), managedExecutor(), Observers.isolated(telemetry));
    }

    /**
     * Starts the receiver with what the extension and JNDI supply (tests pass their own).
     *
     * @param managed the server's managed scheduled executor; {@code null} for threads of the receiver's own
     */
    synchronized void open(String contextPath, TicketparkConfig config, ScheduledExecutorService managed,
            WebhookObserver observer) {
        if (opened != null) {
            return;
        }
        ScheduledThreadPoolExecutor owned = null;
        ScheduledExecutorService scheduled = managed;
        if (managed == null) {
            owned = new ScheduledThreadPoolExecutor(config.webhookWorkers(), daemon());
            owned.setRemoveOnCancelPolicy(true);
            owned.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            scheduled = owned;
        }
        ScheduledExecutorService executor = scheduled;
        open(contextPath, config, executor, (delay, task) -> executor.schedule(task, delay.toNanos(),
                TimeUnit.NANOSECONDS), managed, owned, observer);
    }

    /** As above, with a delayer of the test's own. */
    synchronized void open(String contextPath, TicketparkConfig config, Executor executor,
            WebhookInbox.Delayer delayer, WebhookObserver observer) {
        open(contextPath, config, executor, delayer, executor, null, observer);
    }

    private void open(String contextPath, TicketparkConfig config, Executor executor, WebhookInbox.Delayer delayer,
            Executor async, ScheduledThreadPoolExecutor owned, WebhookObserver observer) {
        if (opened != null) {
            return;
        }
        WebhookReader reader = new WebhookReader(records, config.webhookReadBack(), observer);
        WebhookInbox inbox = new WebhookInbox(config.webhookQueueSize(), config.webhookWorkers(), executor, delayer,
                delivery -> process(reader, delivery, async, observer),
                new Deduplication(Clock.systemUTC(), config.webhookDedupWindow()), observer);
        opened = new Opened(config.webhookSecretDigest().orElseThrow(), inbox, owned, observer);
        LOG.info(Messages.webhooksReceived(contextPath + config.webhookPath(),
                String.valueOf(config.webhookReadBack())));
    }

    /**
     * @param pathInfo the request's path below the receiver's, {@code /<secret>}
     * @return whether it names the secret; compared in constant time, whatever it holds
     */
    public boolean authentic(String pathInfo) {
        Opened open = opened;
        if (open == null || pathInfo == null || !pathInfo.startsWith("/")) {
            return false;
        }
        byte[] digest = TicketparkConfig.sha256(pathInfo.substring(1));
        return MessageDigest.isEqual(digest, open.secretDigest());
    }

    /**
     * @param body the request's body, at most {@link Delivery#MAX_BODY_BYTES}
     */
    public Answer accept(byte[] body) {
        Delivery delivery;
        try {
            delivery = Delivery.parse(body);
        } catch (Delivery.Refused e) {
            LOG.warning(Messages.webhookRefused(400, e.getMessage()));
            return answer(WebhookObserver.Answer.INVALID, 400, 0);
        }
        return switch (opened.inbox().offer(delivery)) {
            case ACCEPTED -> answer(WebhookObserver.Answer.ACCEPTED, 200, 0);
            case DUPLICATE -> answer(WebhookObserver.Answer.DUPLICATE, 200, 0);
            case FULL, CLOSED -> answer(WebhookObserver.Answer.REFUSED, 503, RETRY_AFTER_SECONDS);
        };
    }

    /** A body larger than {@link Delivery#MAX_BODY_BYTES}. */
    public Answer tooLarge() {
        LOG.warning(Messages.webhookRefused(413, "its body is larger than " + Delivery.MAX_BODY_BYTES + " bytes"));
        return answer(WebhookObserver.Answer.INVALID, 413, 0);
    }

    /** A wrong or missing secret: nothing listens here, as far as the caller can tell. Not logged. */
    public Answer notFound() {
        return answer(WebhookObserver.Answer.NOT_FOUND, 404, 0);
    }

    /** The secret, with another method than {@code POST}. */
    public Answer methodNotAllowed() {
        return answer(WebhookObserver.Answer.INVALID, 405, 0);
    }

    /** The secret, and a body that could not be read (the sender hung up or stalled). Not logged. */
    public Answer unreadable() {
        return answer(WebhookObserver.Answer.INVALID, 400, 0);
    }

    private Answer answer(WebhookObserver.Answer answer, int status, int retryAfterSeconds) {
        Opened open = opened;
        if (open != null) {
            open.observer().answered(answer, status);
        }
        return new Answer(status, retryAfterSeconds);
    }

    /** @return whether the delivery is done with: not if its record could not be read now */
    private boolean process(WebhookReader reader, Delivery delivery, Executor async, WebhookObserver observer) {
        try {
            reader.read(delivery).ifPresent(webhook -> {
                events.fire(webhook, async);
                observer.fired(webhook instanceof UnknownWebhook ? "unknown" : webhook.type());
            });
            return true;
        } catch (WebhookReader.Unread e) {
            return false;
        }
    }

    @PreDestroy
    synchronized void close() {
        Opened open = opened;
        if (open == null) {
            return;
        }
        int dropped = open.inbox().close();
        if (dropped > 0) {
            LOG.warning(Messages.webhooksLostAtStop(dropped));
            open.observer().dropped(WebhookObserver.Drop.LOST_AT_STOP, dropped);
        }
        open.observer().close();
        if (open.owned() != null) {
            open.owned().shutdown();
        }
    }

    private static ScheduledExecutorService managedExecutor() {
        try {
            return InitialContext.doLookup(MANAGED_EXECUTOR);
        } catch (NamingException | RuntimeException e) {
            LOG.info(Messages.noManagedExecutor());
            return null;
        }
    }

    private static ThreadFactory daemon() {
        return task -> {
            Thread thread = new Thread(task, "ticketpark-webhook");
            thread.setDaemon(true);
            return thread;
        };
    }
}
