package io.vitrum.http.routes;

import io.vitrum.actors.common.Confirmation;
import io.vitrum.actors.furnace.Furnace;
import io.vitrum.core.plant.FurnaceId;
import io.vitrum.core.plant.SetpointOrigin;
import io.vitrum.core.security.Principal;
import io.vitrum.core.security.Role;
import io.vitrum.http.auth.Access;
import io.vitrum.http.auth.Endpoint;
import io.vitrum.http.auth.Endpoint.Scope;
import io.vitrum.http.dto.AutonomyModeRequest;
import io.vitrum.http.dto.FurnaceResponse;
import io.vitrum.http.dto.SetpointRequest;
import io.vitrum.http.errors.Problem;
import io.vitrum.http.errors.ProblemException;
import io.vitrum.http.json.Json;
import java.util.List;
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
 * The requester is the token's subject; a setpoint asked for by an integrator (and not an operator)
 * has the integrator origin.
 */
public final class FurnaceRoutes extends AllDirectives {
  static final Endpoint SHOW = Endpoint.get("/api/furnaces/{id}", Scope.FURNACE);
  static final Endpoint CHANGE_SETPOINT =
      Endpoint.of(
          "POST", "/api/furnaces/{id}/setpoints", Scope.FURNACE, Role.OPERATOR, Role.INTEGRATOR);
  static final Endpoint SET_AUTONOMY =
      Endpoint.of("PUT", "/api/furnaces/{id}/autonomy", Scope.FURNACE, Role.OPERATOR);
  static final Endpoint ACKNOWLEDGE =
      Endpoint.of("POST", "/api/furnaces/{id}/alarms/{alarmId}/ack", Scope.FURNACE, Role.OPERATOR);

  /** Every endpoint these routes serve. */
  public static final List<Endpoint> ENDPOINTS =
      List.of(SHOW, CHANGE_SETPOINT, SET_AUTONOMY, ACKNOWLEDGE);

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
                            concat(
                                pathEnd(() -> Access.serve(SHOW, id, caller -> show(id))),
                                path(
                                    "setpoints",
                                    () ->
                                        Access.serve(
                                            CHANGE_SETPOINT,
                                            id,
                                            caller -> changeSetpoint(id, caller))),
                                path(
                                    "autonomy",
                                    () ->
                                        Access.serve(
                                            SET_AUTONOMY,
                                            id,
                                            caller -> setAutonomy(id, caller.subject()))),
                                path(
                                    PathMatchers.segment("alarms")
                                        .slash(PathMatchers.segment())
                                        .slash("ack"),
                                    alarmId ->
                                        Access.serve(
                                            ACKNOWLEDGE,
                                            id,
                                            caller ->
                                                acknowledge(id, alarmId, caller.subject())))))));
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

  private Route changeSetpoint(String id, Principal caller) {
    SetpointOrigin origin =
        caller.roles().contains(Role.INTEGRATOR) && !caller.roles().contains(Role.OPERATOR)
            ? SetpointOrigin.INTEGRATOR
            : SetpointOrigin.OPERATOR;
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
                            origin,
                            caller.subject(),
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
