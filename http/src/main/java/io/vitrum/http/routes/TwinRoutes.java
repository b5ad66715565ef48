package io.vitrum.http.routes;

import io.vitrum.actors.common.Confirmation;
import io.vitrum.actors.twin.Twin;
import io.vitrum.core.plant.FurnaceId;
import io.vitrum.core.rejection.RejectionCode;
import io.vitrum.core.security.Role;
import io.vitrum.http.auth.Access;
import io.vitrum.http.auth.Endpoint;
import io.vitrum.http.auth.Endpoint.Scope;
import io.vitrum.http.dto.SetpointChangesRequest;
import io.vitrum.http.dto.ShadowResponse;
import io.vitrum.http.dto.TwinResponse;
import io.vitrum.http.dto.WhatIfResponse;
import io.vitrum.http.errors.Problem;
import io.vitrum.http.errors.Problem.FieldError;
import io.vitrum.http.errors.ProblemException;
import io.vitrum.http.json.Json;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.http.javadsl.marshallers.jackson.Jackson;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code /api/twin/{furnace}}: GET shows the twin; {@code /what-if} POST simulates setpoint changes
 * against the synced state (429 {@code busy} while the twin runs as many as it may); {@code
 * /scenarios/{id}} GET shows a recent what-if again with its trajectories; {@code /shadow} POST
 * starts, GET reports and DELETE stops a shadow run of candidate setpoints.
 *
 * <p>A what-if is two asks, each answered by a small message wherever the twin lives: the summary,
 * then the trajectories at the twin's bounded resolution.
 */
public final class TwinRoutes extends AllDirectives {
  static final Endpoint SHOW = Endpoint.get("/api/twin/{id}", Scope.FURNACE);
  static final Endpoint WHAT_IF =
      Endpoint.of("POST", "/api/twin/{id}/what-if", Scope.FURNACE, Role.OPERATOR);
  static final Endpoint SCENARIO =
      Endpoint.get("/api/twin/{id}/scenarios/{scenarioId}", Scope.FURNACE);
  static final Endpoint START_SHADOW =
      Endpoint.of("POST", "/api/twin/{id}/shadow", Scope.FURNACE, Role.OPERATOR);
  static final Endpoint SHOW_SHADOW = Endpoint.get("/api/twin/{id}/shadow", Scope.FURNACE);
  static final Endpoint STOP_SHADOW =
      Endpoint.of("DELETE", "/api/twin/{id}/shadow", Scope.FURNACE, Role.OPERATOR);

  /** Every endpoint these routes serve. */
  public static final List<Endpoint> ENDPOINTS =
      List.of(SHOW, WHAT_IF, SCENARIO, START_SHADOW, SHOW_SHADOW, STOP_SHADOW);

  private final ClusterSharding sharding;
  private final HttpSettings settings;
  private final int maxHorizonMinutes;
  private final JsonBody body;

  /**
   * @param maxHorizonMinutes the twin's longest what-if horizon, checked before asking it
   */
  public TwinRoutes(ClusterSharding sharding, HttpSettings settings, int maxHorizonMinutes) {
    this.sharding = sharding;
    this.settings = settings;
    this.maxHorizonMinutes = maxHorizonMinutes;
    this.body = new JsonBody(settings);
  }

