package ch.ticketpark.sandbox.fault;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A form POST whose body has been read into memory, so that the fault filter can read {@code grant_type} and JAX-RS
 * can still read the whole body after it. {@code getParameter...} answers from the same bytes (query string first,
 * then the form, as the servlet specification orders them), whichever way the JAX-RS runtime reads the form.
 */
final class BufferedFormRequest extends HttpServletRequestWrapper {

    private static final String FORM = "application/x-www-form-urlencoded";

    private final byte[] body;
    private final Charset charset;
    private final Map<String, List<String>> form;

    private BufferedFormRequest(HttpServletRequest request, byte[] body, Charset charset) {
        super(request);
        this.body = body;
        this.charset = charset;
        this.form = parse(new String(body, charset), charset);
    }

    /** Whether the request is a form POST, whose body this class can buffer. */
    static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return "POST".equals(request.getMethod()) && type != null
                && type.toLowerCase(Locale.ROOT).startsWith(FORM);
    }

    /** Reads the whole body of a form POST. */
    static BufferedFormRequest of(HttpServletRequest request) throws IOException {
        String encoding = request.getCharacterEncoding();
        Charset charset = encoding == null || !Charset.isSupported(encoding)
                ? StandardCharsets.UTF_8
                : Charset.forName(encoding);
        return new BufferedFormRequest(request, request.getInputStream().readAllBytes(), charset);
    }

    /** The first value of a form field, or {@code null}. */
    String formField(String name) {
        List<String> values = form.get(name);
        return values == null ? null : values.get(0);
    }

    @Override
    public ServletInputStream getInputStream() {
        return new BufferedInputStream(body);
    }

    @Override
    public BufferedReader getReader() {
        return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
    }

    @Override
    public String getParameter(String name) {
        String[] values = getParameterMap().get(name);
        return values == null ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        Map<String, List<String>> all = new LinkedHashMap<>();
        if (getQueryString() != null) {
            parse(getQueryString(), charset).forEach((name, values) -> all.put(name, new ArrayList<>(values)));
        }
        form.forEach((name, values) -> all.computeIfAbsent(name, key -> new ArrayList<>()).addAll(values));
        Map<String, String[]> parameters = new LinkedHashMap<>();
        all.forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
        return Collections.unmodifiableMap(parameters);
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(getParameterMap().keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        return getParameterMap().get(name);
    }

    /** The fields of {@code application/x-www-form-urlencoded} text; a field that cannot be decoded stays raw. */
    static Map<String, List<String>> parse(String text, Charset charset) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals), charset);
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), charset);
            fields.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return fields;
    }

    private static String decode(String text, Charset charset) {
        try {
            return URLDecoder.decode(text, charset);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static final class BufferedInputStream extends ServletInputStream {

        private final ByteArrayInputStream in;

        BufferedInputStream(byte[] body) {
            this.in = new ByteArrayInputStream(body);
        }

        @Override
        public int read() {
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
            try {
                listener.onDataAvailable();
                listener.onAllDataRead();
            } catch (IOException e) {
                listener.onError(e);
            }
        }
    }
}
