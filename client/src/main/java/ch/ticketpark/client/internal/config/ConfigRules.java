package ch.ticketpark.client.internal.config;

import static ch.ticketpark.client.internal.config.TicketparkConfig.CONNECT_TIMEOUT;
import static ch.ticketpark.client.internal.config.TicketparkConfig.FOLLOW_REDIRECTS;
import static ch.ticketpark.client.internal.config.TicketparkConfig.PASSWORD;
import static ch.ticketpark.client.internal.config.TicketparkConfig.READ_TIMEOUT;
import static ch.ticketpark.client.internal.config.TicketparkConfig.REFRESH_TOKEN;
import static ch.ticketpark.client.internal.config.TicketparkConfig.TOKEN_RETRY_INITIAL_DELAY;
import static ch.ticketpark.client.internal.config.TicketparkConfig.TOKEN_RETRY_MAX_DELAY;
import static ch.ticketpark.client.internal.config.TicketparkConfig.TOKEN_WAIT_TIMEOUT;
import static ch.ticketpark.client.internal.config.TicketparkConfig.USERNAME;

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
        retryDelays(read.tokenRetryInitialDelay(), read.tokenRetryMaxDelay(), problems);
        waitTimeout(read, problems);
        if (ConfigKey.configured(config, FOLLOW_REDIRECTS).map(Boolean::parseBoolean).orElse(false)) {
            problems.add(FOLLOW_REDIRECTS, FOLLOW_REDIRECTS + " must not be true: a followed redirect would carry "
                    + "the access token to whatever host the Location header names");
        }
    }

    private static void credentials(TicketparkConfig read, Problems problems) {
        boolean username = read.username().isPresent();
        if (username != read.password().isPresent()) {
            problems.add(username ? PASSWORD : USERNAME,
                    USERNAME + " and " + PASSWORD + " go together: set both or neither");
        } else if (!username && read.refreshToken().isEmpty()) {
            problems.add(List.of(USERNAME, PASSWORD, REFRESH_TOKEN), "set " + USERNAME + " and " + PASSWORD + ", or "
                    + REFRESH_TOKEN + ", so that the client can obtain a first access token");
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
}
