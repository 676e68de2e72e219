package ch.ticketpark.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import ch.ticketpark.client.Condition.Comparison;

class ConditionTest {

    @Test
    void theOperatorsAreSpelledAsTheApiSpellsThem() {
        assertThat(Arrays.stream(Comparison.values()).map(Comparison::code)).containsExactly("eq", "neq", "gt", "gte",
                "lt", "lte", "isNull", "isNotNull");
    }

    @Test
    void theFactoriesPairTheirOperatorWithTheValue() {
        assertThat(Condition.gte(3)).isEqualTo(new Condition(Comparison.GTE, 3));
        assertThat(Condition.neq("A")).isEqualTo(new Condition(Comparison.NEQ, "A"));
        assertThat(Condition.isNull()).isEqualTo(new Condition(Comparison.IS_NULL, null));
        assertThat(Condition.isNotNull().value()).isNull();
    }

    @Test
    void aComparisonNeedsAValueAndANullCheckTakesNone() {
        assertThatThrownBy(() -> Condition.lt(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lt needs a value");
        assertThatThrownBy(() -> new Condition(Comparison.IS_NOT_NULL, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("isNotNull takes no value");
        assertThatThrownBy(() -> new Condition(null, 1)).isInstanceOf(NullPointerException.class)
                .hasMessage("comparison");
    }
}
