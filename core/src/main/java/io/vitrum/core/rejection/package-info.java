/**
 * Why a command, a reading or a request was refused: one {@link io.vitrum.core.rejection.Rejection}
 * type with a stable {@link io.vitrum.core.rejection.RejectionCode}, whose {@link
 * io.vitrum.core.rejection.RejectionKind} tells every edge (HTTP, quarantine, metrics) what class
 * of refusal it is.
 */
package io.vitrum.core.rejection;
