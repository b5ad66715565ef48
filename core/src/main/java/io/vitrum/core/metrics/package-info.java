/** Arithmetic over metric snapshots: quantiles from histogram buckets. */
package io.vitrum.core.metrics;
