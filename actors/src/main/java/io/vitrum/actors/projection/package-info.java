/**
 * Read sides over tagged events, reusable by every projection (alarms, causal graph, audit,
 * dashboards): {@link io.vitrum.actors.projection.TagSlices} names the tags an entity writes, and
 * {@link io.vitrum.actors.projection.TaggedProjection} runs one at-least-once projection per tag,
 * spread over the cluster, with its offsets in Cassandra.
 */
package io.vitrum.actors.projection;
