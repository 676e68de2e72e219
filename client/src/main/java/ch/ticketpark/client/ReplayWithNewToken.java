package ch.ticketpark.client;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

import ch.ticketpark.client.exception.TokenRejectedException;

/**
 * Replays a call once with a new access token when the API answers 401: the token was revoked or expired early.
 * Put it on your own {@code configKey = "ticketpark"} interfaces to opt in (the library's nested and e-mail clients
 * carry it; its collection clients apply the same rule in their typed methods, see {@link TokenReplay}):
 *
 * <pre>
 * &#64;RegisterRestClient(configKey = Ticketpark.CONFIG_KEY)
 * &#64;ReplayWithNewToken
 * public interface MyTicketparkClient { … }
 * </pre>
 *
 * The rule: the token the rejected request carried is forgotten (only that one: a token that another call renewed
 * meanwhile stays), and the call is sent once more, which obtains a new token. A second 401 surfaces as
 * {@link TokenRejectedException}; there is no loop. Calls are not replayed when their body cannot be sent twice (an
 * {@code InputStream}, {@code Reader}, {@code EntityPart} or {@code Flow.Publisher} parameter) or when they are
 * asynchronous ({@code CompletionStage} or {@code Future}); they fail with {@link TokenRejectedException} at once, and
 * the next call obtains a new token. Replaying a {@code POST} is safe: a request answered 401 was not processed.
 * <p>
 * It works for clients injected with {@code @Inject @RestClient} (and those built with {@code RestClientBuilder}
 * inside a CDI application): the MicroProfile Rest Client invokes CDI interceptors bound to the interface. Declare
 * the methods in the annotated interface itself: Open Liberty does not intercept methods inherited from another
 * interface.
 */
@InterceptorBinding
@Inherited
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ReplayWithNewToken {
}
