/** The Model entity: versions, promotion, shadow runs and rollback of one model. */
package io.vitrum.actors.model;
