/**
 * Fault injection for tests (test-only, armed through the control plane): the next N requests of the token endpoint
 * or of the API get a status, a delay, a dropped connection, malformed JSON, an HTML page or a token answer with a
 * missing field. See {@link ch.ticketpark.sandbox.fault.FaultType}.
 */
package ch.ticketpark.sandbox.fault;
