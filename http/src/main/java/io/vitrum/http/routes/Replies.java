package io.vitrum.http.routes;

import io.vitrum.actors.common.Confirmation;
import io.vitrum.core.rejection.Rejection;
import io.vitrum.core.rejection.RejectionKind;
import io.vitrum.http.dto.CommandResponse;
import io.vitrum.http.errors.Problem;
import io.vitrum.http.errors.ProblemException;

/**
 * Maps entities' typed replies to HTTP: accepted -> 200, rejected -> a problem whose status comes
 * from the rejection's kind and whose code is the rejection's wire code.
 */
final class Replies {
  private Replies() {}

  /** The response body of an accepted command; throws the problem of a rejected one. */
  static CommandResponse acceptedOrThrow(Confirmation reply) {
    if (reply instanceof Confirmation.Rejected rejected) {
      throw problem(rejected.rejection(), "Command rejected");
    }
    return CommandResponse.accepted(((Confirmation.Accepted) reply).detail());
  }

  /** The problem that answers {@code rejection}, titled {@code title}. */
  static ProblemException problem(Rejection rejection, String title) {
    return new ProblemException(
        Problem.of(
            statusFor(rejection.kind()), rejection.code().wire(), title, rejection.reason()));
  }

  static int statusFor(RejectionKind kind) {
    return switch (kind) {
      case BAD_REQUEST -> 400;
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
      case UNPROCESSABLE -> 422;
      case BUSY -> 429;
      case UNAVAILABLE -> 503;
    };
  }
}
