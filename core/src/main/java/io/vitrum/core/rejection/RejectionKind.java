package io.vitrum.core.rejection;

/**
 * The class of a refusal, independent of any protocol: the HTTP edge maps each to one status, a
 * stream to quarantine or retry.
 */
public enum RejectionKind {
  /** The request is malformed before any state is looked at. */
  BAD_REQUEST,
  /** The thing named does not exist. */
  NOT_FOUND,
  /** The request is valid but conflicts with the current state (e.g. the autonomy mode). */
  CONFLICT,
  /** The request is well-formed but a value is not acceptable (bounds, step, reason). */
  UNPROCESSABLE,
  /** Too much work is in flight; the same request may succeed a little later. */
  BUSY,
  /** Nothing was applied because a dependency (the journal) failed; retry. */
  UNAVAILABLE
}
