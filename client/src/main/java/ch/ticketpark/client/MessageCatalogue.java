package ch.ticketpark.client;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Reads the library's one message catalogue, {@code messages.properties} beside this class, for the classes of this
 * package ({@link Created}, {@link Pages}). The machinery reads the same file through {@code internal.Messages}, which a
 * public package must not use. The file describes the codes and the template syntax.
 */
final class MessageCatalogue {

    private static final ResourceBundle TEXTS = ResourceBundle.getBundle("ch.ticketpark.client.messages", Locale.ROOT);

    private MessageCatalogue() {
    }

    /** {@code "TPCnnnn: "} and the code's template formatted with {@code arguments}. */
    static String format(String code, Object... arguments) {
        return code + ": " + String.format(Locale.ROOT, TEXTS.getString(code), arguments);
    }
}
