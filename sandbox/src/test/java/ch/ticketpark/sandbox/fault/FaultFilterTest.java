package ch.ticketpark.sandbox.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;

import ch.ticketpark.sandbox.Counter;
import ch.ticketpark.sandbox.SandboxStats;

/** What the filter answers for an armed fault, without a servlet container: the request never reaches the chain. */
class FaultFilterTest {

    private static final String ELSEWHERE = "http://127.0.0.1:9080/elsewhere/events/?redirected=1";

    private final FaultPlan plan = new FaultPlan();
    private final SandboxStats stats = new SandboxStats();
    private final FaultFilter filter = new FaultFilter();
    private final Answer answer = new Answer();
    private final List<String> passedOn = new ArrayList<>();
    private final FilterChain chain = (request, response) -> passedOn
            .add(((HttpServletRequest) request).getRequestURI());

    FaultFilterTest() {
        filter.plan = plan;
        filter.stats = stats;
    }

    @Test
    void redirectAnswersItsStatusAndLocationWithoutBodyInsteadOfTheApi() throws Exception {
        plan.arm(Fault.fromJson(FaultTest.json("{\"target\":\"api\",\"type\":\"redirect\",\"status\":307,"
                + "\"location\":\"" + ELSEWHERE + "\"}")));

        filter.doFilter(request("GET", "/sandbox/events/"), answer.response(), chain);

        assertThat(answer.status).isEqualTo(307);
        assertThat(answer.headers).containsEntry("Location", ELSEWHERE).containsEntry("Cache-Control", "no-store");
        assertThat(answer.contentLength).isZero();
        assertThat(passedOn).isEmpty();
        assertThat(stats.counters()).containsEntry(Counter.API_FAULTS, 1L);
        // used up: the next request is the sandbox's own business again
        filter.doFilter(request("GET", "/sandbox/events/"), new Answer().response(), chain);
        assertThat(passedOn).containsExactly("/sandbox/events/");
    }

    @Test
    void redirectIsAFoundUnlessAnotherStatusIsGiven() throws Exception {
        plan.arm(new Fault(FaultTarget.API, FaultType.REDIRECT, 1, null, null, null, 1, null, ELSEWHERE));

        filter.doFilter(request("HEAD", "/sandbox/venues/"), answer.response(), chain);

        assertThat(answer.status).isEqualTo(302);
        assertThat(answer.headers).containsEntry("Location", ELSEWHERE);
        assertThat(passedOn).isEmpty();
    }

    @Test
    void theControlPlaneIsNeverRedirected() throws Exception {
        plan.arm(new Fault(FaultTarget.API, FaultType.REDIRECT, 1, null, null, null, 1, null, ELSEWHERE));

        filter.doFilter(request("GET", "/sandbox/_sandbox/stats"), answer.response(), chain);

        assertThat(passedOn).containsExactly("/sandbox/_sandbox/stats");
        assertThat(answer.status).isZero();
        assertThat(plan.armed()).hasSize(1);
    }

    private static HttpServletRequest request(String method, String uri) {
        return (HttpServletRequest) Proxy.newProxyInstance(FaultFilterTest.class.getClassLoader(),
                new Class<?>[]{HttpServletRequest.class}, (proxy, called, args) -> switch (called.getName()) {
                    case "getMethod" -> method;
                    case "getRequestURI" -> uri;
                    case "getContextPath" -> "/sandbox";
                    case "getContentType" -> null;
                    default -> throw new UnsupportedOperationException(called.getName());
                });
    }

    /** What the filter set on the response. */
    private static final class Answer {

        int status;
        int contentLength = -1;
        final Map<String, String> headers = new TreeMap<>();

        HttpServletResponse response() {
            return (HttpServletResponse) Proxy.newProxyInstance(FaultFilterTest.class.getClassLoader(),
                    new Class<?>[]{HttpServletResponse.class}, (proxy, called, args) -> {
                        switch (called.getName()) {
                            case "setStatus" -> status = (Integer) args[0];
                            case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                            case "setContentLength" -> contentLength = (Integer) args[0];
                            default -> throw new UnsupportedOperationException(called.getName());
                        }
                        return null;
                    });
        }
    }
}
