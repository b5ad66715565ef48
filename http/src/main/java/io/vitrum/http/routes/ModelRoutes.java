package io.vitrum.http.routes;

import io.vitrum.actors.common.Confirmation;
import io.vitrum.actors.model.Model;
import io.vitrum.core.ml.ModelRef;
import io.vitrum.core.rejection.RejectionCode;
import io.vitrum.core.security.Role;
import io.vitrum.http.auth.Access;
import io.vitrum.http.auth.Endpoint;
import io.vitrum.http.auth.Endpoint.Scope;
import io.vitrum.http.dto.CommandResponse;
import io.vitrum.http.dto.ModelResponse;
import io.vitrum.http.dto.ModelVersionRequest;
import io.vitrum.http.dto.RollbackRequest;
import io.vitrum.http.errors.Problem;
import io.vitrum.http.errors.ProblemException;
import io.vitrum.http.json.Json;
import io.vitrum.streams.inference.ServedModels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.http.javadsl.marshallers.jackson.Jackson;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code /api/models}: the models, each a Model entity. GET lists them or shows one; {@code POST
 * /{name}/versions} registers a version whose files lie under {@code models/<name>/<version>/} (its
 * file checked against its card: sha256, inputs, outputs); {@code /promote} makes a version active
 * and serves it, {@code /shadow} runs one beside the active version (POST starts, DELETE stops),
 * {@code /rollback} returns to the version active before. A version is loaded and checked on this
 * node before the entity records the change, so a change the node cannot serve is refused and
 * nothing is persisted.
 */
public final class ModelRoutes extends AllDirectives {
  static final Endpoint LIST = Endpoint.get("/api/models", Scope.PLANT);
  static final Endpoint SHOW = Endpoint.get("/api/models/{name}", Scope.PLANT);
  static final Endpoint REGISTER =
      Endpoint.of(
          "POST", "/api/models/{name}/versions", Scope.EVERY_FURNACE, Role.ADMIN, Role.INTEGRATOR);
  static final Endpoint PROMOTE =
      Endpoint.of(
          "POST", "/api/models/{name}/promote", Scope.EVERY_FURNACE, Role.ADMIN, Role.INTEGRATOR);
  static final Endpoint START_SHADOW =
      Endpoint.of(
          "POST", "/api/models/{name}/shadow", Scope.EVERY_FURNACE, Role.ADMIN, Role.INTEGRATOR);
  static final Endpoint STOP_SHADOW =
      Endpoint.of(
          "DELETE", "/api/models/{name}/shadow", Scope.EVERY_FURNACE, Role.ADMIN, Role.INTEGRATOR);
  static final Endpoint ROLLBACK =
      Endpoint.of(
          "POST", "/api/models/{name}/rollback", Scope.EVERY_FURNACE, Role.ADMIN, Role.INTEGRATOR);

  /** Every endpoint these routes serve. */
  public static final List<Endpoint> ENDPOINTS =
      List.of(LIST, SHOW, REGISTER, PROMOTE, START_SHADOW, STOP_SHADOW, ROLLBACK);

  private final ClusterSharding sharding;
  private final HttpSettings settings;
  private final ServedModels served;
  private final JsonBody body;
  private final Clock clock;

  public ModelRoutes(
      ClusterSharding sharding, HttpSettings settings, ServedModels served, Clock clock) {
    this.sharding = sharding;
    this.settings = settings;
    this.served = served;
    this.body = new JsonBody(settings);
    this.clock = clock;
  }

  public Route routes() {
    return pathPrefix(
        "models",
        () ->
            concat(
                pathEnd(() -> Access.serve(LIST, caller -> list())),
                pathPrefix(
                    PathMatchers.segment(),
                    name -> {
                      if (!name.matches("[a-z][a-z0-9-]{0,40}")) {
                        throw new ProblemException(
                            Problem.of(
                                400,
                                "invalid-model-name",
                                "Invalid model name",
                                "model name '"
                                    + name
                                    + "' must be lower-case letters, digits, '-'"));
                      }
                      return concat(
                          pathEnd(() -> Access.serve(SHOW, caller -> show(name))),
                          path("versions", () -> Access.serve(REGISTER, caller -> register(name))),
                          path("promote", () -> Access.serve(PROMOTE, caller -> promote(name))),
                          path(
                              "shadow",
                              () ->
                                  concat(
                                      Access.serve(START_SHADOW, caller -> startShadow(name)),
                                      Access.serve(STOP_SHADOW, caller -> stopShadow(name)))),
                          path("rollback", () -> Access.serve(ROLLBACK, caller -> rollback(name))));
                    })));
  }

  private Route list() {
    List<CompletableFuture<ModelResponse>> all =
        names().stream().map(n -> view(n).toCompletableFuture()).toList();
    CompletionStage<List<ModelResponse>> joined =
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
            .thenApply(v -> all.stream().map(CompletableFuture::join).toList());
    return onSuccess(joined, list -> completeOK(list, Jackson.marshaller(Json.mapper())));
  }

