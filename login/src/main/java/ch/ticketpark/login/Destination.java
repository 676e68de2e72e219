package ch.ticketpark.login;

import java.io.PrintStream;

/** Where the refresh token goes: a token store the application reads, or stdout ({@code --print}). */
interface Destination {

    /**
     * Checks, before the password is sent, that the token can go there (the store can be read, the table exists or
     * was created), so that a wrong directory or database password costs no token.
     *
     * @throws Failure (failed) naming what is wrong
     */
    void prepare();

    /**
     * Writes the refresh token, and says on {@code out} what went where; never the token itself, except where
     * printing it is the point.
     *
     * @throws Failure (failed) naming what is wrong
     */
    void write(String refreshToken, PrintStream out, PrintStream err);
}
