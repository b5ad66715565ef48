/** The Furnace entity: setpoints with who and why, autonomy mode and alarms of one furnace. */
package io.vitrum.actors.furnace;
