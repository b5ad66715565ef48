/**
 * History benchmarks: the history writer's sustained points/s from Kafka into Cassandra, its
 * Cassandra writes and its query latencies, each against a one-row-per-point baseline in the same
 * run, on real servers started for the run.
 */
package io.vitrum.loadtests.history;
