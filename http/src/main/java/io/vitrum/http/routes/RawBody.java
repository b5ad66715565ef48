package io.vitrum.http.routes;

import io.vitrum.http.errors.Problem;
import io.vitrum.http.errors.ProblemException;
import io.vitrum.http.errors.Problems;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.scaladsl.model.EntityStreamException;

/**
 * Reads a non-JSON request body (a CSV file, an image) whole, within the size limit (413) and
 * {@code body-timeout} (408), as {@link JsonBody} does for JSON.
 */
final class RawBody extends AllDirectives {
  private final long maxBytes;
  private final Duration timeout;

  RawBody(HttpSettings settings) {
    this.maxBytes = settings.maxBodyBytes();
    this.timeout = settings.bodyTimeout();
  }

  /** Runs {@code inner} with the body's bytes and its entity (for the content type). */
  Route bytes(Function2<HttpEntity, byte[], Route> inner) {
    return withSizeLimit(
        maxBytes,
        () ->
            extractRequestEntity(
                entity -> {
                  if (entity instanceof HttpEntity.Strict strict) {
                    return inner.apply(entity, strict.getData().toArray());
                  }
                  return extractMaterializer(
                      materializer ->
                          onComplete(
                              entity.toStrict(timeout.toMillis(), Long.MAX_VALUE, materializer),
                              read -> {
                                if (read.isFailure()) {
                                  throw failure(read.failed().get());
                                }
                                return inner.apply(entity, read.get().getData().toArray());
                              }));
                }));
  }

  /** Runs {@code inner} with the body as strict UTF-8 text. */
  Route text(Function<String, Route> inner) {
    return bytes(
        (entity, bytes) ->
            inner.apply(JsonBody.utf8(org.apache.pekko.util.ByteString.fromArray(bytes))));
  }

  /** A route built from an entity and its bytes. */
  @FunctionalInterface
  interface Function2<A, B, R> {
    R apply(A a, B b);
  }

  private RuntimeException failure(Throwable failure) {
    Throwable cause = failure instanceof CompletionException c ? c.getCause() : failure;
    if (cause instanceof TimeoutException) {
      return new ProblemException(Problems.bodyTimeout(timeout));
    }
    if (cause instanceof EntityStreamException unreadable) {
      return new ProblemException(
          Problem.of(
              400,
              "malformed-request",
              "Bad request",
              "request body could not be read: " + unreadable.info().summary()));
    }
    return cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
  }
}
