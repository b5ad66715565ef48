/**
 * Root-cause analysis figures: ranking accuracy on simulated incidents with known causes (full and
 * sparse instrumentation, with and without the physics check) and ranking latency on the bundled
 * ontology and on a synthetic one of about 10,000 nodes.
 */
package io.vitrum.loadtests.rootcause;
