package io.vitrum.http.routes;

import io.vitrum.actors.common.Confirmation;
import io.vitrum.actors.twin.Twin;
import io.vitrum.core.plant.FurnaceId;
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
 * against the synced state; {@code /shadow} POST starts, GET reports and DELETE stops a shadow run
 * of candidate setpoints.
 */
public final class TwinRoutes extends AllDirectives {
  /** What-ifs of up to a week of plant time take longer than a plain command. */
  private static final Duration WHAT_IF_TIMEOUT = Duration.ofSeconds(30);

  private final ClusterSharding sharding;
  private final HttpSettings settings;
  private final JsonBody body;

  public TwinRoutes(ClusterSharding sharding, HttpSettings settings) {
    this.sharding = sharding;
    this.settings = settings;
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
                      pathEnd(
                          () ->
                              RouteTemplate.named(
                                  "/api/twin/{id}", () -> get(() -> show(furnace)))),
                      path(
                          "what-if",
                          () ->
                              RouteTemplate.named(
                                  "/api/twin/{id}/what-if", () -> post(() -> whatIf(furnace)))),
                      path(
                          "shadow",
                          () ->
                              RouteTemplate.named(
                                  "/api/twin/{id}/shadow",
                                  () ->
                                      concat(
                                          post(() -> startShadow(furnace)),
                                          get(() -> shadow(furnace, Twin.GetShadow::new)),
                                          delete(() -> shadow(furnace, Twin.StopShadow::new))))));
                }));
  }

  private Route show(String furnace) {
    return onSuccess(
        ask(furnace, Twin.GetState::new, settings.askTimeout()),
        view -> completeOK(TwinResponse.of(furnace, view), Jackson.marshaller(Json.mapper())));
  }

  private Route whatIf(String furnace) {
    return changes(
        true,
        request ->
            onSuccess(
                this.<Twin.WhatIfReply>ask(
                    furnace,
                    replyTo ->
                        new Twin.WhatIf(
                            request.toChanges(), request.horizonMinutes() * 60.0, replyTo),
                    WHAT_IF_TIMEOUT),
                reply -> {
                  if (reply.rejection() != null) {
                    throw new ProblemException(
                        Problem.of(
                            422,
                            reply.rejection().code(),
                            "What-if rejected",
                            reply.rejection().reason()));
                  }
                  return completeOK(
                      WhatIfResponse.of(reply.scenarioId(), reply.completed()),
                      Jackson.marshaller(Json.mapper()));
                }));
  }

  private Route startShadow(String furnace) {
    return changes(
        false,
        request ->
            onSuccess(
                this.<Confirmation>ask(
                    furnace,
                    replyTo -> new Twin.StartShadow(request.toChanges(), replyTo),
                    settings.askTimeout()),
                reply ->
                    completeOK(Replies.acceptedOrThrow(reply), Jackson.marshaller(Json.mapper()))));
  }

  private Route shadow(String furnace, Function<ActorRef<Twin.ShadowStatus>, Twin.Command> cmd) {
    return onSuccess(
        ask(furnace, cmd, settings.askTimeout()),
        status -> completeOK(ShadowResponse.of(status), Jackson.marshaller(Json.mapper())));
  }

  private Route changes(boolean needsHorizon, Function<SetpointChangesRequest, Route> inner) {
    return body.parsed(
        SetpointChangesRequest.class,
        request -> {
          List<FieldError> errors = request.validate(needsHorizon);
          if (!errors.isEmpty()) {
            throw JsonBody.invalid(errors);
          }
          return inner.apply(request);
        });
  }

  private <R> CompletionStage<R> ask(
      String furnace, Function<ActorRef<R>, Twin.Command> command, Duration timeout) {
    return sharding.entityRefFor(Twin.ENTITY_KEY, furnace).ask(command::apply, timeout);
  }
}
