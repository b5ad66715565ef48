/** The Sensor entity: one per plant tag, sharded and event-sourced. */
package io.vitrum.actors.sensor;
