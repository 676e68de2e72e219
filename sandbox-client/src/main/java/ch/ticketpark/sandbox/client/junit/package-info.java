/**
 * JUnit 5 support for tests against the sandbox: {@link ch.ticketpark.sandbox.client.junit.SandboxExtension} hands a
 * test a ready {@link ch.ticketpark.sandbox.client.SandboxControl}, resets the sandbox before each test (unless
 * {@link ch.ticketpark.sandbox.client.junit.KeepSandbox}) and, when a test fails, prints the last requests the sandbox
 * recorded, masked. Needs {@code junit-jupiter-api} on the test class path; the rest of the artifact does not.
 */
package ch.ticketpark.sandbox.client.junit;
