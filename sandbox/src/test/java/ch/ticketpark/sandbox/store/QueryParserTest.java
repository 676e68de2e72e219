package ch.ticketpark.sandbox.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryParserTest {

    /** Every documented query string, raw and as http_build_query percent-encodes it, gives the same query. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            filters[name]=Hugo | filters%5Bname%5D=Hugo
            filters[updated][_comp]=gt&filters[updated][_value]=2014-01-01 00:00:00 | filters%5Bupdated%5D%5B_comp%5D=gt&filters%5Bupdated%5D%5B_value%5D=2014-01-01+00%3A00%3A00
            filters[_logic]=OR&filters[name]=A&filters[city]=B | filters%5B_logic%5D=OR&filters%5Bname%5D=A&filters%5Bcity%5D=B
            filters[name][_logic]=OR&filters[name][0]=A&filters[name][1]=B | filters%5Bname%5D%5B_logic%5D=OR&filters%5Bname%5D%5B0%5D=A&filters%5Bname%5D%5B1%5D=B
            filters[customer][lastname]=X | filters%5Bcustomer%5D%5Blastname%5D=X
            orderBy[name]=desc&properties[shows]=1 | orderBy%5Bname%5D=desc&properties%5Bshows%5D=1
            """)
    void rawAndPercentEncodedBracketsAreTheSame(String raw, String encoded) {
        assertThat(QueryParser.parse(encoded)).isEqualTo(QueryParser.parse(raw));
    }

    @Test
    void equality() {
        assertThat(QueryParser.parse("filters[name]=Hugo").filters()).containsExactly(
                new FieldFilter(List.of("name"), false, List.of(new Condition(Comparison.EQ, "Hugo"))));
    }

    @Test
    void comparisonWithValue() {
        assertThat(QueryParser.parse("filters[updated][_comp]=gt&filters[updated][_value]=2014-01-01 00:00:00")
                .filters()).containsExactly(new FieldFilter(List.of("updated"), false,
                        List.of(new Condition(Comparison.GT, "2014-01-01 00:00:00"))));
    }

    @Test
    void comparisonWithoutValue() {
        assertThat(QueryParser.parse("filters[end][_comp]=isNull").filters()).containsExactly(
                new FieldFilter(List.of("end"), false, List.of(new Condition(Comparison.IS_NULL, null))));
    }

    @Test
    void topLevelOr() {
        Query query = QueryParser.parse("filters[_logic]=OR&filters[name]=A&filters[city]=B");

        assertThat(query.anyOf()).isTrue();
        assertThat(query.filters()).extracting(FieldFilter::path).containsExactly(List.of("name"), List.of("city"));
    }

    @Test
    void severalValuesOfOneFieldWithOr() {
        assertThat(QueryParser.parse("filters[name][_logic]=OR&filters[name][0]=A&filters[name][1]=B").filters())
                .containsExactly(new FieldFilter(List.of("name"), true,
                        List.of(new Condition(Comparison.EQ, "A"), new Condition(Comparison.EQ, "B"))));
    }

    @Test
    void severalConditionsOnOneFieldInIndexOrder() {
        assertThat(QueryParser.parse("filters[updated][1][_comp]=lt&filters[updated][1][_value]=2015-01-01 00:00:00"
                + "&filters[updated][0][_comp]=gt&filters[updated][0][_value]=2014-01-01 00:00:00").filters())
                .containsExactly(new FieldFilter(List.of("updated"), false, List.of(
                        new Condition(Comparison.GT, "2014-01-01 00:00:00"),
                        new Condition(Comparison.LT, "2015-01-01 00:00:00"))));
    }

    @Test
    void relationFilter() {
        assertThat(QueryParser.parse("filters[customer][lastname]=X").filters()).containsExactly(
                new FieldFilter(List.of("customer", "lastname"), false, List.of(new Condition(Comparison.EQ, "X"))));
    }

    @Test
    void paginationOrderAndExpansions() {
        Query query = QueryParser.parse("page=2&maxResults=10&orderBy[start]=desc&orderBy[name]=asc"
                + "&properties[shows]=1&properties[capacity]=true&properties[tickets]=0");

        assertThat(query.page()).isEqualTo(2);
        assertThat(query.maxResults()).isEqualTo(10);
        assertThat(query.orderBy()).containsExactly(new Order("start", true), new Order("name", false));
        assertThat(query.properties()).isEqualTo(Set.of("shows", "capacity"));
    }

    @Test
    void defaultsAndLimits() {
        assertThat(QueryParser.parse(null)).isEqualTo(Query.all());
        assertThat(QueryParser.parse("").maxResults()).isEqualTo(100);
        assertThat(QueryParser.parse("maxResults=5000").maxResults()).isEqualTo(1000);
        assertThat(QueryParser.parse("unknown=1&filters[name=broken").filters()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            page=-1
            maxResults=0
            page=two
            filters[name][_comp]=like&filters[name][_value]=x
            filters[name][_comp]=gt
            filters[_logic]=XOR
            orderBy[name]=up
            filters[0]=x
            filters=x
            """)
    void malformedQueriesAreInvalidPayloads(String query) {
        assertThatThrownBy(() -> QueryParser.parse(query)).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.status()).isEqualTo(409));
    }
}
