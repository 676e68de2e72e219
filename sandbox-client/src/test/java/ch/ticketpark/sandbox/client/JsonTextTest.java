package ch.ticketpark.sandbox.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTextTest {

    @Test
    void readsTheControlPlanesShapesInOrder() {
        Object value = JsonText.parse(" {\"b\":1,\"a\":[true,false,null,-2.5e1,\"x\"],\"c\":{}, \"d\":[]} ");

        assertThat(value).isEqualTo(Map.of("b", 1L, "a", Arrays.asList(true, false, null, -25.0, "x"), "c", Map.of(),
                "d", List.of()));
        assertThat(List.copyOf(((Map<?, ?>) value).keySet())).isEqualTo(List.of("b", "a", "c", "d"));
    }

    @Test
    void readsEveryEscape() {
        assertThat(JsonText.parse("\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9\\u20AC\""))
                .isEqualTo("q\" b\\ s/ \b\f\n\r\t é€");
    }

    @Test
    void quotesWhatItWritesSoThatItReadsItBack() {
        String text = "a \"quoted\" \\ line\nwith\ttab and \u0001";

        assertThat(JsonText.quote(text)).isEqualTo("\"a \\\"quoted\\\" \\\\ line\\nwith\\ttab and \\u0001\"");
        assertThat(JsonText.parse(JsonText.quote(text))).isEqualTo(text);
    }

    @Test
    void integersStayWholeAndLarge() {
        assertThat(JsonText.parse("9007199254740993")).isEqualTo(9007199254740993L);
        assertThat(JsonText.parse("0")).isEqualTo(0L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "[1,]", "{\"a\" 1}", "{\"a\":1,}", "\"open", "tru", "nul", "-", "1.", "1e", "01x",
            "[1] 2", "\"\\x\"", "\"\\u12\"", "\"\\u12zz\"", "{1:2}", "\"a\u0001\"", "99999999999999999999"})
    void rejectsWhatIsNotJsonNamingWhere(String text) {
        assertThatThrownBy(() -> JsonText.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Not JSON at position ");
    }

    @Test
    void deepNestingIsRejectedNamingWhereNotAStackOverflow() {
        assertThatThrownBy(() -> JsonText.parse("[".repeat(100_000))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"01", "-01", "\"\\u+041\"", "\"\\u-041\"", "1e400"})
    void rejectsWhatStrictRfc8259Rejects(String text) {
        assertThatThrownBy(() -> JsonText.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesWhatItReadsCompactAndInOrder() {
        String text = " {\"b\": 1, \"a\": [true, false, null, -2.5, \"x\\\"y\"], \"c\": {}, \"d\": []} ";

        assertThat(JsonText.write(JsonText.parse(text))).isEqualTo("{\"b\":1,\"a\":[true,false,null,-2.5,"
                + "\"x\\\"y\"],\"c\":{},\"d\":[]}");
    }
}
