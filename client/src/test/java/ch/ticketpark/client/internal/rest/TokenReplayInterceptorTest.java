package ch.ticketpark.client.internal.rest;

import static ch.ticketpark.client.support.Fixtures.apiAnswer;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import ch.ticketpark.client.Created;
import ch.ticketpark.client.Query;
import ch.ticketpark.client.ReplayWithNewToken;
import ch.ticketpark.client.TicketparkTokens;
import ch.ticketpark.client.api.CollectionClient;
import ch.ticketpark.client.api.EventBookingsClient;
import ch.ticketpark.client.api.EventsClient;
import ch.ticketpark.client.exception.AccessDeniedException;
import ch.ticketpark.client.exception.TicketparkException;
import ch.ticketpark.client.exception.TokenEndpointUnavailableException;
import ch.ticketpark.client.exception.TokenRejectedException;
import ch.ticketpark.client.model.Booking;
import ch.ticketpark.client.model.Event;
import ch.ticketpark.client.status.TokenStatus;
import ch.ticketpark.client.support.Fixtures;
import ch.ticketpark.client.support.RotatingTokens;
import ch.ticketpark.client.support.SharedWireMock;
import ch.ticketpark.client.support.TicketparkClients;

/**
 * The replay rule, without a container: the interceptor around real client calls (RESTEasy against WireMock).
 */
class TokenReplayInterceptorTest {

    @RegisterExtension
    static SharedWireMock api = Fixtures.wireMock();

    @RegisterExtension
    final TicketparkClients clients = new TicketparkClients();

    private final RotatingTokens tokens = new RotatingTokens();
    private final TokenReplayInterceptor interceptor = new TokenReplayInterceptor();
    private final EventsClient events = clients.build(EventsClient.class, api.baseUrl(), tokens);

