/**
 * The feature stage: per-furnace feature vectors from readings, for the live stream and for replays
 * of history.
 */
package io.vitrum.streams.features;
