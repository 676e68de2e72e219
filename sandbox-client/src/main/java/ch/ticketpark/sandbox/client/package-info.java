/**
 * A client of the sandbox's control plane ({@code /_sandbox/...}), for the tests of applications that use the
 * Ticketpark client against the sandbox: {@link ch.ticketpark.sandbox.client.SandboxControl} resets it, reads its
 * counters and recorded requests, arms {@link ch.ticketpark.sandbox.client.Faults faults}, moves its clock, reads
 * the e-mails it sent, and has it send webhooks ({@link ch.ticketpark.sandbox.client.WebhookFault webhook faults},
 * {@link ch.ticketpark.sandbox.client.WebhookDelivery deliveries}). Depends on the JDK only ({@code java.net.http}),
 * so that it runs in a test JVM and inside a deployment alike; it shares no code with the sandbox: they meet over
 * HTTP.
 */
package ch.ticketpark.sandbox.client;
