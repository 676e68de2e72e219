package ch.ticketpark.client.internal.webhook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Servlet requests and responses as far as the webhook servlet uses them, over {@link Proxy}. */
final class FakeServlets {

    private FakeServlets() {
    }

    /** A stand-in for an interface: {@code answer} answers each call by the method's name; the rest are refused. */
    @SuppressWarnings("unchecked")
    static <T> T fake(Class<T> type, Map<String, Object> answers, List<String> calls) {
        InvocationHandler handler = (proxy, method, args) -> {
            switch (method.getName()) {
                case "toString" :
                    return type.getSimpleName();
                case "hashCode" :
                    return System.identityHashCode(proxy);
                case "equals" :
                    return proxy == args[0];
                default :
                    calls.add(method.getName() + (args == null
                            ? ""
                            : Arrays.stream(args).map(arg -> arg instanceof Object[] array
                                    ? Arrays.toString(array)
                                    : String.valueOf(arg)).toList()));
                    if (!answers.containsKey(method.getName())) {
                        if (method.getReturnType() == void.class) {
                            return null;
                        }
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return answers.get(method.getName());
            }
        };
        return (T) Proxy.newProxyInstance(FakeServlets.class.getClassLoader(), new Class<?>[]{type}, handler);
    }

    /** A request; {@code contentLength} -1 when it sends none. */
    static HttpServletRequest request(String method, String pathInfo, long contentLength, byte[] body) {
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("getMethod", method);
        answers.put("getPathInfo", pathInfo);
        answers.put("getContentLengthLong", contentLength);
        answers.put("getInputStream", input(body));
        return fake(HttpServletRequest.class, answers, new ArrayList<>());
    }

    static ServletInputStream input(byte[] body) {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {

            @Override
            public int read() throws IOException {
                return in.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return in.read(buffer, offset, length);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
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
    }

    /** A response that records every call made to it, such as {@code setStatus[404]}. */
    static final class Response {

        final List<String> calls = new ArrayList<>();
        final HttpServletResponse response = fake(HttpServletResponse.class, Map.of(), calls);
    }
}
