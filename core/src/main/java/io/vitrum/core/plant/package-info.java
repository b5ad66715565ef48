/** The plant vocabulary: tag ids, readings, setpoint parameters and their safe bounds. */
package io.vitrum.core.plant;
