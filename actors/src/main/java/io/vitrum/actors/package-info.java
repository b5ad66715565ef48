/** Pekko Typed behaviours: Vitrum's sharded, event-sourced entities and node services. */
package io.vitrum.actors;
