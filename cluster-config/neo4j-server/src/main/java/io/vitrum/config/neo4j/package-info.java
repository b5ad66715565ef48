/**
 * The one entry point of the embedded Neo4j child JVM ({@link
 * io.vitrum.config.neo4j.Neo4jServerMain}): it runs on the classpath this module resolves at build
 * time, never on the engine's.
 */
package io.vitrum.config.neo4j;
