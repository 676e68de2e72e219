package ch.ticketpark.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A token endpoint on loopback with the semantics of Ticketpark's (FOSOAuthServerBundle): a form POST with Basic client
 * authentication, the password grant, and refresh-token rotation where a refresh token is good once (a reused one gets
 * {@code 400 invalid_grant}); each answer after a fixed latency. It answers on every path, so that each peer may use
 * its own (Keycloak's {@code /realms/{realm}/protocol/openid-connect/token}).
 */
public final class LoopbackTokenEndpoint implements AutoCloseable {

    public static final String CLIENT_KEY = "bench-client";
    public static final String CLIENT_SECRET = "bench-secret";
    public static final String USERNAME = "bench@ticketpark.test";
    public static final String PASSWORD = "bench-password";

    private static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString((CLIENT_KEY + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "loopback-token-endpoint");
        thread.setDaemon(true);
        return thread;
    });
    private final Duration lifetime;
    private final Duration latency;
    private final Set<String> liveRefreshTokens = ConcurrentHashMap.newKeySet();
    private final AtomicLong issued = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong passwordGrants = new AtomicLong();
    private final AtomicLong refreshGrants = new AtomicLong();
    private final AtomicLong invalidGrants = new AtomicLong();
    private final List<Long> issuedAtNanos = new CopyOnWriteArrayList<>();

    /**
     * @param lifetime the access tokens' ({@code expires_in}, whole seconds)
     * @param latency how long each answer takes
     */
    public LoopbackTokenEndpoint(Duration lifetime, Duration latency) throws IOException {
        this.lifetime = lifetime;
        this.latency = latency;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.setExecutor(threads);
        server.createContext("/", this::answer);
        server.start();
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public long requests() {
        return requests.get();
    }

    public long passwordGrants() {
        return passwordGrants.get();
    }

    public long refreshGrants() {
        return refreshGrants.get();
    }

    /** When each token was issued ({@link System#nanoTime()}), in order. */
    public List<Long> issuedAtNanos() {
        return List.copyOf(issuedAtNanos);
    }

    /** Refresh requests refused with {@code invalid_grant}: a refresh token used twice, or unknown. */
    public long invalidGrants() {
        return invalidGrants.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            Thread.sleep(latency.toMillis());
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            int status = 200;
            String body;
            if (!"POST".equals(exchange.getRequestMethod())
                    || !BASIC.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                status = 400;
                body = "{\"error\":\"invalid_client\",\"error_description\":\"The client credentials are invalid\"}";
            } else if ("password".equals(form.get("grant_type")) && USERNAME.equals(form.get("username"))
                    && PASSWORD.equals(form.get("password"))) {
                passwordGrants.incrementAndGet();
                body = issue();
            } else if ("refresh_token".equals(form.get("grant_type")) && form.get("refresh_token") != null
                    && liveRefreshTokens.remove(form.get("refresh_token"))) {
                refreshGrants.incrementAndGet();
                body = issue();
            } else {
                invalidGrants.incrementAndGet();
                status = 400;
                body = "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid refresh token\"}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String issue() {
        long number = issued.incrementAndGet();
        issuedAtNanos.add(System.nanoTime());
        String refreshToken = "rt-" + number;
        liveRefreshTokens.add(refreshToken);
        return "{\"access_token\":\"at-" + number + "\",\"expires_in\":" + lifetime.toSeconds()
                + ",\"token_type\":\"bearer\",\"scope\":null,\"refresh_token\":\"" + refreshToken + "\"}";
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String field : body.split("&")) {
            int equals = field.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(field.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(field.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
