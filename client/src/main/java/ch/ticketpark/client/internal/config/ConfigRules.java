package ch.ticketpark.client.internal.config;

import static ch.ticketpark.client.internal.config.TicketparkConfig.CONNECT_TIMEOUT;
import static ch.ticketpark.client.internal.config.TicketparkConfig.FOLLOW_REDIRECTS;
import static ch.ticketpark.client.internal.config.TicketparkConfig.PASSWORD;
import static ch.ticketpark.client.internal.config.TicketparkConfig.READ_TIMEOUT;
import static ch.ticketpark.client.internal.config.TicketparkConfig.REFRESH_TOKEN;
import static ch.ticketpark.client.internal.config.TicketparkConfig.TOKEN_RETRY_INITIAL_DELAY;
import static ch.ticketpark.client.internal.config.TicketparkConfig.TOKEN_RETRY_MAX_DELAY;
import static ch.ticketpark.client.internal.config.TicketparkConfig.TOKEN_STORE;
import static ch.ticketpark.client.internal.config.TicketparkConfig.TOKEN_STORE_DATASOURCE;
import static ch.ticketpark.client.internal.config.TicketparkConfig.TOKEN_WAIT_TIMEOUT;
import static ch.ticketpark.client.internal.config.TicketparkConfig.USERNAME;
import static ch.ticketpark.client.internal.config.TicketparkConfig.WEBHOOK_ENABLED;
import static ch.ticketpark.client.internal.config.TicketparkConfig.WEBHOOK_SECRET;

import java.time.Duration;
import java.util.List;

import org.eclipse.microprofile.config.Config;

/**
 * The checks that concern more than one key, run once every key was read on its own; a key that was invalid there
 * ({@code null}) is left out of them.
 */
final class ConfigRules {

    private ConfigRules() {
    }

    static void check(TicketparkConfig read, Config config, Problems problems) {
        credentials(read, problems);
        jdbcStore(read, problems);
        retryDelays(read.tokenRetryInitialDelay(), read.tokenRetryMaxDelay(), problems);
        waitTimeout(read, problems);
        webhook(read, config, problems);
        if (ConfigKey.configured(config, FOLLOW_REDIRECTS).map(Boolean::parseBoolean).orElse(false)) {
            problems.add(FOLLOW_REDIRECTS, FOLLOW_REDIRECTS + " must not be true: a followed redirect would carry "
                    + "the access token to whatever host the Location header names");
        }
    }

    /**
     * A password needs its user. A store that survives restarts may hold the first refresh token (the one-time
     * login's), so only the {@code memory} store needs a password or a refresh token in the configuration.
     */
    private static void credentials(TicketparkConfig read, Problems problems) {
        boolean username = read.username().isPresent();
        boolean password = read.password().isPresent();
        if (password && !username) {
            problems.add(USERNAME, USERNAME + " and " + PASSWORD + " go together: set " + USERNAME + " too");
        } else if (!password && read.refreshToken().isEmpty()
                && TicketparkConfig.MEMORY_STORE.equals(read.tokenStore())) {
            problems.add(List.of(USERNAME, PASSWORD, REFRESH_TOKEN), "set " + USERNAME + " and " + PASSWORD + ", or "
                    + REFRESH_TOKEN + ", so that the client can obtain a first access token: the " + TOKEN_STORE
                    + " memory holds none after a start");
        }
    }

    private static void jdbcStore(TicketparkConfig read, Problems problems) {
        if (TicketparkConfig.JDBC_STORE.equals(read.tokenStore()) && read.tokenStoreDatasource().isEmpty()) {
            problems.add(TOKEN_STORE_DATASOURCE, TOKEN_STORE_DATASOURCE + " is required with " + TOKEN_STORE
                    + "=jdbc: the JNDI name of the DataSource, such as jdbc/ticketpark");
        }
    }

    private static void retryDelays(Duration initial, Duration max, Problems problems) {
        if (initial != null && max != null && initial.compareTo(max) > 0) {
            problems.add(TOKEN_RETRY_INITIAL_DELAY, TOKEN_RETRY_INITIAL_DELAY + " (" + initial
                    + ") must not be longer than " + TOKEN_RETRY_MAX_DELAY + " (" + max + ")");
        }
    }

    private static void waitTimeout(TicketparkConfig read, Problems problems) {
        Duration wait = read.tokenWaitTimeout();
        Duration connect = read.connectTimeout();
        Duration readTimeout = read.readTimeout();
        if (wait != null && connect != null && readTimeout != null && wait.compareTo(connect.plus(readTimeout)) < 0) {
            problems.add(TOKEN_WAIT_TIMEOUT, TOKEN_WAIT_TIMEOUT + " (" + wait + ") must be at least " + CONNECT_TIMEOUT
                    + " + " + READ_TIMEOUT + " (" + connect.plus(readTimeout)
                    + "), so that one token request can end while callers wait for it");
        }
    }

    /** An invalid secret was reported as such when read: only a missing one is reported here. */
    private static void webhook(TicketparkConfig read, Config config, Problems problems) {
        if (read.webhookEnabled() && ConfigKey.configured(config, WEBHOOK_SECRET).isEmpty()) {
            problems.add(WEBHOOK_SECRET, WEBHOOK_SECRET + " is required with " + WEBHOOK_ENABLED + "=true: the last "
                    + "segment of the webhook URL you register with Ticketpark, at least "
                    + TicketparkConfig.WEBHOOK_SECRET_MIN_LENGTH + " random letters and digits");
        }
    }
}
