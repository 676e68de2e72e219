/**
 * The token endpoint {@code POST /oauth/v2/token}, following FOSOAuthServerBundle / oauth2-php: password and
 * refresh-token grants, client authentication by Basic header or form fields, refresh token rotation, and every
 * error as HTTP 400 with {@code {"error","error_description"}}.
 * <p>
 * The rules live in {@link ch.ticketpark.sandbox.oauth.TokenAuthority}, a plain class driven by a
 * {@link java.time.Clock}; {@link ch.ticketpark.sandbox.oauth.TokenResource} only translates HTTP.
 */
package ch.ticketpark.sandbox.oauth;
