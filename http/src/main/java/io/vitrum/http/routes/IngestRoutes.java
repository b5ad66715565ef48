package io.vitrum.http.routes;

import io.vitrum.core.ingest.TagMap;
import io.vitrum.core.plant.FurnaceId;
import io.vitrum.core.plant.TagId;
import io.vitrum.core.security.Principal;
import io.vitrum.core.security.Role;
import io.vitrum.http.auth.Access;
import io.vitrum.http.auth.Endpoint;
import io.vitrum.http.auth.Endpoint.Scope;
import io.vitrum.http.dto.IngestStatusResponse;
import io.vitrum.http.dto.InspectionDecisionsResponse;
import io.vitrum.http.dto.QuarantineResponse;
import io.vitrum.http.dto.TagMapResponse;
import io.vitrum.http.errors.Problem;
import io.vitrum.http.errors.ProblemException;
import io.vitrum.http.json.Json;
import io.vitrum.streams.inference.RecentInspections;
import io.vitrum.streams.ingest.Ingest;
import io.vitrum.streams.ingest.TagMapApplied;
import io.vitrum.streams.ingest.frames.FrameIntake;
import io.vitrum.streams.ingest.frames.FrameMeta;
import io.vitrum.streams.ingest.kafka.QuarantineRecord;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.marshallers.jackson.Jackson;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpCharsets;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Ingest over HTTP: {@code GET /api/ingest/status}; {@code GET
 * /api/quarantine?limit=&reason=&source=} (newest first); {@code GET /api/tag-map} (CSV) and {@code
 * POST /api/tag-map} (CSV body: good rows apply, refused rows come back with their line and
 * reason); {@code POST /api/inspection/frames} (a PNG or binary PGM body, metadata in the headers
 * {@code X-Vitrum-Furnace} (required), {@code X-Vitrum-Item}, {@code X-Vitrum-Timestamp} and {@code
 * X-Vitrum-Label}). Everything but the status answers 503 {@code ingest-unavailable} on a node
 * without Kafka, except what reads this node's latest reject decisions: {@code GET
 * /api/inspection/decisions?furnace=&limit=} (newest first) and {@code GET
 * /api/inspection/frames/{id}/image} (the PNG of a frame among them).
 */
public final class IngestRoutes extends AllDirectives {
  /** The most quarantine records one request may ask for. */
  public static final int MAX_LIMIT = 1000;

  static final Endpoint STATUS = Endpoint.get("/api/ingest/status", Scope.PLANT);
  static final Endpoint QUARANTINE = Endpoint.get("/api/quarantine", Scope.PLANT);
  static final Endpoint SHOW_TAG_MAP = Endpoint.get("/api/tag-map", Scope.PLANT);
  static final Endpoint POST_TAG_MAP =
      Endpoint.of("POST", "/api/tag-map", Scope.EVERY_FURNACE, Role.INTEGRATOR);
  static final Endpoint POST_FRAME =
      Endpoint.of("POST", "/api/inspection/frames", Scope.PLANT, Role.INTEGRATOR);

  static final Endpoint DECISIONS = Endpoint.get("/api/inspection/decisions", Scope.PLANT);
  static final Endpoint FRAME_IMAGE =
      Endpoint.get("/api/inspection/frames/{id}/image", Scope.PLANT);

  /** Every endpoint these routes serve. */
  public static final List<Endpoint> ENDPOINTS =
      List.of(STATUS, QUARANTINE, SHOW_TAG_MAP, POST_TAG_MAP, POST_FRAME, DECISIONS, FRAME_IMAGE);

  private static final int DEFAULT_DECISIONS = 50;

  private final Supplier<Optional<Ingest>> ingest;
  private final RawBody body;
  private final RecentInspections recent;

  public IngestRoutes(
      Supplier<Optional<Ingest>> ingest, HttpSettings settings, RecentInspections recent) {
    this.ingest = ingest;
    this.body = new RawBody(settings);
    this.recent = recent;
  }

