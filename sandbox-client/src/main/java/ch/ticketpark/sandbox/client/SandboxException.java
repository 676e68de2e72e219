package ch.ticketpark.sandbox.client;

/**
 * The sandbox's control plane could not be reached or refused a request: the message says which URL, and what to
 * check (is the sandbox deployed at that URL?).
 */
public class SandboxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SandboxException(String message) {
        super(message);
    }

    public SandboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
