/**
 * Extra Liberty servers for integration tests that need more than the one server Arquillian manages: a restart, a
 * server killed mid-flight, two servers sharing a token store. {@link it.servers.LibertyServer} runs one such server
 * from the runtime the build unpacked, with the example application; {@link it.servers.LoginJar} runs the packaged
 * one-time login. The sandbox stays on the Arquillian server, so that every server of a test talks to one sandbox,
 * whose counters and tokens outlive their restarts.
 */
package it.servers;
