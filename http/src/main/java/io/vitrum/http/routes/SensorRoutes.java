package io.vitrum.http.routes;

import io.vitrum.actors.common.Confirmation;
import io.vitrum.actors.sensor.Sensor;
import io.vitrum.core.plant.TagId;
import io.vitrum.core.rejection.Rejection;
import io.vitrum.core.rejection.RejectionCode;
import io.vitrum.core.rejection.RejectionKind;
import io.vitrum.core.security.Role;
import io.vitrum.http.auth.Access;
import io.vitrum.http.auth.Endpoint;
import io.vitrum.http.auth.Endpoint.Scope;
import io.vitrum.http.dto.ReadingsRequest;
import io.vitrum.http.dto.ReadingsResponse;
import io.vitrum.http.dto.SensorConfigRequest;
import io.vitrum.http.dto.SensorResponse;
import io.vitrum.http.errors.Problem;
import io.vitrum.http.errors.Problem.FieldError;
import io.vitrum.http.errors.ProblemException;
import io.vitrum.http.json.Json;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.http.javadsl.marshallers.jackson.Jackson;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code /api/sensors/{tag}}: PUT configures, GET shows; {@code /api/sensors/{tag}/readings}: POST
 * records a batch. Readings posted here are checkpointed by the sensor before the reply, so an
 * acknowledged batch survives a node crash.
 */
public final class SensorRoutes extends AllDirectives {
  static final Endpoint SHOW = Endpoint.get("/api/sensors/{id}", Scope.SENSOR);
  static final Endpoint CONFIGURE =
      Endpoint.of("PUT", "/api/sensors/{id}", Scope.SENSOR, Role.INTEGRATOR);
  static final Endpoint RECORD =
      Endpoint.of("POST", "/api/sensors/{id}/readings", Scope.SENSOR, Role.INTEGRATOR);

  /** Every endpoint these routes serve. */
  public static final List<Endpoint> ENDPOINTS = List.of(SHOW, CONFIGURE, RECORD);

  private final ClusterSharding sharding;
  private final HttpSettings settings;
  private final JsonBody body;

  public SensorRoutes(ClusterSharding sharding, HttpSettings settings) {
    this.sharding = sharding;
    this.settings = settings;
    this.body = new JsonBody(settings);
  }

  public Route routes() {
    return pathPrefix(
        "sensors",
        () ->
            pathPrefix(
                PathMatchers.segment(),
                tag ->
                    validTag(
                        tag,
                        () ->
                            concat(
                                pathEnd(
                                    () ->
                                        concat(
                                            Access.serve(CONFIGURE, tag, caller -> configure(tag)),
                                            Access.serve(SHOW, tag, caller -> show(tag)))),
                                path(
                                    "readings",
                                    () -> Access.serve(RECORD, tag, caller -> record(tag)))))));
  }

  private Route validTag(String tag, Supplier<Route> inner) {
    if (!TagId.isValid(tag)) {
      throw new ProblemException(
          Problem.of(
              400,
              "invalid-tag",
              "Invalid tag",
              "tag '"
                  + tag
                  + "' is not <furnace>.<area>.<point>: 3-8 dot-separated segments of letters,"
                  + " digits, '-' or '_', at most 128 characters"));
    }
    return inner.get();
  }

  private Route configure(String tag) {
    return body.validated(
        SensorConfigRequest.class,
        request ->
            onSuccess(
                this.<Confirmation>ask(
                    tag, replyTo -> new Sensor.Configure(request.toConfig(), replyTo)),
                reply ->
                    completeOK(Replies.acceptedOrThrow(reply), Jackson.marshaller(Json.mapper()))));
  }

  private Route show(String tag) {
    return onSuccess(
        ask(tag, Sensor.GetState::new),
        view -> {
          if (view.config() == null) {
            throw new ProblemException(
                Problem.of(
                    404,
                    "sensor-not-found",
                    "Sensor not found",
                    "sensor " + tag + " is not configured"));
          }
          return completeOK(SensorResponse.of(view), Jackson.marshaller(Json.mapper()));
        });
  }

  private Route record(String tag) {
    return body.parsed(
        ReadingsRequest.class,
        request -> {
          List<FieldError> errors = request.validate(settings.maxReadingsPerRequest());
          if (!errors.isEmpty()) {
            throw JsonBody.invalid(errors);
          }
          List<Sensor.Sample> samples =
              request.readings().stream().map(r -> new Sensor.Sample(r.ts(), r.value())).toList();
          return onSuccess(
              this.<Sensor.ReadingsAck>ask(
                  tag, replyTo -> new Sensor.RecordReadings(samples, true, replyTo)),
              ack -> completeReadings(tag, ack));
        });
  }

  private Route completeReadings(String tag, Sensor.ReadingsAck ack) {
    ReadingsResponse response = ReadingsResponse.of(ack);
    if (ack.accepted() > 0 || ack.rejected().isEmpty()) {
      return completeOK(response, Jackson.marshaller(Json.mapper()));
    }
    Rejection first = ack.rejected().get(0).rejection();
    if (first.kind() == RejectionKind.UNAVAILABLE) {
      throw Replies.problem(first, "Readings not stored");
    }
    boolean unconfigured = first.code() == RejectionCode.NOT_CONFIGURED;
    throw new ProblemException(
        Problem.of(
                unconfigured ? 409 : 422,
                unconfigured ? "sensor-not-configured" : "readings-rejected",
                "Readings rejected",
                unconfigured
                    ? "sensor " + tag + " is not configured: PUT /api/sensors/" + tag + " first"
                    : "none of the " + ack.rejected().size() + " readings was accepted")
            .withRejected(response.rejected()));
  }

  private <R> CompletionStage<R> ask(String tag, Function<ActorRef<R>, Sensor.Command> command) {
    EntityRef<Sensor.Command> ref = sharding.entityRefFor(Sensor.ENTITY_KEY, tag);
    return ref.ask(command::apply, settings.askTimeout());
  }
}
