/**
 * The resource API of the sandbox ({@code /events/}, ...), protected by Bearer tokens the sandbox issued.
 * <p>
 * Resources annotated {@link ch.ticketpark.sandbox.api.BearerProtected} go through
 * {@link ch.ticketpark.sandbox.api.BearerTokenFilter}, which checks the token once for all of them and records every
 * request, rejected or not, in the {@link ch.ticketpark.sandbox.api.RequestLog}.
 */
package ch.ticketpark.sandbox.api;
