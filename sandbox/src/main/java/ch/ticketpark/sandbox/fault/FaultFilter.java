package ch.ticketpark.sandbox.fault;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import ch.ticketpark.sandbox.Counter;
import ch.ticketpark.sandbox.SandboxStats;

/**
 * Injects the armed {@link FaultPlan} faults, in front of everything else (so also in front of the Bearer check).
 * A servlet filter rather than a JAX-RS one because only the servlet response can send a truncated answer. Faults
 * that change a token answer are handed to the token endpoint as the request attribute {@link #TOKEN_ANSWER_FAULT}.
 * The plan decides with the {@code grant_type} of a token request (for faults limited to one grant type): the filter
 * reads it from a {@link BufferedFormRequest}, which JAX-RS then reads the form from again.
 * <p>
 * Field injection: the servlet container, not CDI, constructs filters.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class FaultFilter extends HttpFilter {

    /** The request attribute holding the {@link FaultType} the token endpoint must apply to its answer. */
    public static final String TOKEN_ANSWER_FAULT = FaultFilter.class.getName() + ".tokenAnswer";

    private static final long serialVersionUID = 1L;
    private static final int TRUNCATED_BYTES = 64 * 1024;

    @Inject
    transient FaultPlan plan;

    @Inject
    transient SandboxStats stats;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        FaultTarget target = FaultTarget.ofPath(request.getRequestURI().substring(request.getContextPath().length()));
        if (target == null) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletRequest forwarded = request;
        String grantType = null;
        if (target == FaultTarget.TOKEN && BufferedFormRequest.isForm(request)) {
            // not request.getParameter: it would consume the body JAX-RS reads the form from
            BufferedFormRequest form = BufferedFormRequest.of(request);
            grantType = form.formField("grant_type");
            forwarded = form;
        }
        Optional<Fault> fault = plan.take(target, grantType);
        if (fault.isEmpty()) {
            chain.doFilter(forwarded, response);
            return;
        }
        stats.count(target == FaultTarget.TOKEN ? Counter.TOKEN_FAULTS : Counter.API_FAULTS);
        Fault injected = fault.get();
        switch (injected.type()) {
            case DELAY -> {
                pause(injected.delayMillis());
                chain.doFilter(forwarded, response);
            }
            case STATUS -> FaultAnswers.status(response, injected);
            case DROP -> FaultAnswers.truncated(response, target);
            case MALFORMED_JSON -> FaultAnswers.malformedJson(response, target);
            case HTML -> FaultAnswers.html(response, injected.statusOr(200));
            case REDIRECT -> FaultAnswers.redirect(response, injected);
            case INVALID_CLIENT -> FaultAnswers.invalidClient(response);
            default -> {
                forwarded.setAttribute(TOKEN_ANSWER_FAULT, injected.type());
                chain.doFilter(forwarded, response);
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis); // the delay is the fault being simulated
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The answers of the faults that replace the sandbox's own. */
    static final class FaultAnswers {

        private FaultAnswers() {
        }

        static void status(HttpServletResponse response, Fault fault) throws IOException {
            int status = fault.status();
            if (fault.retryAfterSeconds() != null) {
                response.setHeader("Retry-After", Integer.toString(fault.retryAfterSeconds()));
            }
            String body = fault.target() == FaultTarget.TOKEN
                    ? "{\"error\":\"" + (status == 503 ? "temporarily_unavailable" : "server_error")
                            + "\",\"error_description\":\"Injected fault: HTTP " + status + "\"}"
                    : "{\"code\":" + status + ",\"message\":\"Injected fault: HTTP " + status + "\"}";
            write(response, status, "application/json", body);
        }

        static void invalidClient(HttpServletResponse response) throws IOException {
            write(response, 400, "application/json",
                    "{\"error\":\"invalid_client\",\"error_description\":\"The client credentials are invalid\"}");
        }

        static void malformedJson(HttpServletResponse response, FaultTarget target) throws IOException {
            write(response, 200, "application/json",
                    target == FaultTarget.TOKEN ? "{\"access_token\":\"abc\",\"expires_in\":" : "[{\"pid\":\"");
        }

        static void html(HttpServletResponse response, int status) throws IOException {
            write(response, status, "text/html;charset=UTF-8", "<!DOCTYPE html><html><head><title>Service "
                    + "Unavailable</title></head><body><h1>Service Unavailable</h1><p>The server is temporarily "
                    + "unable to service your request.</p></body></html>");
        }

        static void redirect(HttpServletResponse response, Fault fault) {
            response.setStatus(fault.statusOr(302));
            response.setHeader("Location", fault.location());
            response.setHeader("Cache-Control", "no-store");
            response.setContentLength(0);
        }

        static void truncated(HttpServletResponse response, FaultTarget target) throws IOException {
            // more than the response buffer, so that the status line, the headers and this part reach the socket
            byte[] part = ((target == FaultTarget.TOKEN ? "{\"access_token\":\"" : "[{\"pid\":\"")
                    + "x".repeat(TRUNCATED_BYTES)).getBytes(StandardCharsets.US_ASCII);
            response.setStatus(200);
            response.setContentType("application/json");
            // no "Connection: close": with it, Liberty drops Content-Length and ends the body by closing, a valid answer
            response.setContentLength(part.length * 2);
            OutputStream out = response.getOutputStream();
            out.write(part);
            out.flush();
            // the promised rest never comes: the container has to close the connection to end the exchange
        }

        private static void write(HttpServletResponse response, int status, String contentType, String body)
                throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            response.setStatus(status);
            response.setContentType(contentType);
            response.setHeader("Cache-Control", "no-store");
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }
    }
}
