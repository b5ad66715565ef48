package io.vitrum.http.errors;

import org.apache.pekko.event.LoggingAdapter;
import org.apache.pekko.http.ParsingErrorHandler;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.scaladsl.model.ErrorInfo;
import org.apache.pekko.http.scaladsl.model.StatusCode;
import org.apache.pekko.http.scaladsl.settings.ServerSettings;

/**
 * Answers requests that Pekko HTTP refuses before any route sees them (a malformed request line or
 * URI, a URI or headers over the limits, an unsupported method, transfer encoding or HTTP version,
 * a body where none is allowed) with a problem document instead of Pekko's plain text. Configured
 * as {@code pekko.http.server.parsing.error-handler}; Pekko instantiates it by its no-argument
 * constructor.
 *
 * <p>The request could not be parsed, so the problem has no {@code instance} and a fresh
 * correlation id. Logging follows {@code pekko.http.server.parsing.error-logging-verbosity}.
 */
public final class ProblemParsingErrorHandler extends ParsingErrorHandler {

  @Override
  public HttpResponse handle(
      StatusCode status, ErrorInfo info, LoggingAdapter log, ServerSettings settings) {
    String verbosity = String.valueOf(settings.getParserSettings().getErrorLoggingVerbosity());
    if (!verbosity.equals("Off")) {
      log.warning(
          "Illegal request, responding with status '{}': {}",
          status,
          verbosity.equals("Full") ? info.formatPretty() : info.summary());
    }
    String detail = settings.verboseErrorMessages() ? info.formatPretty() : info.summary();
    int code = status.intValue();
    return Problems.response(
        Problem.of(
                code,
                Problems.codeFor(code),
                status.reason(),
                detail == null || detail.isBlank() ? status.defaultMessage() : detail)
            .at(null, CorrelationIds.fresh()));
  }
}
