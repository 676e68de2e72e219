package ch.ticketpark.sandbox.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver in the test's JVM: records each request and answers {@link #status} (204 by default), after
 * {@link #gate} opens.
 */
final class Receiver implements AutoCloseable {

    static final String SECRET = "s3cr3t-2f9a";

    /** One request as received. */
    record Received(String method, String path, String contentType, String body) {
    }

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    volatile int status = 204;
    volatile CountDownLatch gate = new CountDownLatch(0);

    Receiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body));
            try {
                gate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** The callback URL, with {@link #SECRET} as its last path segment. */
    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/my-app/ticketpark/webhook/"
                + SECRET);
    }

    /** The next request, waiting at most 5 s; {@code null} if none came. */
    Received next() throws InterruptedException {
        return received.poll(5, TimeUnit.SECONDS);
    }

    /** The next request if one came within {@code millis}. */
    Received next(long millis) throws InterruptedException {
        return received.poll(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        gate.countDown();
        server.stop(0);
    }
}
