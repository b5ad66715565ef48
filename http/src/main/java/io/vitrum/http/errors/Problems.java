package io.vitrum.http.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vitrum.http.json.Json;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.http.javadsl.model.AttributeKey;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.HttpCharsets;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.apache.pekko.http.javadsl.server.MalformedRequestContentRejection;
import org.apache.pekko.http.javadsl.server.Rejection;
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
 *
 * <p>The handlers are built once: they read the correlation id from the request attribute {@link
 * #CORRELATION_ID} that the root route sets, so nothing here is allocated per request.
 */
public final class Problems extends AllDirectives {
  /** {@code application/problem+json}. */
  public static final ContentType PROBLEM_JSON =
      MediaTypes.applicationWithFixedCharset("problem+json", HttpCharsets.UTF_8).toContentType();

  /** The header that carries the correlation id in and out. */
  public static final String CORRELATION_HEADER = "X-Correlation-Id";

  /** The request's correlation id, as the root route accepted or generated it. */
  public static final AttributeKey<String> CORRELATION_ID =
      AttributeKey.create("vitrum-correlation-id", String.class);

  private static final Logger log = LoggerFactory.getLogger(Problems.class);

  private final ExceptionHandler exceptions =
      ExceptionHandler.newBuilder().matchAny(e -> complete(problemFor(unwrap(e)))).build();

  /**
   * Pekko's default rejection handling, rendered as problems. An unreadable body is handled here
   * first: the default text of an oversized one names server configuration keys. The rest are
   * handed back to Pekko's default handler, whose response is then rewritten as a problem.
   */
  private final RejectionHandler rejections =
      RejectionHandler.newBuilder()
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
                              "request body could not be read: " + rejection.message())))
          .handleAll(Rejection.class, this::byDefaultHandler)
          .handleNotFound(
              complete(
                  Problem.of(
                      404, "not-found", "Not Found", "The requested resource could not be found.")))
          .build();

  /** Wraps {@code inner} so that nothing leaves it except as a problem document. */
  public Route handle(Route inner) {
    return handleExceptions(exceptions, () -> handleRejections(rejections, () -> inner));
  }

  /** Completes with {@code problem}, stamped with the request path and correlation id. */
  public Route complete(Problem problem) {
    return extractRequest(request -> complete(response(problem, request)));
  }

  /** The HTTP response for {@code problem} as the answer to {@code request}. */
  public static HttpResponse response(Problem problem, HttpRequest request) {
    return response(problem.at(request.getUri().path(), correlationId(request)));
  }

  /** The HTTP response for {@code problem}. */
  public static HttpResponse response(Problem problem) {
    byte[] body;
    try {
      body = Json.mapper().writeValueAsBytes(problem.withWellFormedText());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render problem " + problem.code(), e);
    }
    return HttpResponse.create()
        .withStatus(problem.status())
        .addHeader(RawHeader.create(CORRELATION_HEADER, String.valueOf(problem.correlationId())))
        .withEntity(HttpEntities.create(PROBLEM_JSON, body));
  }

  /**
   * The correlation id of {@code request}: the one the root route set, else the caller's if it is
   * safe, else a fresh one (for requests answered outside the root route).
   */
  public static String correlationId(HttpRequest request) {
    return request
        .getAttribute(CORRELATION_ID)
        .orElseGet(
            () ->
                CorrelationIds.acceptOrFresh(
                    request.getHeader(CORRELATION_HEADER).map(HttpHeader::value)));
  }

  /**
   * The answer when the server's own request timeout ({@code pekko.http.server.request-timeout})
   * expires before the route answered: 503 {@code timeout}, like an entity that does not answer.
   */
  public static HttpResponse requestTimeout(HttpRequest request, String correlationId) {
    return response(
        Problem.of(
                503,
                "timeout",
                "Service unavailable",
                "the server did not answer in time; the command may or may not have been applied:"
                    + " retry (commands are idempotent)")
            .at(request.getUri().path(), correlationId));
  }

  /** 408 {@code request-timeout}: the client did not send its whole request body in time. */
  public static Problem bodyTimeout(Duration limit) {
    return Problem.of(
        408,
        "request-timeout",
        "Request timeout",
        "the request body was not received within " + limit.toMillis() + " ms");
  }

  /**
   * The stable code of an error that only has a status: one the server's own layers (parsing,
   * routing defaults) produce.
   */
  public static String codeFor(int status) {
    return switch (status) {
      case 400 -> "bad-request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 406 -> "not-acceptable";
      case 408 -> "request-timeout";
      case 413 -> "payload-too-large";
      case 414 -> "uri-too-long";
      case 415 -> "unsupported-media-type";
      case 417 -> "expectation-failed";
      case 422 -> "unprocessable-content";
      case 431 -> "headers-too-large";
      case 500 -> "internal-error";
      case 501 -> "not-implemented";
      case 503 -> "unavailable";
      case 505 -> "http-version-not-supported";
      default -> "http-" + status;
    };
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

  /** Pekko's default answer to {@code rejected}, rewritten as a problem. */
  private Route byDefaultHandler(List<Rejection> rejected) {
    Rejection[] rest = rejected.subList(1, rejected.size()).toArray(new Rejection[0]);
    return extractRequest(
        request ->
            mapResponse(
                response -> asProblem(response, request),
                () ->
                    handleRejections(
                        RejectionHandler.defaultHandler(), () -> reject(rejected.get(0), rest))));
  }

  private static HttpResponse asProblem(HttpResponse response, HttpRequest request) {
    if (response.entity().getContentType().equals(PROBLEM_JSON)) {
      return response;
    }
    String text =
        response.entity() instanceof HttpEntity.Strict strict
            ? strict.getData().utf8String()
            : response.status().reason();
    int status = response.status().intValue();
    // Keep the default's headers: Allow on 405, WWW-Authenticate on 401.
    return response(Problem.of(status, codeFor(status), response.status().reason(), text), request)
        .addHeaders(response.getHeaders());
  }
}
