/**
 * The embedded-infrastructure launcher: real servers (Apache Cassandra first) started as child JVMs
 * with their own classpaths on 127.0.0.1, for the one-command dev run and for integration tests.
 * Nothing here is on the path of a production deployment.
 */
package io.vitrum.config.embedded;
