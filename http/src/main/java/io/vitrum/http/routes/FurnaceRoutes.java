package io.vitrum.http.routes;

import io.vitrum.actors.common.Confirmation;
import io.vitrum.actors.furnace.Furnace;
import io.vitrum.core.plant.FurnaceId;
import io.vitrum.core.plant.SetpointOrigin;
import io.vitrum.http.dto.AutonomyModeRequest;
import io.vitrum.http.dto.FurnaceResponse;
import io.vitrum.http.dto.SetpointRequest;
import io.vitrum.http.errors.Problem;
import io.vitrum.http.errors.ProblemException;
import io.vitrum.http.json.Json;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.http.javadsl.marshallers.jackson.Jackson;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code /api/furnaces/{id}}: GET shows; {@code /setpoints} POST changes one setpoint; {@code
 * /autonomy} PUT sets the autonomy mode; {@code /alarms/{alarmId}/ack} POST acknowledges an alarm.
 * The requester is named by the {@code X-Vitrum-User} header until authentication lands.
 */
public final class FurnaceRoutes extends AllDirectives {
  static final String USER_HEADER = "X-Vitrum-User";

  private final ClusterSharding sharding;
  private final HttpSettings settings;
  private final JsonBody body;

  public FurnaceRoutes(ClusterSharding sharding, HttpSettings settings) {
    this.sharding = sharding;
    this.settings = settings;
    this.body = new JsonBody(settings);
  }

  public Route routes() {
    return pathPrefix(
        "furnaces",
        () ->
            pathPrefix(
                PathMatchers.segment(),
                id ->
                    validId(
                        id,
                        () ->
                            optionalHeaderValueByName(
                                USER_HEADER,
                                user -> {
                                  String who = user.orElse("anonymous");
                                  return concat(
                                      pathEnd(
                                          () ->
                                              RouteTemplate.named(
                                                  "/api/furnaces/{id}", () -> get(() -> show(id)))),
                                      path(
                                          "setpoints",
                                          () ->
                                              RouteTemplate.named(
                                                  "/api/furnaces/{id}/setpoints",
                                                  () -> post(() -> changeSetpoint(id, who)))),
                                      path(
                                          "autonomy",
                                          () ->
                                              RouteTemplate.named(
                                                  "/api/furnaces/{id}/autonomy",
                                                  () -> put(() -> setAutonomy(id, who)))),
                                      path(
                                          PathMatchers.segment("alarms")
                                              .slash(PathMatchers.segment())
                                              .slash("ack"),
                                          alarmId ->
                                              RouteTemplate.named(
                                                  "/api/furnaces/{id}/alarms/{id}/ack",
                                                  () ->
                                                      post(() -> acknowledge(id, alarmId, who)))));
                                }))));
  }

  private Route validId(String id, Supplier<Route> inner) {
    if (!FurnaceId.isValid(id)) {
      throw new ProblemException(
          Problem.of(
              400,
              "invalid-furnace-id",
              "Invalid furnace id",
              "furnace id '" + id + "' must be 1-32 letters, digits, '-' or '_'"));
    }
    return inner.get();
  }

  private Route show(String id) {
    return onSuccess(
        ask(id, Furnace.GetState::new),
        view -> completeOK(FurnaceResponse.of(view), Jackson.marshaller(Json.mapper())));
  }

  private Route changeSetpoint(String id, String who) {
    return body.validated(
        SetpointRequest.class,
        request ->
            onSuccess(
                this.<Confirmation>ask(
                    id,
                    replyTo ->
                        new Furnace.ChangeSetpoint(
                            request.parameter(),
                            request.value(),
                            SetpointOrigin.INTEGRATOR,
                            who,
                            request.reason(),
                            replyTo)),
                reply ->
                    completeOK(Replies.acceptedOrThrow(reply), Jackson.marshaller(Json.mapper()))));
  }

  private Route setAutonomy(String id, String who) {
    return body.validated(
        AutonomyModeRequest.class,
        request ->
            onSuccess(
                this.<Confirmation>ask(
                    id,
                    replyTo ->
                        new Furnace.SetAutonomyMode(
                            request.toMode(), who, request.reason(), replyTo)),
                reply ->
                    completeOK(Replies.acceptedOrThrow(reply), Jackson.marshaller(Json.mapper()))));
  }

  private Route acknowledge(String id, String alarmId, String who) {
    return onSuccess(
        this.<Confirmation>ask(id, replyTo -> new Furnace.AcknowledgeAlarm(alarmId, who, replyTo)),
        reply -> completeOK(Replies.acceptedOrThrow(reply), Jackson.marshaller(Json.mapper())));
  }

  private <R> CompletionStage<R> ask(String id, Function<ActorRef<R>, Furnace.Command> command) {
    return sharding.entityRefFor(Furnace.ENTITY_KEY, id).ask(command::apply, settings.askTimeout());
  }
}
