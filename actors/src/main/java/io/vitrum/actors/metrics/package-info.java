/** Micrometer meters of the entities, registered on the node's shared registry. */
package io.vitrum.actors.metrics;
