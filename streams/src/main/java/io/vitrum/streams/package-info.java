/** Pekko Streams stages: sources into the entities, with backpressure. */
package io.vitrum.streams;
