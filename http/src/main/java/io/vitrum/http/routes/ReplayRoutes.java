package io.vitrum.http.routes;

import io.vitrum.core.security.Principal;
import io.vitrum.core.security.Role;
import io.vitrum.http.auth.Access;
import io.vitrum.http.auth.Endpoint;
import io.vitrum.http.auth.Endpoint.Scope;
import io.vitrum.http.dto.ReplayResponse;
import io.vitrum.http.dto.ReplayStartRequest;
import io.vitrum.http.errors.Problem;
import io.vitrum.http.errors.ProblemException;
import io.vitrum.http.json.Json;
import io.vitrum.streams.history.HistorySettings;
import io.vitrum.streams.history.ReplayRequest;
import io.vitrum.streams.history.ReplayRun;
import io.vitrum.streams.history.Replays;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.marshallers.jackson.Jackson;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.Location;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code POST /api/replay} starts a replay of a furnace's history through the feature stage as a
 * run of its own (202, {@code Location: /api/replay/{id}}); {@code GET /api/replay/{id}} shows its
 * progress; {@code DELETE /api/replay/{id}} stops it. A replay never touches the live entities. A
 * run of a furnace outside the caller's scope is not found.
 */
public final class ReplayRoutes extends AllDirectives {
  static final Endpoint START =
      Endpoint.of("POST", "/api/replay", Scope.PLANT, Role.OPERATOR, Role.INTEGRATOR);
  static final Endpoint SHOW = Endpoint.get("/api/replay/{id}", Scope.PLANT);
  static final Endpoint CANCEL =
      Endpoint.of("DELETE", "/api/replay/{id}", Scope.PLANT, Role.OPERATOR, Role.INTEGRATOR);

  /** Every endpoint these routes serve. */
  public static final List<Endpoint> ENDPOINTS = List.of(START, SHOW, CANCEL);

  private final Replays replays;
  private final HistorySettings.Replay settings;
  private final JsonBody body;
  private final Clock clock;

  public ReplayRoutes(
      Replays replays, HistorySettings.Replay settings, HttpSettings http, Clock clock) {
    this.replays = replays;
    this.settings = settings;
    this.body = new JsonBody(http);
    this.clock = clock;
  }

  public Route routes() {
    return pathPrefix(
        "replay",
        () ->
            concat(
                pathEnd(() -> Access.serve(START, this::start)),
                path(
                    PathMatchers.segment(),
                    id ->
                        concat(
                            Access.serve(SHOW, caller -> show(caller, id)),
                            Access.serve(CANCEL, caller -> cancel(caller, id))))));
  }

  private Route start(Principal caller) {
    return body.validated(
        ReplayStartRequest.class,
        request -> {
          if (!caller.sees(request.furnace())) {
            throw new ProblemException(Access.notFound(Scope.FURNACE, request.furnace()));
          }
          if (Duration.between(request.from(), request.to()).compareTo(settings.maxRange()) > 0) {
            throw HistoryParameters.invalid(
                "a replay may cover at most " + settings.maxRange().toDays() + " days");
          }
          double speed = request.speed() == null ? settings.defaultSpeed() : request.speed();
          CompletionStage<ReplayRun> started =
              replays
                  .start(new ReplayRequest(request.furnace(), request.from(), request.to(), speed))
                  .exceptionally(
                      failure -> {
                        throw refused(failure);
                      });
          return onSuccess(
              started,
              run ->
                  respondWithHeader(
                      Location.create("/api/replay/" + run.id()),
                      () ->
                          complete(
                              StatusCodes.ACCEPTED,
                              ReplayResponse.of(run.progress()),
                              Jackson.marshaller(Json.mapper()))));
        });
  }

  private Route show(Principal caller, String id) {
    ReplayRun run = visible(caller, id);
    return completeOK(ReplayResponse.of(run.progress()), Jackson.marshaller(Json.mapper()));
  }

  private Route cancel(Principal caller, String id) {
    ReplayRun run = visible(caller, id);
    run.cancel(clock.instant());
    return completeOK(ReplayResponse.of(run.progress()), Jackson.marshaller(Json.mapper()));
  }

  private ReplayRun visible(Principal caller, String id) {
    return replays
        .run(id)
        .filter(run -> caller.sees(run.progress().request().furnace()))
        .orElseThrow(
            () ->
                new ProblemException(
                    Problem.of(
                        404,
                        "replay-not-found",
                        "Replay not found",
                        "no replay " + id + " on this node")));
  }

  private static RuntimeException refused(Throwable failure) {
    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
    if (cause instanceof Replays.RefusedException r) {
      return new ProblemException(
          r.notFound()
              ? Problem.of(404, "furnace-not-found", "Furnace not found", r.getMessage())
              : Problem.of(409, "replay-limit", "Too many replays", r.getMessage()));
    }
    return cause instanceof RuntimeException e ? e : new IllegalStateException(cause);
  }
}
