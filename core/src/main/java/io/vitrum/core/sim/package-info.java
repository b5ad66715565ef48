/**
 * A deterministic synthetic glass plant: sensor streams with realistic instrument errors and
 * faults, defects drawn causally from the process state with their true cause, scheduled fault
 * scenarios with ground-truth root causes, and inspection camera frames with labels: the data that
 * the dataset export ({@code io.vitrum.loadtests.sim.DatasetExport}, which does the file I/O)
 * writes to train and evaluate models. Same seed, same output; nothing reads the wall clock.
 */
package io.vitrum.core.sim;
