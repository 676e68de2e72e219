package it.api;

/** Records of the sandbox's seed data that the tests rely on, by their pids (back after every reset). */
final class Seed {

    static final String DEMO_HOST = "4f0bc3a2e7d91c55";
    /** The host whose records the demo user may read but not change. */
    static final String FOREIGN_HOST = "f0f0f0f0f0f0f0f0";
    static final String FOREIGN_EVENT = "f0f0f0f0e0e0e0e0";
    static final String FOREIGN_EVENT_NAME = "Gala de Genève";

    static final String COMEDY_EVENT = "5c6d7e8f9a0b1c2d";
    static final String CLASSICS_EVENT = "9e8d7c6b5a403f21";
    /** Parkett (40 seats, category A) and Balkon (20, B) have prices of the comedy event; Anna holds 2 seats. */
    static final String COMEDY_SHOW = "c0c0ffee00000001";
    static final String CLASSICS_SHOW = "c1a551c500000001";
    static final String PRICE_COMEDY_PARKETT = "9a1ce00000000001";
    static final String SECTOR_PARKETT = "5ec7000000000001";

    static final String PERSON_ANNA = "0B8F6C1E-3D2A-4F5B-9C7D-1E2F3A4B5C6D";
    /** Anna's confirmed booking: two Parkett tickets for the first comedy show. */
    static final String BOOKING_ANNA = "293233446073";
    /** Beat's booking: three jazz tickets and one classics ticket. */
    static final String BOOKING_BEAT = "418207365591";
    /** Chiara's booking: two classics tickets. */
    static final String BOOKING_CHIARA = "520914837266";

    private Seed() {
    }
}
