/**
 * The application bench/run drives on Open Liberty (load: {@code ch.ticketpark.bench.LibertyLoad}): two endpoints
 * that read the sandbox's events, one through the library's {@code EventsClient} ({@code GET /bench/library}), one
 * through a REST client of its own that carries a constant token ({@code GET /bench/static}). The difference between
 * them is what the library costs an application per request, token lookup, its filters and its error mapping included.
 */
package ch.ticketpark.bench.liberty;
