package io.vitrum.http.routes;

import io.vitrum.actors.common.Confirmation;
import io.vitrum.http.dto.CommandResponse;
import io.vitrum.http.errors.Problem;
import io.vitrum.http.errors.ProblemException;

/** Maps entities' typed replies to HTTP: accepted -> 200, rejected -> a problem by its code. */
final class Replies {
  private Replies() {}

  /** The response body of an accepted command; throws the problem of a rejected one. */
  static CommandResponse acceptedOrThrow(Confirmation reply) {
    if (reply instanceof Confirmation.Rejected rejected) {
      throw new ProblemException(
          Problem.of(
              statusFor(rejected.code()), rejected.code(), "Command rejected", rejected.reason()));
    }
    return CommandResponse.accepted(((Confirmation.Accepted) reply).detail());
  }

  static int statusFor(String code) {
    return switch (code) {
      case "autonomy-forbids" -> 409;
      case "unknown-alarm" -> 404;
      default -> 422;
    };
  }
}
