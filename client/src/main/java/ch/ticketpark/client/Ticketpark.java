package ch.ticketpark.client;

import java.time.ZoneId;

import ch.ticketpark.client.model.json.DateTimes;

/**
 * Constants shared by the Ticketpark client and the applications that use it.
 */
public final class Ticketpark {

    /**
     * The MicroProfile Rest Client config key of every Ticketpark client interface. Declare your own interfaces
     * with {@code @RegisterRestClient(configKey = Ticketpark.CONFIG_KEY)} and they get the access token too.
     */
    public static final String CONFIG_KEY = "ticketpark";

    /**
     * The production API base URL, the default of {@code ticketpark/mp-rest/url}.
     */
    public static final String DEFAULT_API_URL = "https://api.ticketpark.ch";

    /**
     * The time zone of the API's local date-times ({@code yyyy-MM-dd HH:mm:ss}): Europe/Zurich.
     */
    public static final ZoneId ZONE = DateTimes.API_ZONE;

    private Ticketpark() {
    }
}
