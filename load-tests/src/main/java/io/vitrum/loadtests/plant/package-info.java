/**
 * The simulated plant as its own process ({@link io.vitrum.loadtests.plant.PlantMain}): the core
 * {@code PlantSimulator} advanced in real time on one thread and served over the protocols a real
 * plant speaks, wired by {@code core.sim.PlantWiring}: an OPC UA server, MQTT JSON readings and
 * setpoint commands, a Modbus TCP server and MIK-1 camera frames to Kafka. Setpoint writes from any
 * protocol enter one {@link io.vitrum.loadtests.plant.SetpointInbox} and are applied on the
 * simulation thread; so do the fault injections and repairs of its HTTP control API ({@link
 * io.vitrum.loadtests.plant.PlantControlServer}, {@code /faults} on 127.0.0.1). It is the engine's
 * dev-run plant and the protocol load generator.
 */
package io.vitrum.loadtests.plant;
