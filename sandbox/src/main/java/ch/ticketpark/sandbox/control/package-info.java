/**
 * The control plane {@code /_sandbox/...}: reset, counters, recorded requests, token lifetimes, revocation, time
 * shift, sent e-mails, fault injection and the webhooks the sandbox sends ({@code /_sandbox/webhooks/...}).
 * <p>
 * Test and demo only, and without authentication: the real {@code api.ticketpark.ch} has nothing like it, and a
 * client must never depend on it.
 */
package ch.ticketpark.sandbox.control;
