package ch.ticketpark.sandbox.client.junit;

import java.io.PrintStream;
import java.lang.reflect.AnnotatedElement;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

import ch.ticketpark.sandbox.client.RecordedRequest;
import ch.ticketpark.sandbox.client.SandboxControl;

/**
 * Tests against the sandbox, with JUnit 5:
 * <ul>
 * <li>a parameter of type {@link SandboxControl} (of a test, a lifecycle method or the constructor) gets the sandbox at
 * {@link SandboxControl#fromEnvironment()}: the system property {@code ticketpark.sandbox.url}, else that MicroProfile
 * Config property, else the environment variable {@code TICKETPARK_SANDBOX_URL};</li>
 * <li>before each test the sandbox is {@linkplain SandboxControl#reset() reset}, unless the test, its class or a
 * class it is nested in is annotated {@link KeepSandbox};</li>
 * <li>when a test or its {@code @BeforeEach} method fails, the last {@value #SHOWN} token requests and the last
 * {@value #SHOWN} API requests the sandbox recorded are printed to {@code System.err}, masked as
 * {@link RecordedRequest#toString()} masks them, before any {@code @AfterEach} method runs; the failure is thrown on
 * unchanged, whatever happens while the sandbox is read. A test aborted by an assumption prints nothing.</li>
 * </ul>
 *
 * <pre>
 * &#64;ExtendWith(ArquillianExtension.class)
 * &#64;ExtendWith(SandboxExtension.class)
 * class BookingIT {
 *     &#64;Test
 *     void aTokenEndpointOutageIsRetried(SandboxControl sandbox) {
 *         sandbox.arm(Faults.token().status(503).times(2));
 *         ...
 *     }
 * }
 * </pre>
 *
 * With Arquillian's {@code ArquillianExtension}, take it as a parameter of the test method, or as a field from
 * {@link SandboxControl#fromEnvironment()}: Arquillian's own parameter resolver fails a constructor's and a lifecycle
 * method's parameters. In an Arquillian test that runs inside the server, JUnit runs the extension in the test JVM and
 * again inside the server: the deployment then needs this artifact's classes, and the server the URL (a server.xml
 * variable {@code ticketpark.sandbox.url}, which the sandbox's {@code sandbox.xml} sets). The sandbox is reset on both
 * sides, which changes nothing.
 */
public final class SandboxExtension
        implements
            BeforeEachCallback,
            ParameterResolver,
            TestExecutionExceptionHandler,
            LifecycleMethodExecutionExceptionHandler {

    /** How many requests of each target a failure shows. */
    static final int SHOWN = 10;

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
            .create(SandboxExtension.class);

    private final PrintStream out;

    public SandboxExtension() {
        this(System.err);
    }

    SandboxExtension(PrintStream out) {
        this.out = out;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!kept(context)) {
            sandbox(context).reset();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SandboxControl.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return sandbox(context);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        show(context, failure);
        throw failure;
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure)
            throws Throwable {
        show(context, failure);
        throw failure;
    }

    private void show(ExtensionContext context, Throwable failure) {
        if (!(failure instanceof TestAbortedException)) {
            out.println(lastRequests(context));
        }
    }

    /** Never throws: a sandbox that cannot be found or read is said, and the test's own failure stays. */
    private static String lastRequests(ExtensionContext context) {
        String header = context.getDisplayName() + " failed; what the sandbox";
        try {
            SandboxControl sandbox = sandbox(context);
            header += " at " + sandbox.url();
            StringBuilder shown = new StringBuilder(header).append(" received last:");
            for (String target : List.of("token", "api")) {
                List<RecordedRequest> requests = sandbox.requests(target, SHOWN);
                shown.append(System.lineSeparator()).append("  ").append(target).append(" (last ")
                        .append(requests.size()).append(", oldest first):");
                requests.forEach(request -> shown.append(System.lineSeparator()).append("    ").append(request));
            }
            return shown.toString();
        } catch (RuntimeException | StackOverflowError e) {
            return header + " could not be read: " + e.getMessage();
        }
    }

    private static SandboxControl sandbox(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(SandboxControl.class,
                type -> SandboxControl.fromEnvironment(), SandboxControl.class);
    }

    /** Whether the test, its class or a class it is nested in is annotated {@link KeepSandbox}. */
    private static boolean kept(ExtensionContext context) {
        for (Optional<ExtensionContext> level = Optional.of(context); level.isPresent(); level = level.get()
                .getParent()) {
            Optional<AnnotatedElement> element = level.get().getElement();
            if (element.isPresent() && element.get().isAnnotationPresent(KeepSandbox.class)) {
                return true;
            }
        }
        return false;
    }
}
