/**
 * The bench server, started by the build: its two endpoints, and the load driver bench/run uses, run once briefly.
 */
package it.bench;
