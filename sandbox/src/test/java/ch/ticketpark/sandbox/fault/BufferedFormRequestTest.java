package ch.ticketpark.sandbox.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

class BufferedFormRequestTest {

    private static final String BODY = "grant_type=refresh_token&refresh_token=a%2Bb%3D&scope=&x=%zz&x=2";

    @Test
    void parsesFormFieldsDecodedInOrderKeepingAnUndecodableOneRaw() {
        Map<String, List<String>> fields = BufferedFormRequest.parse(BODY, StandardCharsets.UTF_8);

        assertThat(fields).containsExactly(Map.entry("grant_type", List.of("refresh_token")),
                Map.entry("refresh_token", List.of("a+b=")), Map.entry("scope", List.of("")),
                Map.entry("x", List.of("%zz", "2")));
        assertThat(BufferedFormRequest.parse("&&a&b=c+d", StandardCharsets.UTF_8))
                .containsExactly(Map.entry("a", List.of("")), Map.entry("b", List.of("c d")));
    }

    @Test
    void theBodyCanBeReadAgainAfterTheGrantTypeWasRead() throws IOException {
        BufferedFormRequest request = BufferedFormRequest.of(request("POST", "application/x-www-form-urlencoded",
                "q=1", BODY));

        assertThat(request.formField("grant_type")).isEqualTo("refresh_token");
        assertThat(request.formField("missing")).isNull();
        assertThat(new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(BODY);
        assertThat(new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(BODY);
        assertThat(request.getReader().readLine()).isEqualTo(BODY);
        assertThat(request.getParameter("grant_type")).isEqualTo("refresh_token");
        assertThat(request.getParameterMap()).containsKeys("q", "grant_type", "refresh_token", "scope", "x");
        assertThat(request.getParameterValues("x")).containsExactly("%zz", "2");
        assertThat(request.getParameter("q")).isEqualTo("1");
    }

    @Test
    void onlyFormPostsAreBuffered() {
        assertThat(BufferedFormRequest.isForm(request("POST", "application/x-www-form-urlencoded", null, "")))
                .isTrue();
        assertThat(BufferedFormRequest.isForm(request("POST", "Application/X-WWW-Form-Urlencoded; charset=UTF-8",
                null, ""))).isTrue();
        assertThat(BufferedFormRequest.isForm(request("POST", "application/json", null, ""))).isFalse();
        assertThat(BufferedFormRequest.isForm(request("POST", null, null, ""))).isFalse();
        assertThat(BufferedFormRequest.isForm(request("GET", "application/x-www-form-urlencoded", null, "")))
                .isFalse();
    }

    /** A servlet request with just what the wrapper asks of it. */
    private static HttpServletRequest request(String method, String contentType, String query, String body) {
        ByteArrayInputStream bytes = new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
        ServletInputStream in = new ServletInputStream() {

            @Override
            public int read() {
                return bytes.read();
            }

            @Override
            public boolean isFinished() {
                return bytes.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException();
            }
        };
        return (HttpServletRequest) Proxy.newProxyInstance(BufferedFormRequestTest.class.getClassLoader(),
                new Class<?>[]{HttpServletRequest.class}, (proxy, called, args) -> switch (called.getName()) {
                    case "getMethod" -> method;
                    case "getContentType" -> contentType;
                    case "getQueryString" -> query;
                    case "getCharacterEncoding" -> null;
                    case "getInputStream" -> in;
                    default -> throw new UnsupportedOperationException(called.getName());
                });
    }
}