  private Route show(String name) {
    return onSuccess(
        view(name),
        response -> {
          if (response.versions().isEmpty() && !Files.isDirectory(served.dir().resolve(name))) {
            throw new ProblemException(
                Problem.of(404, "model-not-found", "Model not found", "no model named " + name));
          }
          return completeOK(response, Jackson.marshaller(Json.mapper()));
        });
  }

  private CompletionStage<ModelResponse> view(String name) {
    ModelRef running = served.activeVersions().get(name);
    return this.<Model.ModelView>ask(name, Model.GetModel::new)
        .thenApply(v -> ModelResponse.of(v, running == null ? null : running.version()));
  }

  /** The models known here: served, or with a directory of versions. */
  private List<String> names() {
    TreeSet<String> names = new TreeSet<>(served.activeVersions().keySet());
    if (Files.isDirectory(served.dir())) {
      try (Stream<Path> dirs = Files.list(served.dir())) {
        dirs.filter(d -> Files.isRegularFile(d.resolve("1").resolve("card.json")))
            .map(d -> d.getFileName().toString())
            .forEach(names::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return List.copyOf(names);
  }

  private Route register(String name) {
    return body.validated(
        ModelVersionRequest.class,
        request -> {
          ModelRef ref = new ModelRef(name, request.version());
          ModelVersions versions;
          try {
            versions = ModelVersions.of(served, ref, clock);
          } catch (ModelVersions.MissingFiles e) {
            throw new ProblemException(
                Problem.of(
                    404,
                    RejectionCode.UNKNOWN_MODEL_VERSION.wire(),
                    "Model version not found",
                    e.getMessage()));
          } catch (IllegalArgumentException e) {
            throw new ProblemException(
                Problem.of(
                    422, RejectionCode.MODEL_MISMATCH.wire(), "Model unusable", e.getMessage()));
          }
          return confirmed(
              ask(name, r -> new Model.RegisterVersion(versions.declared(), versions.found(), r)),
              () -> {
                ask(name, Model.GetModel::new)
                    .thenAccept(
                        v -> {
                          if (ref.version().equals(v.active())) {
                            served.activate(ref);
                          }
                        });
              });
        });
  }

  private Route promote(String name) {
    return body.validated(
        ModelVersionRequest.class,
        request -> {
          if (request.reason() == null || request.reason().isBlank()) {
            throw JsonBody.invalid(
                List.of(new Problem.FieldError("reason", "is required to promote")));
          }
          ModelRef ref = new ModelRef(name, request.version());
          loadOrThrow(ref);
          return confirmed(
              ask(name, r -> new Model.Promote(ref.version(), request.reason(), r)),
              () -> served.activate(ref));
        });
  }

  private Route startShadow(String name) {
    return body.validated(
        ModelVersionRequest.class,
        request -> {
          ModelRef ref = new ModelRef(name, request.version());
          loadOrThrow(ref);
          return confirmed(
              ask(name, r -> new Model.StartShadow(ref.version(), r)),
              () -> served.shadow(name, ref.version()));
        });
  }

  private Route stopShadow(String name) {
    return confirmed(ask(name, Model.StopShadow::new), () -> served.shadow(name, null));
  }

  private Route rollback(String name) {
    return body.validated(
        RollbackRequest.class,
        request ->
            confirmed(
                ask(name, r -> new Model.Rollback(request.reason(), r)),
                () ->
                    ask(name, Model.GetModel::new)
                        .thenAccept(v -> served.activate(new ModelRef(name, v.active())))));
  }

  /** Loads {@code ref} on this node (checked against its card) or answers why it cannot be. */
  private void loadOrThrow(ModelRef ref) {
    if (!Files.isRegularFile(served.file(ref))) {
      throw new ProblemException(
          Problem.of(
              404,
              RejectionCode.UNKNOWN_MODEL_VERSION.wire(),
              "Model version not found",
              "no files for " + ref + " under " + served.dir()));
    }
    try {
      served.preload(ref);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(
          Problem.of(422, RejectionCode.MODEL_MISMATCH.wire(), "Model unusable", e.getMessage()));
    }
  }

  /** Answers the entity's confirmation; runs {@code then} once it accepted. */
  private Route confirmed(CompletionStage<Confirmation> reply, Runnable then) {
    return onSuccess(
        reply,
        confirmation -> {
          CommandResponse response = Replies.acceptedOrThrow(confirmation);
          then.run();
          return completeOK(response, Jackson.marshaller(Json.mapper()));
        });
  }

  private <R> CompletionStage<R> ask(String name, Function<ActorRef<R>, Model.Command> command) {
    return sharding.entityRefFor(Model.ENTITY_KEY, name).ask(command::apply, settings.askTimeout());
  }
}
