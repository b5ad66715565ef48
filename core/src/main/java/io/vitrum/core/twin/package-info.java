/**
 * The digital twin of one furnace line: an observer that keeps the physics model of {@link
 * io.vitrum.core.physics} in step with plant readings and absorbs slow mismatch, forecasts, what-if
 * comparisons of setpoint changes, and shadow runs of candidate setpoints. Every record here is
 * immutable and built from records, enums, numbers, lists and string-keyed maps so that an
 * event-sourced entity can persist it; no random source lives in the twin.
 */
package io.vitrum.core.twin;
