package io.vitrum.http.routes;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrum.actors.model.Model;
import io.vitrum.actors.model.ModelSettings;
import io.vitrum.http.auth.Access;
import io.vitrum.http.auth.Endpoint;
import io.vitrum.http.auth.Endpoint.Scope;
import io.vitrum.http.dto.TrainingStatusResponse;
import io.vitrum.http.dto.TrainingStatusResponse.ModelTraining;
import io.vitrum.http.dto.TrainingStatusResponse.VersionTraining;
import io.vitrum.http.json.Json;
import io.vitrum.streams.ml.ModelCard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.http.javadsl.marshallers.jackson.Jackson;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /api/training/status}: for every model under the models directory, each version's
 * training (data hash, seed, wall time, held-out metrics, floors) from its card, the active version
 * and its live quality and input drift from the Model entity, and whether a retrain is due: the
 * active version's card misses a floor, a live figure is worse than its card by more than the
 * rollback margin, or an input column's PSI is above {@code retrain-psi}.
 */
public final class TrainingRoutes extends AllDirectives {
  static final Endpoint STATUS = Endpoint.get("/api/training/status", Scope.PLANT);

  /** Every endpoint these routes serve. */
  public static final List<Endpoint> ENDPOINTS = List.of(STATUS);

  private static final List<String> LOWER_IS_BETTER =
      List.of("falseRejectRate", "criticalMissRate", "maeTotal60", "falseAlarmRate");

  private final ClusterSharding sharding;
  private final HttpSettings settings;
  private final Path dir;
  private final ModelSettings model;

  public TrainingRoutes(
      ClusterSharding sharding, HttpSettings settings, Path dir, ModelSettings model) {
    this.sharding = sharding;
    this.settings = settings;
    this.dir = dir;
    this.model = model;
  }

  public Route routes() {
    return path(
        PathMatchers.segment("training").slash("status"),
        () -> Access.serve(STATUS, caller -> status()));
  }

  private Route status() {
    List<CompletableFuture<ModelTraining>> all = new ArrayList<>();
    for (Map.Entry<String, List<ModelCard>> e : cards().entrySet()) {
      all.add(
          sharding
              .entityRefFor(Model.ENTITY_KEY, e.getKey())
              .<Model.ModelView>ask(Model.GetModel::new, settings.askTimeout())
              .thenApply(view -> training(e.getKey(), e.getValue(), view))
              .toCompletableFuture());
    }
    return onSuccess(
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
            .thenApply(
                v ->
                    new TrainingStatusResponse(all.stream().map(CompletableFuture::join).toList())),
        response -> completeOK(response, Jackson.marshaller(Json.mapper())));
  }

  private ModelTraining training(String name, List<ModelCard> cards, Model.ModelView view) {
    List<VersionTraining> versions = cards.stream().map(TrainingRoutes::version).toList();
    String active = view.active();
    List<String> reasons = new ArrayList<>();
    cards.stream()
        .filter(c -> c.version().equals(active))
        .findFirst()
        .ifPresent(
            card -> {
              if (!card.floorsMet()) {
                reasons.add(name + "/" + active + " misses a floor of its card on held-out data");
              }
              view.liveQuality()
                  .forEach(
                      (metric, live) -> {
                        double held = card.heldOut(metric);
                        double margin = model.rollbackMargin() * Math.abs(held);
                        boolean worse =
                            LOWER_IS_BETTER.contains(metric)
                                ? live > held + margin
                                : live < held - margin;
                        if (Double.isFinite(held) && worse) {
                          reasons.add(
                              "live %s %.4f against %.4f on held-out data"
                                  .formatted(metric, live, held));
                        }
                      });
            });
    view.liveDrift()
        .forEach(
            (column, psi) -> {
              if (psi > model.retrainPsi()) {
                reasons.add(
                    "input %s has drifted: PSI %.3f above %.2f"
                        .formatted(column, psi, model.retrainPsi()));
              }
            });
    return new ModelTraining(
        name,
        active,
        versions,
        view.liveQuality(),
        view.liveDrift(),
        !reasons.isEmpty(),
        List.copyOf(reasons));
  }

  private static VersionTraining version(ModelCard card) {
    JsonNode t = card.raw().path("training");
    return new VersionTraining(
        card.version(),
        t.path("dataHash").asText(null),
        t.path("seed").isNumber() ? t.path("seed").asLong() : null,
        t.path("wallSeconds").isNumber() ? t.path("wallSeconds").asDouble() : null,
        card.heldOutFigures(),
        card.floorsMet());
  }

  /** Every card under the models directory, by model name, versions in order. */
  private Map<String, List<ModelCard>> cards() {
    Map<String, List<ModelCard>> out = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> models = Files.list(dir)) {
      for (Path m : models.filter(Files::isDirectory).toList()) {
        try (Stream<Path> versions = Files.list(m)) {
          List<ModelCard> found =
              versions
                  .filter(v -> v.getFileName().toString().matches("[1-9][0-9]*"))
                  .filter(v -> Files.isRegularFile(v.resolve("card.json")))
                  .sorted(Comparator.comparingLong(v -> Long.parseLong(v.getFileName().toString())))
                  .map(v -> ModelCard.read(v.resolve("card.json")))
                  .toList();
          if (!found.isEmpty()) {
            out.put(m.getFileName().toString(), found);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
