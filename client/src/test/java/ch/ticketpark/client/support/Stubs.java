package ch.ticketpark.client.support;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

/** Hand-written stubs of interfaces, for the JAX-RS contexts a filter sees. */
public final class Stubs {

    /** What a stubbed method returns for its arguments. */
    @FunctionalInterface
    public interface Answer {

        Object answer(Object[] args);
    }

    private Stubs() {
    }

    /** A stub of an interface: the given methods answer, {@code toString} names the stub, any other throws. */
    public static <T> T of(Class<T> type, Map<String, Answer> answers) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (proxy, method, args) -> {
            Answer answer = answers.get(method.getName());
            if (answer != null) {
                return answer.answer(args);
            }
            if (method.getName().equals("toString")) {
                return type.getSimpleName() + " stub";
            }
            throw new UnsupportedOperationException(method.getName());
        }));
    }

    /**
     * A request as a client filter sees it.
     *
     * @param authorization the {@code Authorization} header, or {@code null} for none
     */
    public static ClientRequestContext request(String method, URI uri, String authorization) {
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        URI[] target = {uri};
        return of(ClientRequestContext.class, Map.of(
                "getHeaderString", args -> HttpHeaders.AUTHORIZATION.equals(args[0]) ? authorization : null,
                "getHeaders", args -> headers,
                "getMethod", args -> method,
                "getUri", args -> target[0],
                "setUri", args -> {
                    target[0] = (URI) args[0];
                    return null;
                }));
    }

    /**
     * An answer as a client response filter sees it; its headers can be read back from {@code getHeaders()}.
     *
     * @param body the entity, or {@code null} for none
     */
    public static ClientResponseContext response(int status, String body) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        Map<String, Answer> answers = new HashMap<>();
        answers.put("getStatus", args -> status);
        answers.put("getHeaders", args -> headers);
        answers.put("hasEntity", args -> body != null);
        answers.put("getEntityStream", args -> new ByteArrayInputStream(
                (body == null ? "" : body).getBytes(StandardCharsets.UTF_8)));
        return of(ClientResponseContext.class, answers);
    }
}
