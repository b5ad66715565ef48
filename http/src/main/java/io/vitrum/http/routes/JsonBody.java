package io.vitrum.http.routes;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.vitrum.http.dto.ValidatedRequest;
import io.vitrum.http.errors.Problem;
import io.vitrum.http.errors.Problem.FieldError;
import io.vitrum.http.errors.ProblemException;
import io.vitrum.http.errors.Problems;
import io.vitrum.http.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.scaladsl.model.EntityStreamException;
import org.apache.pekko.util.ByteString;

/**
 * Reads a JSON request body into a DTO, or answers with a precise problem: 415 for a body that is
 * not JSON, 413 beyond the size limit, 408 for a body that does not arrive in time, 400 for bytes
 * that are not UTF-8, malformed JSON (duplicate keys included), NaN/Infinity literals, wrong types
 * and unknown fields (naming the field path), 422 for well-formed bodies whose fields are invalid.
 *
 * <p>The body is read whole, within {@code body-timeout}, and decoded strictly: a malformed byte
 * sequence is refused rather than replaced by U+FFFD. A JSON escape of an unpaired surrogate (a
 * lone high or low surrogate such as D800) parses into a string like any other; whether a field may
 * hold one is the DTO's validation, and problem details that quote one render U+FFFD in its place.
 */
final class JsonBody extends AllDirectives {
  private final long maxBytes;
  private final Duration timeout;

  JsonBody(HttpSettings settings) {
    this.maxBytes = settings.maxBodyBytes();
    this.timeout = settings.bodyTimeout();
  }

  /** Parses the body as {@code type}, then validates it, then runs {@code inner}. */
  <T extends ValidatedRequest> Route validated(Class<T> type, Function<T, Route> inner) {
    return parsed(
        type,
        body -> {
          List<FieldError> errors = body.validate();
          if (!errors.isEmpty()) {
            throw invalid(errors);
          }
          return inner.apply(body);
        });
  }

  /** Parses the body as {@code type} and runs {@code inner}; validation is the caller's. */
  <T> Route parsed(Class<T> type, Function<T, Route> inner) {
    return extractRequestEntity(
        entity -> {
          if (!entity.getContentType().mediaType().equals(MediaTypes.APPLICATION_JSON)) {
            throw new ProblemException(
                Problem.of(
                    415,
                    "unsupported-media-type",
                    "Unsupported media type",
                    "request body must be application/json, not "
                        + entity.getContentType().mediaType()));
          }
          return withSizeLimit(
              maxBytes,
              () ->
                  extractRequestEntity(
                      limited -> withText(limited, text -> inner.apply(parse(text, type)))));
        });
  }

  /**
   * Runs {@code inner} with the whole body as text: at once if it came with the request head,
   * otherwise once it has arrived, within {@code body-timeout}.
   */
  private Route withText(HttpEntity entity, Function<String, Route> inner) {
    if (entity instanceof HttpEntity.Strict strict) {
      return inner.apply(utf8(strict.getData()));
    }
    // onComplete rather than CompletionStage callbacks: Scala's CompletionStage runs those
    // asynchronously, on a new thread each time where the common pool is one thread wide.
    return extractMaterializer(
        materializer ->
            onComplete(
                entity.toStrict(timeout.toMillis(), Long.MAX_VALUE, materializer),
                read -> {
                  if (read.isFailure()) {
                    throw readFailure(read.failed().get());
                  }
                  return inner.apply(utf8(read.get().getData()));
                }));
  }

  /**
   * The problem for a body that could not be read whole (no second byte limit was given to
   * toStrict: the entity's own size limit fails the read with the API's 413, handled at the root).
   */
  private RuntimeException readFailure(Throwable failure) {
    Throwable cause = failure instanceof CompletionException c ? c.getCause() : failure;
    if (cause instanceof TimeoutException) {
      return new ProblemException(Problems.bodyTimeout(timeout));
    }
    if (cause instanceof EntityStreamException unreadable) {
      return badRequest(
          "malformed-request", "request body could not be read: " + unreadable.info().summary());
    }
    return cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
  }

  /** Decodes {@code bytes} as UTF-8, refusing malformed sequences instead of replacing them. */
  static String utf8(ByteString bytes) {
    ByteBuffer in = bytes.asByteBuffer();
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(in)
          .toString();
    } catch (CharacterCodingException e) {
      throw badRequest(
          "invalid-utf8",
          "request body is not valid UTF-8: malformed byte sequence at byte offset "
              + in.position());
    }
  }

  static ProblemException invalid(List<FieldError> errors) {
    return new ProblemException(
        Problem.of(
                422,
                "invalid-request",
                "Invalid request",
                errors.size() == 1
                    ? errors.get(0).field() + " " + errors.get(0).message()
                    : errors.size() + " fields are invalid")
            .withErrors(errors));
  }

  static <T> T parse(String text, Class<T> type) {
    if (text.isBlank()) {
      throw badRequest("malformed-json", "request body is empty");
    }
    try {
      T value = Json.mapper().readValue(text, type);
      if (value == null) {
        throw badRequest("malformed-json", "request body must be a JSON object, not null");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw problemFor(e);
    }
  }

  private static ProblemException problemFor(JsonProcessingException e) {
    // A syntax error inside a nested value arrives wrapped in a mapping exception with its path.
    JsonParseException syntax = syntaxError(e);
    if (syntax != null) {
      String message = syntax.getOriginalMessage();
      if (message.contains("Non-standard token")) {
        return badRequest(
            "non-finite-number", "NaN and Infinity are not JSON numbers" + location(syntax));
      }
      return badRequest(
          "malformed-json", "malformed JSON: " + firstLine(message) + location(syntax));
    }
    if (e instanceof UnrecognizedPropertyException unknown) {
      return badRequest(
          "unknown-field",
          "unknown field '" + path(unknown) + "'; known fields: " + unknown.getKnownPropertyIds());
    }
    if (e instanceof JsonMappingException mapping) {
      String field = path(mapping);
      return badRequest(
          "invalid-field",
          (field.isEmpty() ? "request body" : field)
              + ": "
              + firstLine(mapping.getOriginalMessage()));
    }
    return badRequest("malformed-json", "malformed JSON: " + firstLine(e.getOriginalMessage()));
  }

  private static JsonParseException syntaxError(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof JsonParseException parse) {
        return parse;
      }
    }
    return null;
  }

  private static ProblemException badRequest(String code, String detail) {
    return new ProblemException(Problem.of(400, code, "Bad request", detail));
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      } else if (ref.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      }
    }
    return path.toString();
  }
}
