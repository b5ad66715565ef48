/** Feeding the engine from the deterministic plant simulator until real sources are set up. */
package io.vitrum.streams.ingest.sim;
