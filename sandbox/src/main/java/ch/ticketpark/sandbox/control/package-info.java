/**
 * The control plane {@code /_sandbox/...}: reset, counters, recorded requests, token lifetimes, revocation, time
 * shift, sent e-mails and fault injection.
 * <p>
 * Test and demo only, and without authentication: the real {@code api.ticketpark.ch} has nothing like it, and a
 * client must never depend on it.
 */
package ch.ticketpark.sandbox.control;
