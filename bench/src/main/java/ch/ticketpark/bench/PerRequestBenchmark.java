package ch.ticketpark.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The per-request cost of the Bearer header, a valid token in every case: each contender obtains its first token from
 * the loopback endpoint before the measurement (tokens of an hour), which then stops answering, so that a token
 * request during the measurement would fail, not hide in the figures. Run at 1 and 4 threads ({@code -t}), with
 * {@code -prof gc} for the allocation per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PerRequestBenchmark {

    private Contenders contenders;

    /** One thread's request, reused from call to call. */
    @State(Scope.Thread)
    public static class Request {

        ClientRequestContext context;

        @Setup(Level.Trial)
        public void create(PerRequestBenchmark benchmark) {
            context = benchmark.contenders.request();
        }

        String header() {
            return (String) context.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        }
    }

    /**
     * Builds only the contender this fork measures, and obtains its first token: an application uses one of them, and
     * a peer's code run in the same JVM (its HTTP client, its maps) would profile the JDK's shared code for types
     * this application never sees, which is what JMH's forks are there to prevent.
     */
    @Setup(Level.Trial)
    public void start(BenchmarkParams params) throws IOException {
        String name = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        Contenders.Contender measured = Contenders.Contender.valueOf(name.toUpperCase(Locale.ROOT));
        try (LoopbackTokenEndpoint endpoint = new LoopbackTokenEndpoint(Duration.ofHours(1), Duration.ZERO)) {
            contenders = new Contenders(endpoint.baseUrl(), Duration.ofSeconds(30), EnumSet.of(measured));
            ClientRequestContext first = contenders.request();
            switch (measured) {
                case OURS -> contenders.ours(first);
                case KEYCLOAK -> contenders.keycloak(first);
                case SPRING -> contenders.spring(first);
                case BASELINE -> contenders.baseline(first);
            }
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        contenders.close();
    }

    @Benchmark
    public String ours(Request request) {
        contenders.ours(request.context);
        return request.header();
    }

    @Benchmark
    public String keycloak(Request request) {
        contenders.keycloak(request.context);
        return request.header();
    }

    @Benchmark
    public String spring(Request request) {
        contenders.spring(request.context);
        return request.header();
    }

    @Benchmark
    public String baseline(Request request) {
        contenders.baseline(request.context);
        return request.header();
    }
}