  public Route routes() {
    return pathPrefix(
        "twin",
        () ->
            pathPrefix(
                PathMatchers.segment(),
                furnace -> {
                  if (!FurnaceId.isValid(furnace)) {
                    throw new ProblemException(
                        Problem.of(
                            400,
                            "invalid-furnace-id",
                            "Invalid furnace id",
                            "furnace id '"
                                + furnace
                                + "' must be 1-32 letters, digits, '-' or '_'"));
                  }
                  return concat(
                      pathEnd(() -> Access.serve(SHOW, furnace, caller -> show(furnace))),
                      path(
                          "what-if",
                          () -> Access.serve(WHAT_IF, furnace, caller -> whatIf(furnace))),
                      path(
                          PathMatchers.segment("scenarios").slash(PathMatchers.segment()),
                          id -> Access.serve(SCENARIO, furnace, caller -> scenario(furnace, id))),
                      path(
                          "shadow",
                          () ->
                              concat(
                                  Access.serve(
                                      START_SHADOW, furnace, caller -> startShadow(furnace)),
                                  Access.serve(
                                      SHOW_SHADOW,
                                      furnace,
                                      caller -> shadow(furnace, Twin.GetShadow::new)),
                                  Access.serve(
                                      STOP_SHADOW,
                                      furnace,
                                      caller -> shadow(furnace, Twin.StopShadow::new)))));
                }));
  }

  private Route show(String furnace) {
    return onSuccess(
        ask(furnace, Twin.GetState::new, settings.askTimeout()),
        view -> completeOK(TwinResponse.of(furnace, view), Jackson.marshaller(Json.mapper())));
  }

  private Route whatIf(String furnace) {
    return body.parsed(
        SetpointChangesRequest.class,
        request -> {
          List<FieldError> errors = request.validateWhatIf(maxHorizonMinutes);
          if (!errors.isEmpty()) {
            throw JsonBody.invalid(errors);
          }
          CompletionStage<WhatIfResponse> answer =
              this.<Twin.WhatIfReply>ask(
                      furnace,
                      replyTo ->
                          new Twin.WhatIf(
                              request.toChanges(),
                              request.horizonMinutes() * 60.0,
                              settings.whatIfTimeout(),
                              replyTo),
                      settings.whatIfTimeout())
                  .thenCompose(
                      reply -> {
                        if (reply.rejection() != null) {
                          throw Replies.problem(reply.rejection(), "What-if rejected");
                        }
                        return course(furnace, reply.scenario().scenarioId());
                      });
          return onSuccess(
              answer, response -> completeOK(response, Jackson.marshaller(Json.mapper())));
        });
  }

  private Route scenario(String furnace, String id) {
    return onSuccess(
        course(furnace, id), response -> completeOK(response, Jackson.marshaller(Json.mapper())));
  }

  private CompletionStage<WhatIfResponse> course(String furnace, String id) {
    return this.<Twin.ScenarioReply>ask(
            furnace, replyTo -> new Twin.GetScenario(id, replyTo), settings.askTimeout())
        .thenApply(
            reply -> {
              if (reply.scenario() == null) {
                throw new ProblemException(
                    Problem.of(
                        404,
                        RejectionCode.SCENARIO_NOT_FOUND.wire(),
                        "Scenario not found",
                        "twin " + furnace + " has no recent scenario '" + id + "'"));
              }
              return WhatIfResponse.of(reply.scenario(), reply.course());
            });
  }

  private Route startShadow(String furnace) {
    return body.parsed(
        SetpointChangesRequest.class,
        request -> {
          List<FieldError> errors = request.validateShadow();
          if (!errors.isEmpty()) {
            throw JsonBody.invalid(errors);
          }
          return onSuccess(
              this.<Confirmation>ask(
                  furnace,
                  replyTo -> new Twin.StartShadow(request.toChanges(), replyTo),
                  settings.askTimeout()),
              reply ->
                  completeOK(Replies.acceptedOrThrow(reply), Jackson.marshaller(Json.mapper())));
        });
  }

  private Route shadow(String furnace, Function<ActorRef<Twin.ShadowStatus>, Twin.Command> cmd) {
    return onSuccess(
        ask(furnace, cmd, settings.askTimeout()),
        status -> completeOK(ShadowResponse.of(status), Jackson.marshaller(Json.mapper())));
  }

  private <R> CompletionStage<R> ask(
      String furnace, Function<ActorRef<R>, Twin.Command> command, Duration timeout) {
    return sharding.entityRefFor(Twin.ENTITY_KEY, furnace).ask(command::apply, timeout);
  }
}
