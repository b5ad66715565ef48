package io.vitrum.http.auth;

/** A bearer token that is not valid; the message says why, without echoing the token. */
public final class InvalidTokenException extends Exception {
  public InvalidTokenException(String reason) {
    super(reason, null, false, false);
  }
}
