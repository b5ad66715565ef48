/**
 * The embedded-infrastructure launcher: real servers (Apache Cassandra first) started as child JVMs
 * with their own classpaths on 127.0.0.1, for the one-command dev run and for integration tests. It
 * is the {@code vitrum-embedded} module, never on a production node's classpath: tests depend on it
 * directly, and a node finds it through {@link io.vitrum.config.EmbeddedInfrastructure} ({@link
 * EmbeddedLauncher}, registered for {@link java.util.ServiceLoader}).
 */
package io.vitrum.config.embedded;
