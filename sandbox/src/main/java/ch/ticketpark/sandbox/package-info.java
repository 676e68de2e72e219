/**
 * A local stand-in for {@code api.ticketpark.ch}, deployed as a WAR at context root {@code /sandbox}; for tests and
 * demos only.
 * <p>
 * It talks to clients over HTTP only and shares no code with them. Sub-packages:
 * <ul>
 * <li>{@code oauth}: the token endpoint {@code POST /oauth/v2/token} with FOS OAuth2 semantics</li>
 * <li>{@code api}: the Bearer-protected resource API (every collection, {@code /email/send})</li>
 * <li>{@code store}: the in-memory records, the query language and the seed data</li>
 * <li>{@code fault}: test-only fault injection</li>
 * <li>{@code webhook}: the webhooks it sends on the store's changes, with test-only webhook faults</li>
 * <li>{@code control}: the test-only control plane {@code /_sandbox/...}</li>
 * </ul>
 * Configuration keys (MicroProfile Config) are listed in {@link ch.ticketpark.sandbox.SandboxSettings},
 * {@link ch.ticketpark.sandbox.store.StoreSettings} and {@link ch.ticketpark.sandbox.webhook.WebhookSettings}.
 */
package ch.ticketpark.sandbox;
