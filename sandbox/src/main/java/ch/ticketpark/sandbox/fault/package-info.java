/**
 * Fault injection for tests (test-only, armed through the control plane): the next N requests of the token endpoint
 * or of the API, or every n-th of them, optionally only token requests of one grant type, get a status, a delay, a
 * dropped connection, malformed JSON, an HTML page, a redirect or a token answer with a missing field. See
 * {@link ch.ticketpark.sandbox.fault.FaultType} and {@link ch.ticketpark.sandbox.fault.FaultPlan}.
 */
package ch.ticketpark.sandbox.fault;
