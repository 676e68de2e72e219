/**
 * The readiness check {@code ticketpark} of MicroProfile Health:
 * {@link ch.ticketpark.client.internal.health.TicketparkReadinessCheck} reads
 * {@link ch.ticketpark.client.TicketparkTokens#status()} and answers UP or DOWN with its data.
 * <p>
 * Optional: the only package that names {@code org.eclipse.microprofile.health}, and the library's
 * {@code META-INF/beans.xml} leaves it out of bean discovery where that API is not available (an application without
 * {@code mpHealth}), so that such an application deploys and runs without a trace of it. Depends on the public
 * packages only; nothing depends on it ({@code PackageRulesTest}).
 */
package ch.ticketpark.client.internal.health;
