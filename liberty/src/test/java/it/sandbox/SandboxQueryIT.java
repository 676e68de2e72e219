package it.sandbox;

import static it.sandbox.SandboxHttp.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ch.ticketpark.sandbox.client.SandboxControl;
import ch.ticketpark.sandbox.client.junit.SandboxExtension;

/** Pagination with x-count, every filter form, ordering, expansions and the nested lists, over HTTP. */
@ExtendWith(ArquillianExtension.class)
@ExtendWith(SandboxExtension.class)
@RunAsClient
class SandboxQueryIT {

    private static final String JAZZ = "a1b2c3d4e5f60718";
    private static final String CLASSICS = "9e8d7c6b5a403f21";
    private static final String COMEDY = "5c6d7e8f9a0b1c2d";
    private static final String FOREIGN = "f0f0f0f0e0e0e0e0";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return SandboxHttp.emptyWar("sandbox-query-it");
    }

    private final SandboxHttp api = new SandboxHttp();
    /** Reset before each test by the extension. */
    private final SandboxControl sandbox = SandboxControl.fromEnvironment();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            equality                 | /events/?filters[name]=Jazz Night Bern | a1b2c3d4e5f60718
            boolean 1                | /events/?filters[allow_digital_dispatch]=1 | 9e8d7c6b5a403f21 a1b2c3d4e5f60718
            boolean 0                | /events/?filters[allow_digital_dispatch]=0 | 5c6d7e8f9a0b1c2d f0f0f0f0e0e0e0e0
            _comp gt datetime        | /shows/?filters[start][_comp]=gt&filters[start][_value]=2027-03-01 00:00:00 | c1a551c500000001 f0f0f0f0d0d0d0d0
            _comp gte money          | /prices/?filters[price][_comp]=gte&filters[price][_value]=59 | 9a1ce00000000003 9a1ce00000000004
            _comp lt money           | /prices/?filters[price][_comp]=lt&filters[price][_value]=30.00 | 9a1ce00000000006
            _comp lte money          | /prices/?filters[price][_comp]=lte&filters[price][_value]=30.00 | 9a1ce00000000005 9a1ce00000000006
            _comp eq                 | /prices/?filters[price][_comp]=eq&filters[price][_value]=45.00 | 9a1ce00000000001
            _comp neq                | /events/?filters[host][_comp]=neq&filters[host][_value]=4f0bc3a2e7d91c55 | f0f0f0f0e0e0e0e0
            _comp isNull             | /shows/?filters[end][_comp]=isNull | 1a2200000000a001 1a2200000000a002 f0f0f0f0d0d0d0d0
            _comp isNotNull          | /shows/?filters[end][_comp]=isNotNull | c0c0ffee00000001 c0c0ffee00000002 c1a551c500000001
            AND across fields        | /prices/?filters[event]=a1b2c3d4e5f60718&filters[name]=Stehplatz | 9a1ce00000000005
            _logic OR at the top     | /events/?filters[_logic]=OR&filters[name]=Jazz Night Bern&filters[host]=f0f0f0f0f0f0f0f0 | a1b2c3d4e5f60718 f0f0f0f0e0e0e0e0
            _logic OR on one field   | /events/?filters[name][_logic]=OR&filters[name][0]=Jazz Night Bern&filters[name][1]=Lucerne Summer Classics | 9e8d7c6b5a403f21 a1b2c3d4e5f60718
            conditions on one field  | /shows/?filters[start][0][_comp]=gt&filters[start][0][_value]=2027-01-01 00:00:00&filters[start][1][_comp]=lt&filters[start][1][_value]=2027-02-01 00:00:00 | 1a2200000000a001 1a2200000000a002
            relation filter          | /bookings/?filters[customer][lastname]=Keller | 418207365591
            nested list with filter  | /bookings/418207365591/tickets/?filters[show]=1a2200000000a001 | 6445cdbe3e950a01 6445cdbe3e950a02 6445cdbe3e950a03
            batchId of no batch      | /events/?filters[batchId][_comp]=isNotNull |
            """)
    void filters(String form, String pathAndQuery, String expectedPids) {
        Reply reply = expect(200, api.get(pathAndQuery));

        List<String> expected = expectedPids == null ? List.of() : List.of(expectedPids.split(" "));
        assertThat(reply.pids()).containsExactlyElementsOf(expected);
        assertThat(reply.count()).isEqualTo(expected.size());
    }

    @Test
    void percentEncodedAndRawBracketsGiveTheSameAnswer() throws IOException {
        Reply encoded = api.get("/events/?filters[name]=Jazz Night Bern"); // SandboxHttp percent-encodes brackets

        String raw = rawGet("/sandbox/events/?filters[name]=Jazz%20Night%20Bern&orderBy[name]=asc");

        assertThat(raw).matches("(?s)HTTP/1\\.[01] 200.*").containsIgnoringCase("x-count: 1");
        assertThat(raw.substring(raw.indexOf("\r\n\r\n") + 4)).isEqualTo(encoded.body());
    }

    @Test
    void pagesCountFromZeroAndXCountIgnoresPagination() {
        Reply first = expect(200, api.get("/prices/?maxResults=3&page=0"));
        Reply last = expect(200, api.get("/prices/?maxResults=3&page=2"));
        Reply beyond = expect(200, api.get("/prices/?maxResults=3&page=3"));

        assertThat(first.pids()).hasSize(3);
        assertThat(last.pids()).hasSize(1);
        assertThat(beyond.body()).isEqualTo("[]");
        assertThat(List.of(first.count(), last.count(), beyond.count())).containsOnly(7L);
        assertThat(api.get("/prices/?maxResults=5000").pids()).hasSize(7);
    }

    @Test
    void headAnswersTheCountWithoutBody() {
        Reply head = expect(200, api.head("/tickets/?filters[show]=c1a551c500000001"));

        assertThat(head.count()).isEqualTo(3);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void orderByAscendingAndDescending() {
        assertThat(names(api.get("/events/?orderBy[name]=desc"))).containsExactly("Zurich Comedy Evening",
                "Lucerne Summer Classics", "Jazz Night Bern", "Gala de Genève");
        assertThat(api.get("/shows/?orderBy[start]=asc&maxResults=2").pids()).containsExactly("c0c0ffee00000001",
                "c0c0ffee00000002");
    }

    @Test
    void malformedQueriesAre409() {
        assertThat(api.get("/events/?filters[colour]=red").json().getString("message"))
                .isEqualTo("Unknown field 'colour' of events");
        assertThat(api.get("/events/?filters[name][_comp]=like&filters[name][_value]=J").status()).isEqualTo(409);
        assertThat(api.get("/shows/?filters[start][_comp]=gt&filters[start][_value]=tomorrow").status())
                .isEqualTo(409);
        assertThat(api.get("/events/?page=-1").status()).isEqualTo(409);
    }

    @Test
    void eventsExpandTheirShows() {
        JsonObject event = api.get("/events/" + JAZZ + "?properties[shows]=1").json();

        assertThat(event.getJsonArray("shows").getValuesAs(JsonObject.class))
                .extracting(show -> show.getString("pid")).containsExactly("1a2200000000a001", "1a2200000000a002");
        assertThat(api.get("/events/" + JAZZ).json()).doesNotContainKey("shows");
        assertThat(api.get("/events/?properties[shows]=true").array().getJsonObject(0)).containsKey("shows");
    }

    @Test
    void showsExpandTheirCapacity() {
        JsonObject capacity = api.get("/shows/c0c0ffee00000001?properties[capacity]=1").json()
                .getJsonObject("capacity");

        JsonObject expected = SandboxHttp.object("{\"total\":60,\"sold\":2,\"available\":58}");
        assertThat(capacity.getJsonObject("total")).isEqualTo(expected);
        assertThat(capacity.getJsonObject("public")).isEqualTo(expected);
    }

    @Test
    void bookingsExpandCustomerAndTickets() {
        JsonObject booking = api.get("/bookings/293233446073?properties[customer]=true&properties[tickets]=true")
                .json();

        assertThat(booking.getJsonObject("customer").getString("lastname")).isEqualTo("Muster");
        assertThat(booking.getJsonObject("customer").getString("pid"))
                .isEqualTo("0B8F6C1E-3D2A-4F5B-9C7D-1E2F3A4B5C6D");
        assertThat(booking.getJsonArray("tickets").getValuesAs(JsonObject.class))
                .extracting(ticket -> ticket.getString("pid"))
                .containsExactly("6445cdbe3e9509e8", "6445cdbe3e9509e9");
    }

    @Test
    void bookingsOfAnEventArePagedWithTheirCount() {
        Reply page = expect(200, api.get("/events/" + CLASSICS + "/bookings/?maxResults=1&page=0"));

        assertThat(page.pids()).containsExactly("418207365591");
        assertThat(page.count()).isEqualTo(2);
        assertThat(api.get("/events/" + COMEDY + "/bookings/").pids()).containsExactly("293233446073");
        assertThat(api.get("/events/" + FOREIGN + "/bookings/").body()).isEqualTo("[]");
        expect(404, api.get("/events/0000000000000000/bookings/"));
        expect(404, api.get("/shows/c0c0ffee00000001/bookings/"));
    }

    private static List<String> names(Reply reply) {
        return reply.array().getValuesAs(JsonObject.class).stream().map(event -> event.getString("name")).toList();
    }

    /** HTTP/1.0 over a socket: java.net.URI refuses raw brackets, real clients (PHP, curl -g) send them. */
    private String rawGet(String target) throws IOException {
        try (Socket socket = new Socket("localhost", Integer.parseInt(System.getProperty("http.port")))) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.0\r\nHost: localhost:" + System.getProperty("http.port")
                    + "\r\nAccept: application/json\r\n"
                    + "Authorization: Bearer " + api.accessToken() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
