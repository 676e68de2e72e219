package ch.ticketpark.sandbox.fault;

import java.util.Arrays;
import java.util.Locale;

/**
 * Where a fault is injected: the token endpoint or the resource API.
 */
public enum FaultTarget {

    TOKEN, API;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FaultTarget of(String label) {
        return Arrays.stream(values()).filter(target -> target.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("target must be token or api, not " + label));
    }

    /**
     * The target of a request path below the context root; {@code null} for the control plane, which never fails.
     */
    public static FaultTarget ofPath(String path) {
        if (path.startsWith("/_sandbox")) {
            return null;
        }
        return path.startsWith("/oauth/v2/token") ? TOKEN : API;
    }
}