  public Route routes() {
    return concat(
        path(
            PathMatchers.segment("ingest").slash("status"),
            () -> Access.serve(STATUS, caller -> status())),
        path("quarantine", () -> Access.serve(QUARANTINE, this::quarantine)),
        path(
            "tag-map",
            () ->
                concat(
                    Access.serve(SHOW_TAG_MAP, this::showTagMap),
                    Access.serve(POST_TAG_MAP, caller -> postTagMap()))),
        path(
            PathMatchers.segment("inspection").slash("frames"),
            () -> Access.serve(POST_FRAME, this::postFrame)),
        path(
            PathMatchers.segment("inspection").slash("decisions"),
            () -> Access.serve(DECISIONS, this::decisions)),
        path(
            PathMatchers.segment("inspection")
                .slash("frames")
                .slash(PathMatchers.segment())
                .slash("image"),
            id -> Access.serve(FRAME_IMAGE, id, caller -> frameImage(caller, id))));
  }

  private Route decisions(Principal caller) {
    return parameterOptional(
        "furnace",
        furnace ->
            parameterOptional(
                "limit",
                limit -> {
                  int n = limit.isEmpty() ? DEFAULT_DECISIONS : limit(limit);
                  String only = furnace.filter(f -> !f.isBlank()).orElse(null);
                  if (only != null && !FurnaceId.isValid(only)) {
                    throw new ProblemException(
                        Problem.of(
                            400,
                            "invalid-parameter",
                            "Invalid parameter",
                            "furnace '" + only + "' is not a furnace id"));
                  }
                  return completeOK(
                      InspectionDecisionsResponse.of(
                          recent.newest(
                              f -> caller.sees(f) && (only == null || only.equals(f)), n)),
                      Jackson.marshaller(Json.mapper()));
                }));
  }

  /**
   * The frame's PNG; a frame of a furnace outside the caller's scope is not found, as a gone one.
   */
  private Route frameImage(Principal caller, String id) {
    byte[] png =
        recent
            .frame(id)
            .filter(f -> caller.sees(f.decision().furnace()))
            .flatMap(f -> recent.png(id))
            .orElseThrow(
                () ->
                    new ProblemException(
                        Problem.of(
                            404,
                            "frame-not-found",
                            "Frame not found",
                            "frame "
                                + id
                                + " is not among this node's latest decisions, or has no image")));
    return complete(HttpEntities.create(ContentTypes.create(MediaTypes.IMAGE_PNG), png));
  }

  private Route status() {
    return completeOK(
        ingest.get().map(IngestStatusResponse::of).orElse(IngestStatusResponse.disabled()),
        Jackson.marshaller(Json.mapper()));
  }

  private Route quarantine(Principal caller) {
    return parameterOptional(
        "limit",
        limit ->
            parameterOptional(
                "reason",
                reason ->
                    parameterOptional(
                        "source",
                        source ->
                            withIngest(
                                in ->
                                    completeOK(
                                        QuarantineResponse.of(
                                            in
                                                .quarantine()
                                                .newest(
                                                    limit(limit),
                                                    reason.orElse(null),
                                                    source.orElse(null))
                                                .stream()
                                                .filter(e -> visible(caller, e.record()))
                                                .toList()),
                                        Jackson.marshaller(Json.mapper()))))));
  }

  /**
   * Whether {@code caller} may see a quarantine record: one naming a valid tag of a furnace in its
   * scope; records without one (malformed payloads) only to callers who see every furnace.
   */
  private static boolean visible(Principal caller, QuarantineRecord r) {
    if (caller.scope().all()) {
      return true;
    }
    return r.tag() != null && TagId.isValid(r.tag()) && caller.sees(TagId.furnaceOf(r.tag()));
  }

