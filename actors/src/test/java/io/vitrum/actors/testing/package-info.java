/**
 * Test fixtures of the actors module: configurations for entity unit tests, the shared embedded
 * Cassandra and node configuration for integration tests, and cluster helpers.
 */
package io.vitrum.actors.testing;
