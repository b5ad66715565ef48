package io.vitrum.http.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vitrum.http.json.Json;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.HttpCharsets;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.apache.pekko.http.javadsl.server.MalformedRequestContentRejection;
import org.apache.pekko.http.javadsl.server.RejectionHandler;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;
import org.apache.pekko.pattern.AskTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The root error handling of the API: every exception and every rejection becomes an {@code
 * application/problem+json} response with a stable code, the request path and the correlation id.
 * Business rejections are mapped by the routes; this class covers the rest.
 */
public final class Problems extends AllDirectives {
  /** {@code application/problem+json}. */
  public static final ContentType PROBLEM_JSON =
      MediaTypes.applicationWithFixedCharset("problem+json", HttpCharsets.UTF_8).toContentType();

  /** The header that carries the correlation id in and out. */
  public static final String CORRELATION_HEADER = "X-Correlation-Id";

  private static final Logger log = LoggerFactory.getLogger(Problems.class);

  /** Wraps {@code inner} so that nothing leaves it except as a problem document. */
  public Route handle(String correlationId, Route inner) {
    return extractUri(
        uri ->
            handleExceptions(
                exceptionHandler(correlationId),
                () -> handleRejections(rejectionHandler(correlationId, uri.path()), () -> inner)));
  }

  /** Completes with {@code problem}, stamped with the request path and correlation id. */
  public Route complete(Problem problem, String correlationId) {
    return extractUri(uri -> complete(response(problem.at(uri.path(), correlationId))));
  }

  /** The HTTP response for {@code problem}. */
  public static HttpResponse response(Problem problem) {
    try {
      return HttpResponse.create()
          .withStatus(problem.status())
          .addHeader(RawHeader.create(CORRELATION_HEADER, String.valueOf(problem.correlationId())))
          .withEntity(HttpEntities.create(PROBLEM_JSON, Json.mapper().writeValueAsBytes(problem)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render problem " + problem.code(), e);
    }
  }

  private ExceptionHandler exceptionHandler(String correlationId) {
    return ExceptionHandler.newBuilder()
        .matchAny(e -> complete(problemFor(unwrap(e)), correlationId))
        .build();
  }

  private static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private static Problem problemFor(Throwable e) {
    if (e instanceof ProblemException p) {
      return p.problem();
    }
    if (e instanceof EntityStreamSizeException size) {
      return tooLarge(size);
    }
    if (e instanceof AskTimeoutException || e instanceof TimeoutException) {
      return Problem.of(
          503,
          "timeout",
          "Service unavailable",
          "the cluster did not answer in time; the command may or may not have been applied: retry (commands are idempotent)");
    }
    log.error("Unhandled error in the HTTP API", e);
    return Problem.of(500, "internal-error", "Internal error", "an unexpected error occurred");
  }

  private static Problem tooLarge(EntityStreamSizeException size) {
    return Problem.of(
        413,
        "payload-too-large",
        "Payload too large",
        "request body exceeds the limit of " + size.limit() + " bytes");
  }

  /**
   * Pekko's default rejection handling, rendered as problems. An unreadable body is handled here
   * first: the default text of an oversized one names server configuration keys.
   */
  private RejectionHandler rejectionHandler(String correlationId, String path) {
    return RejectionHandler.newBuilder()
        .handle(
            MalformedRequestContentRejection.class,
            rejection ->
                complete(
                    rejection.getCause() instanceof EntityStreamSizeException size
                        ? tooLarge(size)
                        : Problem.of(
                            400,
                            "malformed-request",
                            "Bad request",
                            "request body could not be read: " + rejection.message()),
                    correlationId))
        .build()
        .withFallback(RejectionHandler.defaultHandler())
        .mapRejectionResponse(
            response -> {
              if (response.entity().getContentType().equals(PROBLEM_JSON)) {
                return response;
              }
              String text =
                  response.entity() instanceof HttpEntity.Strict strict
                      ? strict.getData().utf8String()
                      : response.status().reason();
              int status = response.status().intValue();
              // Keep the default's headers: Allow on 405, WWW-Authenticate on 401.
              return response(
                      Problem.of(status, codeFor(status), response.status().reason(), text)
                          .at(path, correlationId))
                  .addHeaders(response.getHeaders());
            });
  }

  private static String codeFor(int status) {
    return switch (status) {
      case 400 -> "bad-request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 406 -> "not-acceptable";
      case 413 -> "payload-too-large";
      case 415 -> "unsupported-media-type";
      default -> "http-" + status;
    };
  }
}
