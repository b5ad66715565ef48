package io.vitrum.streams.ingest.opcua;

import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;

/** OPC UA status codes and failures in words, for payload renderings, logs and source handles. */
final class OpcUaStatus {
  private OpcUaStatus() {}

  /** The symbolic name of {@code code}, e.g. {@code Bad_SensorFailure} (info bits ignored). */
  static String name(StatusCode code) {
    long base = code.value() & 0xFFFF0000L;
    return StatusCodes.lookup(base).map(n -> n[0]).orElse(String.format("0x%08X", code.value()));
  }

  /** The name and the specification's description of {@code code}. */
  static String describe(StatusCode code) {
    long base = code.value() & 0xFFFF0000L;
    return StatusCodes.lookup(base)
        .map(n -> n.length > 1 && !n[1].isBlank() ? n[0] + " (" + n[1] + ")" : n[0])
        .orElse(String.format("0x%08X", code.value()));
  }

  /** The OPC UA status behind {@code error}, if any. */
  static Optional<StatusCode> of(Throwable error) {
    return UaException.extractStatusCode(unwrap(error));
  }

  /** {@code error} in one line: its status code's name and description where it has one. */
  static String describe(Throwable error) {
    Throwable e = unwrap(error);
    Optional<StatusCode> code = UaException.extractStatusCode(e);
    if (code.isPresent()) {
      String text = describe(code.get());
      String message = e.getMessage();
      return message == null || message.isBlank() || text.contains(message)
          ? text
          : text + ": " + message;
    }
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  private static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }
}
