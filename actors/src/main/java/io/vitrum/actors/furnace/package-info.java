/**
 * The Furnace entity: setpoints with who and why (and where their write to the plant stands),
 * autonomy mode and alarms of one furnace; and the read side that raises and clears its alarms from
 * sensor anomalies, at least once.
 */
package io.vitrum.actors.furnace;
