package it;

import java.io.File;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.assertj.core.api.Assertions;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import ch.ticketpark.sandbox.client.SandboxControl;

/**
 * Small per-test deployments: the packaged client library (the very jar users get), the test's own classes, the
 * sandbox's control-plane client ({@link SandboxControl}, which finds the sandbox through the server's
 * {@code ticketpark.sandbox.url}) and a MicroProfile Config file that points the client at the sandbox.
 */
public final class Deployments {

    private Deployments() {
    }

    /** The configuration of a client that talks to the sandbox with its demo credentials. */
    public static Map<String, String> sandboxConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("ticketpark/mp-rest/url", Sandbox.url());
        config.put("ticketpark.client-key", Sandbox.CLIENT_KEY);
        config.put("ticketpark.client-secret", Sandbox.CLIENT_SECRET);
        config.put("ticketpark.username", Sandbox.USERNAME);
        config.put("ticketpark.password", Sandbox.PASSWORD);
        return config;
    }

    /**
     * A deployment of these classes with this configuration. Unless it names a token store, it keeps its tokens in
     * memory: each test starts from the sandbox's state, not from tokens an earlier deployment left on disk (the file
     * store has ITs of its own, and the example application runs on it).
     */
    public static WebArchive war(String name, Map<String, String> config, Class<?>... classes) {
        Map<String, String> effective = new LinkedHashMap<>(config);
        effective.putIfAbsent("ticketpark.token-store", "memory");
        String properties = effective.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("\n"));
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(classes)
                .addClasses(Sandbox.class, Deployments.class)
                // the sandbox's control plane, for the tests that run inside the server
                .addPackage(SandboxControl.class.getPackage())
                .addAsLibraries(clientLibrary(), jarOf(Assertions.class))
                .addAsResource(new StringAsset(properties), "META-INF/microprofile-config.properties");
        if (name.equals(System.getProperty(SecretPlant.DEPLOYMENT))) {
            war.addClass(SecretPlant.class);
        }
        return war;
    }

    /**
     * A deployment with nothing in it, for an IT whose example application runs on servers of its own
     * ({@code it.servers}): the Arquillian server then runs only the sandbox, which every server talks to.
     */
    public static WebArchive placeholder(String name) {
        return ShrinkWrap.create(WebArchive.class, name + ".war").addAsWebResource(new StringAsset(name), "index.html");
    }

    private static JavaArchive clientLibrary() {
        File jar = new File(System.getProperty("ticketpark.client.jar"));
        if (!jar.isFile()) {
            throw new IllegalStateException("Build the client first: " + jar + " is missing");
        }
        return ShrinkWrap.createFromZipFile(JavaArchive.class, jar);
    }

    private static JavaArchive jarOf(Class<?> type) {
        try {
            File jar = new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            return ShrinkWrap.createFromZipFile(JavaArchive.class, jar);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
