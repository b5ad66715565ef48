/**
 * A deterministic synthetic glass plant: sensor streams with realistic instrument errors and
 * faults, defects drawn causally from the process state with their true cause, scheduled fault
 * scenarios with ground-truth root causes, inspection camera frames with labels, and the dataset
 * export used to train and evaluate models. Same seed, same output; nothing reads the wall clock.
 */
package io.vitrum.core.sim;
