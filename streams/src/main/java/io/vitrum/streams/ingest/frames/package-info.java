/**
 * MIK-1 inspection frames: checked (PNG or binary PGM, sane size), written to Kafka {@code
 * vitrum.frames} with their metadata, counted per furnace, and kept there until the vision model
 * consumes them; bad frames are quarantined with their reason.
 */
package io.vitrum.streams.ingest.frames;
