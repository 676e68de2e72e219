package ch.ticketpark.client.internal.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

import ch.ticketpark.client.Ticketpark;
import ch.ticketpark.client.exception.TicketparkConfigurationException;
import ch.ticketpark.client.internal.Messages;

/**
 * Validates at deployment the MicroProfile Rest Client keys that aim a Ticketpark client somewhere else than
 * {@code ticketpark/mp-rest/url}: {@code ticketpark/mp-rest/uri} and, for each Ticketpark client interface,
 * {@code <interface>/mp-rest/url} and {@code <interface>/mp-rest/uri}. Each one set must pass the rule of the API URL
 * ({@link Urls#whyNotAllowed}) and name the API's origin, the only one the {@link BearerTokenFilter} sends the token
 * to: otherwise the client would fail on its first request instead of the deployment. The problems name keys and
 * origins, never a configured value, which may hold user information.
 */
public final class ClientUrls {

    static final String URI_KEY = Ticketpark.CONFIG_KEY + "/mp-rest/uri";

    private ClientUrls() {
    }

    /**
     * @param interfaces the fully qualified names of the Ticketpark client interfaces
     * @param config reads a configuration key
     * @throws TicketparkConfigurationException ({@code TPC0001}) naming every key at fault
     */
    public static void validate(Collection<String> interfaces, Function<String, Optional<String>> config) {
        Optional<URI> api = apiUrl(config);
        List<String> keys = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> candidates = new ArrayList<>();
        candidates.add(URI_KEY);
        for (String name : new TreeSet<>(interfaces)) {
            candidates.add(name + "/mp-rest/url");
            candidates.add(name + "/mp-rest/uri");
        }
        for (String key : candidates) {
            read(config, key).flatMap(value -> problem(key, value, api)).ifPresent(problem -> {
                keys.add(key);
                problems.add(problem);
            });
        }
        if (!problems.isEmpty()) {
            throw new TicketparkConfigurationException(Messages.invalidConfiguration(problems), keys);
        }
    }

    private static Optional<String> problem(String key, String value, Optional<URI> api) {
        URI url;
        try {
            url = new URI(value);
        } catch (URISyntaxException e) {
            return Optional.of(key + " is not a valid URL");
        }
        Optional<String> reason = Urls.whyNotAllowed(url);
        if (reason.isPresent()) {
            return Optional.of(key + " " + reason.get());
        }
        if (api.isPresent() && !Urls.sameOrigin(url, api.get())) {
            return Optional.of(key + " points to " + Urls.origin(url) + ", but a Ticketpark client may only call "
                    + Urls.origin(api.get()) + " (" + TicketparkConfig.API_URL
                    + "), the only origin that receives the access token");
        }
        return Optional.empty();
    }

    /** The API URL as {@link TicketparkConfig} reads it; empty if invalid, which that class reports itself. */
    private static Optional<URI> apiUrl(Function<String, Optional<String>> config) {
        String value = read(config, TicketparkConfig.API_URL).orElse(Ticketpark.DEFAULT_API_URL);
        try {
            URI url = new URI(value);
            return Urls.whyNotAllowed(url).isPresent() ? Optional.empty() : Optional.of(url);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> read(Function<String, Optional<String>> config, String key) {
        return config.apply(key).map(String::strip).filter(value -> !value.isEmpty());
    }
}
