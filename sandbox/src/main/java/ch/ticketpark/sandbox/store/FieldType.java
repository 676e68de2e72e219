package ch.ticketpark.sandbox.store;

/**
 * The value types of record fields, as the API reads and writes them (see {@link Values}).
 */
public enum FieldType {
    /** A JSON string. */
    STRING,
    /** A whole JSON number. */
    INTEGER,
    /** {@code true} / {@code false}; {@code 1} / {@code 0} in filters. */
    BOOLEAN,
    /** Written {@code yyyy-MM-dd HH:mm:ss} (Europe/Zurich), read {@code 2019-08-11T12:00:00+0200}. */
    DATETIME,
    /** Written as a string {@code "25.00"} or a number, read as a string with two decimals. */
    MONEY,
    /** The pid of one record of another collection (a string, or a number for bookings). */
    REFERENCE,
    /** An array of pids of another collection. */
    REFERENCES,
    /** {@code {"de":{"name":…},"en":{…}}}: an object of objects, stored as given. */
    TRANSLATIONS
}
