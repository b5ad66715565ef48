/** The Twin entity: the physics digital twin of one furnace, kept in step with the plant. */
package io.vitrum.actors.twin;
