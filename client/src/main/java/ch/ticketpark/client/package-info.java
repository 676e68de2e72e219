/**
 * The Ticketpark API for Jakarta EE and MicroProfile applications: the entry points and the helpers for your own
 * client interfaces.
 * <p>
 * Add the library to your WAR, configure the credentials with MicroProfile Config and inject a typed client into any
 * EJB or CDI bean; the OAuth 2.0 tokens are obtained, refreshed and sent for you:
 *
 * <pre>
 * # META-INF/microprofile-config.properties (or environment variables)
 * ticketpark.client-key=...
 * ticketpark.client-secret=...
 * ticketpark.refresh-token=...
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
 * <h2>Where things are</h2>
 * <ul>
 * <li>here: {@link ch.ticketpark.client.Ticketpark} (the config key and constants),
 * {@link ch.ticketpark.client.TicketparkTokens} (the token, for your own HTTP calls), {@link ch.ticketpark.client.Query}
 * and {@link ch.ticketpark.client.Condition} (filters, order, paging), {@link ch.ticketpark.client.Pages} and
 * {@link ch.ticketpark.client.Created} (streaming and creation results), {@link ch.ticketpark.client.TokenReplay} and
 * {@link ch.ticketpark.client.ReplayWithNewToken} (replaying a request after a rejected token);</li>
 * <li>{@link ch.ticketpark.client.api}: one typed client per API resource;</li>
 * <li>{@link ch.ticketpark.client.model}: the resources as records;</li>
 * <li>{@link ch.ticketpark.client.exception}: every failure, under
 * {@link ch.ticketpark.client.exception.TicketparkException};</li>
 * <li>{@link ch.ticketpark.client.status}: the token's status ({@link ch.ticketpark.client.TicketparkTokens#status()})
 * and the CDI events of its changes, for operators and for code that reacts;</li>
 * <li>{@link ch.ticketpark.client.spi}: what an application may implement (a token store).</li>
 * </ul>
 * Public packages never depend on {@code ch.ticketpark.client.internal}: everything there is implementation without a
 * compatibility promise ({@code PackageRulesTest} enforces it).
 */
package ch.ticketpark.client;