    @Test
    void aSuccessfulCallIsAnsweredAsItIsWithoutAnotherRequest() throws Exception {
        api.stubFor(WireMock.get(urlPathEqualTo("/events/e1")).willReturn(okJson("{\"pid\":\"e1\"}")));

        Object event = interceptor.replayOnce(call("httpGet", "e1", null));

        assertThat(event).isEqualTo(new Event("e1", null, null, null, null, null, null));
        assertThat(api.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
        assertThat(tokens.invalidated).isEmpty();
    }

    @Test
    void replaysOnceWithANewTokenAfter401() throws Exception {
        rejectToken("token-1");
        api.stubFor(WireMock.get(urlPathEqualTo("/events/e1")).withHeader("Authorization", equalTo("Bearer token-2"))
                .willReturn(okJson("{\"pid\":\"e1\"}")));

        Object event = interceptor.replayOnce(call("httpGet", "e1", null));

        assertThat(event).isEqualTo(new Event("e1", null, null, null, null, null, null));
        assertThat(tokens.invalidated).containsExactly("token-1");
        assertThat(tokens.newTokens()).isEqualTo(1);
        assertThat(api.findAll(anyRequestedFor(anyUrl()))).hasSize(2);
    }

    @Test
    void replaysACreationWithTheSameBody() throws Exception {
        rejectToken("token-1");
        api.stubFor(WireMock.post(urlPathEqualTo("/events/")).withHeader("Authorization", equalTo("Bearer token-2"))
                .willReturn(aResponse().withStatus(201).withHeader("Location", api.baseUrl() + "/events/e9")));

        try (Response response = (Response) interceptor.replayOnce(call("httpPost", Event.of("h1", "A", "CHF")))) {
            assertThat(Created.pid(response)).isEqualTo("e9");
        }
        List<String> bodies = api.getAllServeEvents().stream().map(e -> e.getRequest().getBodyAsString()).toList();
        assertThat(bodies).hasSize(2).allMatch(bodies.get(0)::equals);
    }

    @Test
    void aSecond401SurfacesWithoutAnotherTokenRequest() {
        rejectToken("token-1");
        rejectToken("token-2");

        assertThatThrownBy(() -> interceptor.replayOnce(call("httpGet", "e1", null)))
                .isInstanceOf(TokenRejectedException.class);
        assertThat(api.findAll(anyRequestedFor(anyUrl()))).hasSize(2);
        assertThat(tokens.newTokens()).isEqualTo(1);
        assertThat(tokens.invalidated).containsExactly("token-1", "token-2");
    }

    @Test
    void doesNotReplayOtherErrors() {
        api.stubFor(WireMock.any(anyUrl()).willReturn(aResponse().withStatus(403)));

        assertThatThrownBy(() -> interceptor.replayOnce(call("httpGet", "e1", null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(api.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
        assertThat(tokens.invalidated).isEmpty();
    }

    @Test
    void doesNotReplayACallWhoseBodyCannotBeSentTwice() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        InvocationContext context = new Call(Streaming.class.getMethod("upload", InputStream.class),
                new Object[]{InputStream.nullInputStream()}, () -> {
                    attempts.incrementAndGet();
                    throw new TokenRejectedException("rejected", 401, "POST", "/x", "");
                });

        assertThatThrownBy(() -> interceptor.replayOnce(context)).isInstanceOf(TokenRejectedException.class);
        assertThat(attempts).hasValue(1);
    }

    /** Methods a client interface may have. */
    interface Streaming {

        void upload(InputStream body);

        CompletionStage<String> later();
    }

    @Test
    void noTokenFailsTheCallWithTheLibrarysTypedExceptionNotTheJaxRsClientsWrapping() {
        TokenEndpointUnavailableException down = new TokenEndpointUnavailableException("TPC0101: unavailable", 503);
        EventsClient withoutToken = clients.build(EventsClient.class, api.baseUrl(), new FailingTokens(down));

        // an interface method, through the interceptor; a collection client's typed method, through TokenReplay
        assertThatThrownBy(() -> interceptor.replayOnce(call(withoutToken, "httpGet", "e1", null))).isSameAs(down);
        assertThatThrownBy(() -> withoutToken.get("e1")).isSameAs(down);
        assertThat(api.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aCheckedExceptionOfTheClientMethodIsThrownAsItIs() {
        java.io.IOException checked = new java.io.IOException("the client method's own");
        Method method = List.of(EventsClient.class.getMethods()).stream()
                .filter(m -> m.getName().equals("httpGet")).findFirst().orElseThrow();

        assertThatThrownBy(() -> interceptor.replayOnce(new Call(method, new Object[]{"e1", null}, () -> {
            throw checked;
        }))).isSameAs(checked);
    }

    @Test
    void aFailureOfTheJaxRsClientItselfStaysAsItIs() {
        EventsClient unreachable = clients.build(EventsClient.class, "http://localhost:1", tokens);

        assertThatThrownBy(() -> interceptor.replayOnce(call(unreachable, "httpGet", "e1", null)))
                .isInstanceOf(ProcessingException.class).isNotInstanceOf(TicketparkException.class);
    }

    /** An application's own interface as docs/typed-api.md shows it, with a method of its own on a typed one. */
    @Path("/events")
    @ReplayWithNewToken
    public interface NewestEvents extends CollectionClient<Event> {

        default Event newest() {
            return list(Query.page(0, 1)).get(0);
        }
    }

    @Test
    void aMethodOfAnOwnInterfaceBuiltOnATypedMethodIsSentAtMostTwice() throws Exception {
        for (int i = 1; i <= 4; i++) {
            rejectToken("token-" + i);
        }
        NewestEvents own = clients.build(NewestEvents.class, api.baseUrl(), tokens);
        Method newest = NewestEvents.class.getMethod("newest");
        // the CDI interceptor around the client proxy, as RESTEasy's InterceptionFactory places it
        InvocationContext context = new Call(newest, new Object[0], () -> {
            try {
                return newest.invoke(own);
            } catch (InvocationTargetException e) {
                throw (Exception) e.getCause();
            }
        });

        assertThatThrownBy(() -> interceptor.replayOnce(context)).isInstanceOf(TokenRejectedException.class);
        assertThat(api.findAll(anyRequestedFor(anyUrl()))).as("requests sent").hasSize(2);
        assertThat(tokens.newTokens()).as("new tokens").isEqualTo(1);
    }

    /** The nested client's stream(), as the CDI interceptor around the client proxy sees it: it returns at once. */
    @SuppressWarnings("unchecked")
    private Stream<Booking> eventBookingsStream(EventBookingsClient client) throws Exception {
        Method stream = EventBookingsClient.class.getMethod("stream", String.class, Query.class);
        return (Stream<Booking>) interceptor.replayOnce(new Call(stream, new Object[]{"e1", null}, () -> {
            try {
                return stream.invoke(client, "e1", null);
            } catch (InvocationTargetException e) {
                throw (Exception) e.getCause();
            }
        }));
    }

    @Test
    void noTokenFailsTheStreamOfANestedClientWithTheLibrarysTypedExceptionToo() throws Exception {
        TokenEndpointUnavailableException down = new TokenEndpointUnavailableException("TPC0101: unavailable", 503);
        EventBookingsClient withoutToken = clients.build(EventBookingsClient.class, api.baseUrl(),
                new FailingTokens(down));

        Stream<Booking> bookings = eventBookingsStream(withoutToken);

        assertThatThrownBy(bookings::toList).isSameAs(down);
    }

    @Test
    void theStreamOfANestedClientIsReplayedOnceAfter401() throws Exception {
        rejectToken("token-1");
        api.stubFor(WireMock.get(urlPathEqualTo("/events/e1/bookings/"))
                .withHeader("Authorization", equalTo("Bearer token-2")).willReturn(okJson("[]")));
        EventBookingsClient bookings = clients.build(EventBookingsClient.class, api.baseUrl(), tokens);

        assertThat(eventBookingsStream(bookings).toList()).isEmpty();
    }

    private void rejectToken(String token) {
        api.stubFor(WireMock.any(anyUrl()).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(apiAnswer(401, "{\"error\":\"invalid_grant\",\"error_description\":\"The access "
                        + "token provided is invalid.\"}")));
    }

    /** The invocation of a method of the real client, as the MicroProfile Rest Client hands it to interceptors. */
    private InvocationContext call(String name, Object... arguments) {
        return call(events, name, arguments);
    }

    private static InvocationContext call(EventsClient client, String name, Object... arguments) {
        Method method = List.of(EventsClient.class.getMethods()).stream()
                .filter(m -> m.getName().equals(name) && m.getParameterCount() == arguments.length
                        && !m.isDefault())
                .findFirst().orElseThrow();
        return new Call(method, arguments, () -> {
            try {
                return method.invoke(client, arguments);
            } catch (InvocationTargetException e) {
                throw (Exception) e.getCause();
            }
        });
    }

    /** Tokens that cannot be obtained: each request fails in the request filter. */
    private record FailingTokens(RuntimeException failure) implements TicketparkTokens {

        @Override
        public String accessToken() {
            throw failure;
        }

        @Override
        public void invalidate() {
        }

        @Override
        public void invalidate(String accessToken) {
        }

        @Override
        public TokenStatus status() {
            throw new UnsupportedOperationException("status");
        }
    }

    private interface Proceeding {

        Object proceed() throws Exception;
    }

    private record Call(Method method, Object[] arguments, Proceeding target) implements InvocationContext {

        @Override
        public Object getTarget() {
            return null;
        }

        @Override
        public Object getTimer() {
            return null;
        }

        @Override
        public Method getMethod() {
            return method;
        }

        @Override
        public Constructor<?> getConstructor() {
            return null;
        }

        @Override
        public Object[] getParameters() {
            return arguments;
        }

        @Override
        public void setParameters(Object[] params) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, Object> getContextData() {
            return new HashMap<>();
        }

        @Override
        public Object proceed() throws Exception {
            return target.proceed();
        }
    }
}
