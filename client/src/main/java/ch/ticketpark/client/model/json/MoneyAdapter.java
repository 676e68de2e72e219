package ch.ticketpark.client.model.json;

import java.math.BigDecimal;
import java.math.RoundingMode;

import jakarta.json.bind.adapter.JsonbAdapter;

/**
 * Money as the API has it: read from {@code "25.00"} or {@code 50}, written as {@code "25.00"} (at least two
 * decimals, never an exponent). Public only because JSON-B instantiates it.
 */
public final class MoneyAdapter implements JsonbAdapter<BigDecimal, String> {

    @Override
    public String adaptToJson(BigDecimal amount) {
        BigDecimal scaled = amount.scale() < 2 ? amount.setScale(2, RoundingMode.UNNECESSARY) : amount;
        return scaled.toPlainString();
    }

    @Override
    public BigDecimal adaptFromJson(String text) {
        return text == null ? null : new BigDecimal(text.trim());
    }
}
