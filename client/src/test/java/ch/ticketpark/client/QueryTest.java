package ch.ticketpark.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QueryTest {

    private static final LocalDateTime Y2014 = LocalDateTime.of(2014, 1, 1, 0, 0);
    private static final LocalDateTime Y2015 = LocalDateTime.of(2015, 1, 1, 0, 0);

    /** Each example the Ticketpark API documentation gives, and the query that must produce it. */
    static Stream<Arguments> documentedExamples() {
        return Stream.of(
                Arguments.of("page=2&maxResults=10", Query.page(2, 10)),
                Arguments.of("maxResults=10&page=0", Query.create().maxResults(10).page(0)),
                Arguments.of("filters[name]=Hugo", Query.create().filter("name", "Hugo")),
                Arguments.of("filters[allow_digital_dispatch]=1",
                        Query.create().filter("allow_digital_dispatch", true)),
                Arguments.of("filters[confirmation]=0", Query.create().filter("confirmation", false)),
                Arguments.of("filters[name]=Hugo&filters[city]=Bern",
                        Query.create().filter("name", "Hugo").filter("city", "Bern")),
                Arguments.of("filters[updated][_comp]=gt&filters[updated][_value]=2014-01-01 00:00:00",
                        Query.create().filter("updated", Condition.gt(Y2014))),
                Arguments.of("filters[updated][_comp]=eq&filters[updated][_value]=2014-01-01 00:00:00",
                        Query.create().filter("updated", Condition.eq(Y2014))),
                Arguments.of("filters[updated][_comp]=gte&filters[updated][_value]=2014-01-01 00:00:00",
                        Query.create().filter("updated", Condition.gte(Y2014))),
                Arguments.of("filters[updated][_comp]=lt&filters[updated][_value]=2014-01-01 00:00:00",
                        Query.create().filter("updated", Condition.lt(Y2014))),
                Arguments.of("filters[updated][_comp]=lte&filters[updated][_value]=2014-01-01 00:00:00",
                        Query.create().filter("updated", Condition.lte(Y2014))),
                Arguments.of("filters[name][_comp]=neq&filters[name][_value]=Hugo",
                        Query.create().filter("name", Condition.neq("Hugo"))),
                Arguments.of("filters[end][_comp]=isNull", Query.create().filter("end", Condition.isNull())),
                Arguments.of("filters[end][_comp]=isNotNull", Query.create().filter("end", Condition.isNotNull())),
                Arguments.of("filters[_logic]=OR&filters[name]=Hugo&filters[city]=Bern",
                        Query.create().or().filter("name", "Hugo").filter("city", "Bern")),
                Arguments.of("filters[name][_logic]=OR&filters[name][0]=A&filters[name][1]=B",
                        Query.create().filterAny("name", "A", "B")),
                Arguments.of("filters[updated][0][_comp]=gt&filters[updated][0][_value]=2014-01-01 00:00:00"
                        + "&filters[updated][1][_comp]=lt&filters[updated][1][_value]=2015-01-01 00:00:00",
                        Query.create().filterAll("updated", Condition.gt(Y2014), Condition.lt(Y2015))),
                Arguments.of("filters[customer][lastname]=X", Query.create().filter("customer.lastname", "X")),
                Arguments.of("filters[show]=ZZ", Query.create().filter("show", "ZZ")),
                Arguments.of("orderBy[batchOrder]=asc", Query.create().orderBy("batchOrder", Query.Order.ASC)),
                Arguments.of("orderBy[created]=desc", Query.create().orderBy("created", Query.Order.DESC)),
                Arguments.of("properties[shows]=1", Query.create().expand("shows")),
                Arguments.of("properties[capacity]=1", Query.create().expand("capacity")),
                Arguments.of("properties[customer]=true&properties[tickets]=true",
                        Query.create().param("properties[customer]", "true").param("properties[tickets]", "true")),
                Arguments.of("properties[customer]=1&properties[tickets]=1&maxResults=10&page=0",
                        Query.create().expand("customer", "tickets").maxResults(10).page(0)),
                Arguments.of("filters[batchId]=3f6c&orderBy[batchOrder]=asc",
                        Query.create().filter("batchId", "3f6c").orderBy("batchOrder", Query.Order.ASC)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentedExamples")
    void producesTheDocumentedQueryString(String documented, Query query) {
        String raw = query.parameters().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("&"));
        assertThat(raw).isEqualTo(documented);
        assertThat(URLDecoder.decode(query.toString(), StandardCharsets.UTF_8)).isEqualTo(documented);
        assertThat(Query.parse(query.toString())).as("parsed back").isEqualTo(query);
        assertThat(Query.parse(documented)).as("raw brackets parsed").isEqualTo(query);
    }

    @Test
    void percentEncodesBracketsSpacesAndColonsOnTheWire() {
        assertThat(Query.create().filter("updated", Condition.gt(Y2014)).filter("name", "Zürich & Bern"))
                .hasToString("filters%5Bupdated%5D%5B_comp%5D=gt&filters%5Bupdated%5D%5B_value%5D="
                        + "2014-01-01%2000%3A00%3A00&filters%5Bname%5D=Z%C3%BCrich%20%26%20Bern");
    }

    @Test
    void writesInstantsAndOffsetsAsZurichLocalTime() {
        assertThat(Query.create().filter("start", Instant.parse("2020-06-01T10:00:00Z")).parameters().get(0)
                .getValue()).isEqualTo("2020-06-01 12:00:00");
        assertThat(Query.create().filter("start", Condition.lt(OffsetDateTime.of(2020, 1, 1, 11, 0, 0, 0,
                ZoneOffset.UTC))).parameters().get(1).getValue()).isEqualTo("2020-01-01 12:00:00");
    }

    @Test
    void isImmutableAndReplacesAParameterInPlace() {
        Query first = Query.page(0, 50).filter("name", "A");
        Query next = first.page(1).filter("name", "B");

        assertThat(first.toString()).isEqualTo("page=0&maxResults=50&filters%5Bname%5D=A");
        assertThat(next.toString()).isEqualTo("page=1&maxResults=50&filters%5Bname%5D=B");
        assertThat(next.pageNumber()).hasValue(1);
        assertThat(next.pageSize()).hasValue(50);
        assertThat(Query.create().toString()).isEmpty();
        assertThat(Query.create().pageNumber()).isEmpty();
    }

    @Test
    void rejectsWhatTheApiCannotMean() {
        assertThatThrownBy(() -> Query.page(-1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Query.page(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Query.create().filter("customer..x", "X"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Condition.gt(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Query.create().filter("name", (Object) null))
                .isInstanceOf(NullPointerException.class);
    }
}
