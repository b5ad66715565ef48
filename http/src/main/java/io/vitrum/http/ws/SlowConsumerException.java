package io.vitrum.http.ws;

/** A client did not take its reliable messages fast enough: its buffer of them is full. */
final class SlowConsumerException extends RuntimeException {
  SlowConsumerException(int held) {
    super("the client did not take its alerts: " + held + " are waiting", null, false, false);
  }
}
