package ch.ticketpark.login;

import java.io.PrintStream;

/**
 * {@code --print}: the refresh token alone on one line of stdout, for {@code ticketpark.refresh-token} (in a secret
 * store, or as {@code TICKETPARK_REFRESH_TOKEN}); the warning goes to stderr, so that stdout can be captured as it is.
 */
final class PrintDestination implements Destination {

    @Override
    public void prepare() {
        // stdout is always there
    }

    @Override
    public void write(String refreshToken, PrintStream out, PrintStream err) {
        err.println("The line on stdout is a refresh token: a secret that grants API access. Put it into "
                + "ticketpark.refresh-token (e.g. as TICKETPARK_REFRESH_TOKEN) without showing or logging it. The "
                + "application spends it at its first use: Ticketpark rotates refresh tokens.");
        out.println(refreshToken);
        out.flush();
    }
}
