package ch.ticketpark.client.api;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Reads the library's one message catalogue, {@code ch/ticketpark/client/messages.properties}, for the typed clients:
 * the twin of the package-private {@code ch.ticketpark.client.MessageCatalogue}, which this package cannot reach.
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
