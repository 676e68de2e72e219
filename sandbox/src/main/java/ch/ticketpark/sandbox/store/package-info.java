/**
 * The in-memory records of the sandbox: one engine ({@link ch.ticketpark.sandbox.store.ResourceStore}) driven by
 * per-collection descriptors ({@link ch.ticketpark.sandbox.store.Schema}: fields and types, references, owning host,
 * cascade, pid style), the query language of the API ({@link ch.ticketpark.sandbox.store.QueryParser}) and the seed
 * data ({@link ch.ticketpark.sandbox.store.SeedData}). No JAX-RS in here.
 */
package ch.ticketpark.sandbox.store;
