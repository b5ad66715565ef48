/**
 * The Policy entity (one per furnace): training and evaluation of the furnace's setpoint policy,
 * its deployment in an autonomy mode, its recommendations and their approval, and its rollback.
 */
package io.vitrum.actors.policy;
