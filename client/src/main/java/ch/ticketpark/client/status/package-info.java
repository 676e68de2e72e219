/**
 * What the client reports about its token, for operators and for applications that react to it: the
 * {@link ch.ticketpark.client.status.TokenStatus status} now ({@link ch.ticketpark.client.TicketparkTokens#status()},
 * the readiness check {@code ticketpark} of MicroProfile Health), and the CDI events of its changes. Observe them in
 * any bean, synchronously or asynchronously:
 *
 * <pre>
 * void onObtained(&#64;Observes TokenObtained obtained) { ... }
 *
 * void onChainEnded(&#64;ObservesAsync RefreshTokenChainEnded ended) { ... } // page someone: a new login is needed
 * </pre>
 *
 * The events are {@link ch.ticketpark.client.status.TokenObtained},
 * {@link ch.ticketpark.client.status.TokenRequestFailed}, {@link ch.ticketpark.client.status.RefreshTokenChainEnded},
 * {@link ch.ticketpark.client.status.CircuitOpened} and {@link ch.ticketpark.client.status.CircuitClosed}. They are
 * fired in the order they happened, one at a time, on one of the library's threads and never on the thread that waits
 * for a token: an observer that is slow, blocks or throws delays only the events after it, never a token (an
 * exception is logged once per observer class, {@code TPC0301}). Synchronous observers run on that thread;
 * asynchronous ones on the container's executor. None of them carries a token, a password or the client secret.
 * Depends on nothing of the library.
 */
package ch.ticketpark.client.status;