  private static int limit(Optional<String> text) {
    if (text.isEmpty()) {
      return 100;
    }
    try {
      int n = Integer.parseInt(text.get());
      if (n >= 1 && n <= MAX_LIMIT) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new ProblemException(
        Problem.of(
            400,
            "invalid-parameter",
            "Invalid parameter",
            "limit must be an integer from 1 to " + MAX_LIMIT + ", not '" + text.get() + "'"));
  }

  private Route showTagMap(Principal caller) {
    return withIngest(
        in -> {
          TagMap all = in.tagMaps().get();
          TagMap visible =
              caller.scope().all()
                  ? all
                  : TagMap.EMPTY.with(
                      all.rows().stream().filter(r -> caller.sees(r.furnace())).toList());
          return complete(
              HttpEntities.create(
                  MediaTypes.TEXT_CSV.toContentType(HttpCharsets.UTF_8), visible.toCsv()));
        });
  }

  private Route postTagMap() {
    return withIngest(
        in ->
            body.text(
                csv ->
                    onSuccess(
                        in.tagMaps().apply(TagMap.parse(csv)), applied -> tagMapReply(applied))));
  }

  private Route tagMapReply(TagMapApplied applied) {
    if (applied.sensorsConfigured() + applied.setpointRows() == 0 && !applied.errors().isEmpty()) {
      throw new ProblemException(
          Problem.of(
                  422,
                  "invalid-tag-map",
                  "Invalid tag map",
                  "no row of the file applied; " + applied.errors().size() + " refused")
              .withRejected(TagMapResponse.of(applied).errors()));
    }
    return completeOK(TagMapResponse.of(applied), Jackson.marshaller(Json.mapper()));
  }

  private Route postFrame(Principal caller) {
    return withIngest(
        in ->
            optionalHeaderValueByName(
                "X-Vitrum-Furnace",
                furnace ->
                    optionalHeaderValueByName(
                        "X-Vitrum-Item",
                        item ->
                            optionalHeaderValueByName(
                                "X-Vitrum-Timestamp",
                                ts ->
                                    optionalHeaderValueByName(
                                        "X-Vitrum-Label",
                                        label ->
                                            body.bytes(
                                                (entity, image) ->
                                                    submit(
                                                        in,
                                                        image,
                                                        meta(
                                                            in, caller, furnace, item, ts,
                                                            label))))))));
  }

  private static FrameMeta meta(
      Ingest in,
      Principal caller,
      Optional<String> furnace,
      Optional<String> item,
      Optional<String> ts,
      Optional<String> label) {
    String f =
        furnace.orElseThrow(
            () -> invalid("the X-Vitrum-Furnace header naming the line's furnace is required"));
    if (!FurnaceId.isValid(f)) {
      throw invalid("X-Vitrum-Furnace '" + f + "' is not a furnace id");
    }
    if (!caller.sees(f)) {
      throw new ProblemException(Access.notFound(Scope.FURNACE, f));
    }
    long n;
    try {
      n = item.map(Long::parseLong).orElse(-1L);
    } catch (NumberFormatException e) {
      throw invalid("X-Vitrum-Item must be an integer");
    }
    Instant at;
    try {
      at = ts.map(Instant::parse).orElseGet(in.frames()::now);
    } catch (DateTimeParseException e) {
      throw invalid("X-Vitrum-Timestamp must be an ISO-8601 instant such as 2026-12-01T10:00:00Z");
    }
    return new FrameMeta(f, n, at, label.orElse(null));
  }

  private Route submit(Ingest in, byte[] image, FrameMeta meta) {
    return onComplete(
        in.frames().submit(image, meta),
        result -> {
          if (result.isFailure()) {
            Throwable cause = result.failed().get();
            cause = cause instanceof CompletionException c ? c.getCause() : cause;
            if (cause instanceof FrameIntake.FrameRefused refused) {
              throw new ProblemException(
                  Problem.of(
                      422,
                      refused.rejection().code().wire(),
                      "Frame refused",
                      refused.rejection().reason() + "; the frame was quarantined"));
            }
            throw new ProblemException(
                Problem.of(
                    503,
                    "ingest-unavailable",
                    "Ingest unavailable",
                    "Kafka did not take the frame: " + cause.getMessage()));
          }
          return complete(StatusCodes.ACCEPTED, result.get(), Jackson.marshaller(Json.mapper()));
        });
  }

  private Route withIngest(Function<Ingest, Route> inner) {
    return ingest
        .get()
        .map(inner)
        .orElseThrow(
            () ->
                new ProblemException(
                    Problem.of(
                        503,
                        "ingest-unavailable",
                        "Ingest unavailable",
                        "this node runs without Kafka (vitrum.kafka.bootstrap-servers is empty), or"
                            + " its ingest is still starting")));
  }

  private static ProblemException invalid(String detail) {
    return new ProblemException(Problem.of(422, "invalid-request", "Invalid request", detail));
  }
}
