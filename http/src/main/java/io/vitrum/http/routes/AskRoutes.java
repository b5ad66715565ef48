package io.vitrum.http.routes;

import io.vitrum.core.causal.ask.ParseOutcome;
import io.vitrum.core.causal.ask.Problem;
import io.vitrum.core.causal.ask.QuestionParser;
import io.vitrum.core.security.Principal;
import io.vitrum.http.auth.Access;
import io.vitrum.http.auth.Endpoint;
import io.vitrum.http.auth.Endpoint.Scope;
import io.vitrum.http.dto.AskRequest;
import io.vitrum.http.json.Json;
import io.vitrum.streams.rootcause.QuestionAnswering;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.marshallers.jackson.Jackson;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code POST /api/ask} with {@code {"q":"почему выросли пузыри после 14:00?"}}: the question is
 * parsed offline ({@link QuestionParser}, Russian or English) and answered from the incidents and
 * their root-cause analyses, in the question's language, with links to the evidence. A question it
 * cannot read is answered too ({@code "understood":false}), saying which part it did not
 * understand; only a malformed body is an error.
 */
public final class AskRoutes extends AllDirectives {
  static final Endpoint ASK = new Endpoint("POST", "/api/ask", Endpoint.ANYONE, Scope.PLANT);

  /** Every endpoint these routes serve. */
  public static final List<Endpoint> ENDPOINTS = List.of(ASK);

  private final Supplier<Set<String>> furnaces;
  private final AskSettings settings;
  private final Optional<QuestionAnswering> answering;
  private final JsonBody body;
  private final Clock clock;

  public AskRoutes(
      Supplier<Set<String>> furnaces,
      AskSettings settings,
      Optional<QuestionAnswering> answering,
      HttpSettings http,
      Clock clock) {
    this.furnaces = furnaces;
    this.settings = settings;
    this.answering = answering;
    this.body = new JsonBody(http);
    this.clock = clock;
  }

  public Route routes() {
    return path(
        "ask",
        () ->
            Access.serve(ASK, caller -> body.validated(AskRequest.class, r -> ask(caller, r.q()))));
  }

  private Route ask(Principal caller, String q) {
    QuestionParser parser =
        new QuestionParser(furnaces.get(), settings.zone(), settings.defaultWindow());
    ParseOutcome outcome = parser.parse(q, clock.instant());
    if (outcome instanceof ParseOutcome.NotUnderstood not) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("understood", false);
      out.put("language", not.language().name().toLowerCase());
      out.put("answer", not.message());
      out.put(
          "problems",
          not.problems().stream()
              .map(
                  p ->
                      Map.of(
                          "part", p.part().name().toLowerCase(),
                          "fragment", fragment(p),
                          "message", p.message(not.language())))
              .toList());
      return completeOK(out, Jackson.marshaller(Json.mapper()));
    }
    ParseOutcome.Parsed parsed = (ParseOutcome.Parsed) outcome;
    QuestionAnswering a = answering.orElseThrow(IncidentRoutes::noGraph);
    return onSuccess(
        a.answer(parsed.question(), caller::sees),
        answer -> {
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("understood", true);
          out.put("language", answer.language().name().toLowerCase());
          out.put("answer", answer.text());
          out.put("links", answer.links());
          Map<String, Object> query = new LinkedHashMap<>();
          query.put("intent", parsed.question().intent().name().toLowerCase());
          query.put("defect", parsed.question().defect().orElse(null));
          query.put("furnace", parsed.question().furnace().orElse(null));
          query.put("from", parsed.question().from().toString());
          query.put("to", parsed.question().to().toString());
          query.put("timeGiven", parsed.question().timeGiven());
          query.put("notUnderstood", parsed.question().notUnderstood());
          out.put("query", query);
          return completeOK(out, Jackson.marshaller(Json.mapper()));
        });
  }

  private static String fragment(Problem p) {
    return p.fragment() == null ? "" : p.fragment();
  }
}
