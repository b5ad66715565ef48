/**
 * The embedded-infrastructure launcher: real servers (Apache Cassandra, Apache Kafka in KRaft mode,
 * the Moquette MQTT broker) and the simulated plant, each started as a child JVM with its own
 * classpath on 127.0.0.1, for the one-command dev run and for integration tests. {@code
 * ChildProcess} holds what they share (guard, pid and ports files, lock, reuse, readiness, stop).
 * It is the {@code vitrum-embedded} module, never on a production node's classpath: tests depend on
 * it directly, and a node finds it through {@link io.vitrum.config.EmbeddedInfrastructure} ({@link
 * EmbeddedLauncher}, registered for {@link java.util.ServiceLoader}).
 */
package io.vitrum.config.embedded;
