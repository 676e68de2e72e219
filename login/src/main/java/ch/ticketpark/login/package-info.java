/**
 * The one-time login: a command-line tool ({@link ch.ticketpark.login.Login}, the executable jar's main class) with
 * which an operator obtains a refresh token once with the user's password (the password grant) and writes it into
 * the token store that the application reads ({@code file} or {@code jdbc}), or prints it for
 * {@code ticketpark.refresh-token}. So the password is typed once on the server host and never stored: the
 * application then runs on the chain of refresh tokens alone.
 * <p>
 * It runs on a plain JDK, outside any server: the JDK's {@code java.net.http.HttpClient} for the token request,
 * JSON-P (Parsson) for its answer, {@code java.sql.DriverManager} for the database, and the library's own stores
 * ({@code ch.ticketpark.client.internal.store}) and rules for URLs and tokens ({@code ch.ticketpark.client.internal.config}).
 * <p>
 * Secrets (the client secret, the user's password, the database password) are only ever prompted for, never taken
 * from arguments or the environment; neither they nor a token appear in any output, message or exception of this
 * package, except the token that {@code --print} is asked to print.
 */
package ch.ticketpark.login;
