package io.vitrum.http.dto;

/** Reply to an accepted command: {@code {"status":"accepted","detail":"setpoint changed"}}. */
public record CommandResponse(String status, String detail) {
  public static CommandResponse accepted(String detail) {
    return new CommandResponse("accepted", detail);
  }
}
