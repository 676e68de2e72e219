package ch.ticketpark.login;

import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

import ch.ticketpark.client.internal.config.Urls;

/**
 * The password grant as Ticketpark documents it and the library sends it: {@code POST {token-url}}, a form body
 * {@code grant_type=password&username=…&password=…}, the client credentials as HTTP Basic,
 * {@code Accept: application/json}. Through the JDK's HttpClient, which follows no redirect here (a {@code Location}
 * could point anywhere, and the password would follow), speaks HTTP/1.1, trusts what the JVM's trust store trusts
 * ({@code -Djavax.net.ssl.trustStore}), and goes through the JVM's proxy settings ({@code -Dhttps.proxyHost}). The
 * exchange is bounded as a whole, so an answer that trickles in cannot hold the tool either.
 */
final class PasswordGrant {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI tokenUrl;
    private final String origin;
    private final Duration connectTimeout;
    private final Duration requestTimeout;

    PasswordGrant(URI tokenUrl) {
        this(tokenUrl, CONNECT_TIMEOUT, REQUEST_TIMEOUT);
    }

    PasswordGrant(URI tokenUrl, Duration connectTimeout, Duration requestTimeout) {
        this.tokenUrl = tokenUrl;
        this.origin = Urls.origin(tokenUrl);
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
    }

    /**
     * @return the refresh token of the answer
     * @throws Failure (failed) if the endpoint cannot be reached or its answer holds no usable refresh token; the
     *         message names the cause, never a secret or a token
     */
    String refreshToken(String clientKey, char[] clientSecret, String username, char[] password) {
        HttpRequest request = HttpRequest.newBuilder(tokenUrl)
                .timeout(requestTimeout)
                .header("Authorization", basic(clientKey, clientSecret))
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=" + encode(username)
                        + "&password=" + encode(password), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = send(request);
        return GrantAnswer.refreshToken(response.statusCode(), response.headers().firstValue("Location"),
                response.body());
    }

    private HttpResponse<String> send(HttpRequest request) {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .proxy(ProxySelector.getDefault())
                .build();
        CompletableFuture<HttpResponse<String>> exchange = client.sendAsync(request,
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        try {
            return exchange.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw noAnswer();
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw Failure.failed("Interrupted while waiting for the token endpoint " + origin + "; nothing stored");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw unreachable(cause instanceof CompletionException && cause.getCause() != null
                    ? cause.getCause()
                    : cause);
        }
    }

    /** The HTTP client's exceptions are about the connection: their messages hold no part of the request. */
    private Failure unreachable(Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return Failure.failed("Cannot reach the token endpoint " + origin + ": no connection within "
                    + seconds(connectTimeout) + "; nothing stored");
        }
        if (cause instanceof HttpTimeoutException) {
            return noAnswer();
        }
        if (cause instanceof SSLException) {
            return Failure.failed("TLS with the token endpoint " + origin + " failed (" + describe(cause) + "); if its "
                    + "certificate is issued by a private CA, run java -Djavax.net.ssl.trustStore=<file> (see --help); "
                    + "nothing sent");
        }
        if (cause instanceof IOException) {
            return Failure.failed("Cannot reach the token endpoint " + origin + " (" + describe(cause)
                    + "); nothing stored");
        }
        return Failure.failed("The request to the token endpoint " + origin + " failed ("
                + cause.getClass().getName() + "); nothing stored");
    }

    private Failure noAnswer() {
        return Failure.failed("The token endpoint " + origin + " did not answer within " + seconds(requestTimeout)
                + "; nothing stored");
    }

    /** The exception's type and the first message in its causes (the HTTP client often throws without one). */
    private static String describe(Throwable e) {
        Throwable cause = e;
        for (int depth = 0; cause != null && cause.getMessage() == null && depth < 4; depth++) {
            cause = cause.getCause();
        }
        return e.getClass().getSimpleName() + (cause == null || cause.getMessage() == null
                ? ""
                : ": " + cause.getMessage());
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static String basic(String clientKey, char[] clientSecret) {
        return "Basic " + Base64.getEncoder().encodeToString(
                (clientKey + ":" + new String(clientSecret)).getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String encode(char[] value) {
        return URLEncoder.encode(CharBuffer.wrap(value).toString(), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "PasswordGrant[" + origin + "]";
    }
}
