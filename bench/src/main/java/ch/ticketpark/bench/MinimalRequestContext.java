package ch.ticketpark.bench;

import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.net.URI;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * The least a request filter sees of a GET request: its URI and its headers (a plain map, reused by one thread from call
 * to call, as the filters under test replace their header rather than add one). Everything else is unsupported.
 */
final class MinimalRequestContext implements ClientRequestContext {

    private final URI uri;
    private final MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();

    MinimalRequestContext(URI uri) {
        this.uri = uri;
    }

    @Override
    public Object getProperty(String name) {
        return null;
    }

    @Override
    public Collection<String> getPropertyNames() {
        return List.of();
    }

    @Override
    public void setProperty(String name, Object object) {
        throw unsupported();
    }

    @Override
    public void removeProperty(String name) {
        throw unsupported();
    }

    @Override
    public URI getUri() {
        return uri;
    }

    @Override
    public void setUri(URI newUri) {
        throw unsupported();
    }

    @Override
    public String getMethod() {
        return "GET";
    }

    @Override
    public void setMethod(String method) {
        throw unsupported();
    }

    @Override
    public MultivaluedMap<String, Object> getHeaders() {
        return headers;
    }

    @Override
    public MultivaluedMap<String, String> getStringHeaders() {
        throw unsupported();
    }

    @Override
    public String getHeaderString(String name) {
        throw unsupported();
    }

    @Override
    public Date getDate() {
        throw unsupported();
    }

    @Override
    public Locale getLanguage() {
        throw unsupported();
    }

    @Override
    public MediaType getMediaType() {
        throw unsupported();
    }

    @Override
    public List<MediaType> getAcceptableMediaTypes() {
        throw unsupported();
    }

    @Override
    public List<Locale> getAcceptableLanguages() {
        throw unsupported();
    }

    @Override
    public Map<String, Cookie> getCookies() {
        throw unsupported();
    }

    @Override
    public boolean hasEntity() {
        return false;
    }

    @Override
    public Object getEntity() {
        return null;
    }

    @Override
    public Class<?> getEntityClass() {
        return null;
    }

    @Override
    public Type getEntityType() {
        return null;
    }

    @Override
    public void setEntity(Object entity) {
        throw unsupported();
    }

    @Override
    public void setEntity(Object entity, Annotation[] annotations, MediaType mediaType) {
        throw unsupported();
    }

    @Override
    public Annotation[] getEntityAnnotations() {
        throw unsupported();
    }

    @Override
    public OutputStream getEntityStream() {
        throw unsupported();
    }

    @Override
    public void setEntityStream(OutputStream outputStream) {
        throw unsupported();
    }

    @Override
    public Client getClient() {
        throw unsupported();
    }

    @Override
    public Configuration getConfiguration() {
        throw unsupported();
    }

    @Override
    public void abortWith(Response response) {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("not part of the benchmark's request");
    }
}
