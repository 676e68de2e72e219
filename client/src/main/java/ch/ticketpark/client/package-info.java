/**
 * The Ticketpark API for Jakarta EE and MicroProfile applications.
 * <p>
 * Add the library to your WAR, configure the credentials with MicroProfile Config and inject a typed client into any
 * EJB or CDI bean; the OAuth 2.0 tokens are obtained, refreshed and sent for you:
 *
 * <pre>
 * # META-INF/microprofile-config.properties (or environment variables)
 * ticketpark.client-key=...
 * ticketpark.client-secret=...
 * ticketpark.username=...
 * ticketpark.password=...
 *
 * &#64;Stateless
 * public class EventService {
 *     &#64;Inject
 *     &#64;RestClient
 *     EventsClient events;
 *
 *     public List&lt;Event&gt; events() {
 *         return events.list();
 *     }
 * }
 * </pre>
 *
 * Failures surface as subclasses of {@link ch.ticketpark.client.TicketparkException}. Everything under
 * {@code ch.ticketpark.client.internal} is implementation without a compatibility promise.
 */
package ch.ticketpark.client;
