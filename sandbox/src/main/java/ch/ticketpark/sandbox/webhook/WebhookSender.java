package ch.ticketpark.sandbox.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Sends webhooks to the callback URL: {@code POST}, {@code Content-Type: application/json}, HTTP/1.1, with the JDK's
 * {@link HttpClient} (not the JAX-RS client, whose requests the server traces), 5 s to connect, 10 s for the answer.
 * <p>
 * {@link #enqueue(Webhook)} only queues: the store's change that triggers a webhook never waits for it nor fails
 * because of it. One daemon thread sends, so deliveries go out in the order they were queued; a delayed one is
 * scheduled for later and holds up none of the others; a slow receiver holds up all. Each answered delivery (a status
 * or an error) is kept in a {@link DeliveryLog} with its URL masked; nothing is logged.
 * <p>
 * Concurrency: the callback URL, the pending count and the held-back deliveries are guarded by {@code this}; a
 * {@link #reset()} starts a new generation, and tasks of an older one neither send nor record. The store is never
 * called while {@code this} is held (a forged pid asks it): the store calls {@link #enqueue(Webhook)} inside its own
 * lock.
 */
@ApplicationScoped
public class WebhookSender {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** How long an {@link WebhookFaultType#OUT_OF_ORDER} delivery waits for one to follow. */
    static final Duration HOLD_LIMIT = Duration.ofSeconds(2);

    private final URI configured;
    private final WebhookFaultPlan faults;
    private final ForgedPids forged;
    private final Duration holdLimit;
    private final DeliveryLog log = new DeliveryLog();
    private final HttpClient http;
    private final ScheduledExecutorService executor;
    private final List<Attempt> held = new ArrayList<>();
    private URI callbackUrl;
    private long generation;
    private int pending;
    private ScheduledFuture<?> heldTimeout;

    @Inject
    public WebhookSender(WebhookSettings settings, WebhookFaultPlan faults, ForgedPids forged) {
        this(settings.callbackUrl(), faults, forged, HOLD_LIMIT);
    }

    /**
     * @param configured the callback URL a reset restores, or {@code null}
     * @param holdLimit how long an out-of-order delivery waits for the next one
     */
    WebhookSender(URI configured, WebhookFaultPlan faults, ForgedPids forged, Duration holdLimit) {
        this.configured = configured;
        this.faults = faults;
        this.forged = forged;
        this.holdLimit = holdLimit;
        this.callbackUrl = configured;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
                .build();
        this.executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "sandbox-webhook-sender");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** For the CDI client proxy only. */
    protected WebhookSender() {
        this.configured = null;
        this.faults = null;
        this.forged = null;
        this.holdLimit = null;
        this.http = null;
        this.executor = null;
    }

    /** Where webhooks go now (the secret in clear: show it {@link CallbackUrl#masked(URI) masked} only). */
    public synchronized Optional<URI> callbackUrl() {
        return Optional.ofNullable(callbackUrl);
    }

    /** Sends the coming webhooks there; {@code null}: sends none any more (those queued still go). */
    public synchronized void callbackUrl(URI url) {
        this.callbackUrl = url;
    }

    /**
     * Queues a webhook, with the next armed {@link WebhookFault} applied; never waits for the network and never throws
     * for a delivery.
     *
     * @return {@code false}, and nothing sent, if no callback URL is set
     */
    public boolean enqueue(Webhook webhook) {
        URI url = callbackUrl().orElse(null);
        if (url == null) {
            return false;
        }
        WebhookFault fault = faults.take().orElse(null);
        Attempt attempt = attempt(webhook, url, fault);
        try {
            synchronized (this) {
                schedule(attempt, fault, generation);
            }
            return true;
        } catch (RejectedExecutionException e) {
            return false; // shut down: the application is stopping
        }
    }

    /** The answered deliveries, oldest first (the last {@value DeliveryLog#CAPACITY}). */
    public List<WebhookDelivery> deliveries() {
        return log.all();
    }

    /** Deliveries queued, scheduled or held back, and not answered yet. */
    public synchronized int pending() {
        return pending;
    }

    /** Deliveries answered since the last reset. */
    public long sent() {
        return log.sent();
    }

    /**
     * Drops the pending deliveries (one already on the wire still arrives, unrecorded), forgets the delivery log and
     * the webhook faults, and restores the configured callback URL.
     */
    public synchronized void reset() {
        generation++;
        pending = 0;
        takeHeld();
        log.clear();
        faults.clear();
        callbackUrl = configured;
    }

    @PreDestroy
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private Attempt attempt(Webhook webhook, URI url, WebhookFault fault) {
        if (fault == null) {
            return new Attempt(webhook.type(), webhook.payload(), url, null);
        }
        String label = fault.type().label();
        return switch (fault.type()) {
            case FORGED_PID -> new Attempt(webhook.type(), forged.forge(webhook.payload()), url, label);
            case WRONG_SECRET -> new Attempt(webhook.type(), webhook.payload(),
                    CallbackUrl.withSecret(url, "not-the-secret-" + UUID.randomUUID()), label);
            default -> new Attempt(webhook.type(), webhook.payload(), url, label);
        };
    }

    /** Guarded by {@code this}. */
    private void schedule(Attempt attempt, WebhookFault fault, long current) {
        WebhookFaultType type = fault == null ? null : fault.type();
        if (type == WebhookFaultType.OUT_OF_ORDER) {
            held.add(attempt);
            pending++;
            if (heldTimeout != null) {
                heldTimeout.cancel(false);
            }
            heldTimeout = executor.schedule(() -> releaseHeld(current), holdLimit.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        int copies = type == WebhookFaultType.DUPLICATE ? fault.copies() : 1;
        List<Attempt> after = takeHeld();
        Runnable task = () -> {
            for (int copy = 0; copy < copies; copy++) {
                send(attempt, current);
            }
            after.forEach(late -> send(late, current));
        };
        if (type == WebhookFaultType.DELAY) {
            executor.schedule(task, fault.delayMillis(), TimeUnit.MILLISECONDS);
        } else {
            executor.execute(task);
        }
        pending += copies;
    }

    /** Guarded by {@code this}: the held-back deliveries, none held any more. */
    private List<Attempt> takeHeld() {
        List<Attempt> taken = List.copyOf(held);
        held.clear();
        if (heldTimeout != null) {
            heldTimeout.cancel(false);
            heldTimeout = null;
        }
        return taken;
    }

    private void releaseHeld(long current) {
        List<Attempt> due;
        synchronized (this) {
            if (current != generation) {
                return;
            }
            due = takeHeld();
        }
        due.forEach(attempt -> send(attempt, current));
    }

    private void send(Attempt attempt, long current) {
        synchronized (this) {
            if (current != generation) {
                return;
            }
        }
        long start = System.nanoTime();
        Integer status = null;
        String error = null;
        try {
            status = http.send(request(attempt), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | RuntimeException e) {
            error = e.getClass().getName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // shut down
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        synchronized (this) {
            if (current == generation) {
                pending--;
                log.add(attempt, status, error, millis);
            }
        }
    }

    private static HttpRequest request(Attempt attempt) {
        return HttpRequest.newBuilder(attempt.url())
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(attempt.body(), StandardCharsets.UTF_8))
                .build();
    }
}
