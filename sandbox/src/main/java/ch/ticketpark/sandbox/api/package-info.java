/**
 * The resource API of the sandbox: every collection through
 * {@link ch.ticketpark.sandbox.api.CollectionResource}, {@code POST /email/send}, protected by Bearer tokens the
 * sandbox issued.
 * <p>
 * Resources annotated {@link ch.ticketpark.sandbox.api.BearerProtected} go through
 * {@link ch.ticketpark.sandbox.api.BearerTokenFilter}, which checks the token once for all of them and records every
 * request, rejected or not, in the {@link ch.ticketpark.sandbox.api.RequestLog}. The records live in
 * {@link ch.ticketpark.sandbox.store.ResourceStore}; refusals become {@code {"code","message"}} answers in
 * {@link ch.ticketpark.sandbox.api.StoreExceptionMapper}.
 */
package ch.ticketpark.sandbox.api;
