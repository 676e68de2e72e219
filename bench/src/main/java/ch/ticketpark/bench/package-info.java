/**
 * Benchmarks of this library against its peers (Keycloak's admin-client {@code TokenManager}, Spring Security's
 * authorized-client manager) and a static header: the per-request cost in JMH ({@link ch.ticketpark.bench
 * .PerRequestBenchmark}), the expiry storm ({@link ch.ticketpark.bench.ExpiryStorm}) against a loopback token
 * endpoint with FOS semantics ({@link ch.ticketpark.bench.LoopbackTokenEndpoint}), the heap one application's use of
 * the library retains ({@link ch.ticketpark.bench.RetainedHeap}), and the load driver of the run through Liberty
 * ({@link ch.ticketpark.bench.LibertyLoad}, against the bench-liberty module's WAR). Run on demand by
 * {@code bench/run}; the build compiles it and runs it once in a smoke mode.
 */
package ch.ticketpark.bench;
