package io.vitrum.streams.inference;

import io.vitrum.core.ml.ModelRef;
import io.vitrum.streams.ml.ModelCard;
import io.vitrum.streams.ml.ModelIndex;
import io.vitrum.streams.ml.OnnxModel;
import io.vitrum.streams.ml.VisionClassifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model versions this node serves: per model the active one (whose outputs are acted on) and
 * optionally a shadow (run beside it, scored, never acted on). At start the active version of each
 * model is its {@code <name>@prod} alias in the index; {@link #activate} and {@link #shadow} switch
 * them (the Model entity decides, the routes apply). Each version is loaded once, checked against
 * its card, and kept open: a batch in flight never sees its session closed.
 */
public final class ServedModels implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ServedModels.class);

  /** The vision model's name. */
  public static final String VISION = "vision";

  private record Served(ModelRef active, ModelRef shadow) {}

  private final Path dir;
  private final int threads;
  private final ConcurrentMap<ModelRef, OnnxModel> sessions = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Served> served = new ConcurrentHashMap<>();

  private ServedModels(Path dir, int threads) {
    this.dir = dir;
    this.threads = threads;
  }

  /** Nothing served (serving off, or no models directory). */
  public static ServedModels none() {
    return new ServedModels(Path.of("models"), 1);
  }

  /** Serves the production version of every model in {@code settings.modelsDir()}. */
  public static ServedModels open(InferenceSettings settings) {
    ServedModels models = new ServedModels(settings.modelsDir(), settings.threads());
    if (!settings.enabled()) {
      log.info("Serving is off (vitrum.inference.enabled)");
      return models;
    }
    if (!Files.isRegularFile(settings.modelsDir().resolve("index.json"))) {
      log.warn("No model index at {}: no model is served", settings.modelsDir().toAbsolutePath());
      return models;
    }
    ModelIndex index = ModelIndex.read(settings.modelsDir());
    index
        .aliases()
        .forEach(
            (alias, ref) -> {
              if (alias.endsWith("@prod")) {
                try {
                  models.activate(ref);
                } catch (RuntimeException e) {
                  log.error("Not serving {}: {}", ref, e.getMessage());
                }
              }
            });
    return models;
  }

  /** The directory the versions are read from. */
  public Path dir() {
    return dir;
  }

  /** The files of {@code ref}: {@code <dir>/<name>/<version>/model.onnx}. */
  public Path file(ModelRef ref) {
    return dir.resolve(ref.name()).resolve(ref.version()).resolve("model.onnx");
  }

  /** The card of {@code ref}: {@code <dir>/<name>/<version>/card.json}. */
  public Path card(ModelRef ref) {
    return dir.resolve(ref.name()).resolve(ref.version()).resolve("card.json");
  }

  /**
   * Serves {@code ref} as its model's active version, loading it if needed.
   *
   * @throws IllegalArgumentException when its files are missing or do not match its card
   */
  public void activate(ModelRef ref) {
    load(ref);
    served.merge(
        ref.name(),
        new Served(ref, null),
        (old, fresh) -> new Served(ref, ref.equals(old.shadow()) ? null : old.shadow()));
    log.info("Serving {} as the active version", ref);
  }

  /** Runs {@code version} of {@code name} in shadow; {@code null} stops the shadow. */
  public void shadow(String name, String version) {
    ModelRef ref = version == null ? null : new ModelRef(name, version);
    if (ref != null) {
      load(ref);
    }
    served.computeIfPresent(name, (n, s) -> new Served(s.active(), ref));
  }

  /**
   * Loads {@code ref} without serving it: the check a change must pass before it is recorded.
   *
   * @throws IllegalArgumentException when its files are missing or do not match its card
   */
  public void preload(ModelRef ref) {
    load(ref);
  }

  private OnnxModel load(ModelRef ref) {
    return sessions.computeIfAbsent(
        ref,
        r -> {
          long started = System.nanoTime();
          if (!Files.isRegularFile(file(r)) || !Files.isRegularFile(card(r))) {
            throw new IllegalArgumentException(
                "no model.onnx and card.json under " + file(r).getParent());
          }
          OnnxModel model = OnnxModel.load(file(r), ModelCard.read(card(r)), threads);
          log.info(
              "Loaded {} in {} ms (card floors met: {})",
              r,
              (System.nanoTime() - started) / 1_000_000,
              model.card().floorsMet());
          return model;
        });
  }

  /** The active version of {@code name}, if one is served. */
  public Optional<OnnxModel> active(String name) {
    return Optional.ofNullable(served.get(name)).map(s -> sessions.get(s.active()));
  }

  /** The shadow version of {@code name}, if one runs. */
  public Optional<OnnxModel> shadow(String name) {
    return Optional.ofNullable(served.get(name))
        .filter(s -> s.shadow() != null)
        .map(s -> sessions.get(s.shadow()));
  }

  /** The active vision model as a classifier, if one is served. */
  public Optional<VisionClassifier> vision() {
    return active(VISION).map(VisionClassifier::new);
  }

  /** The shadow vision model as a classifier, if one runs. */
  public Optional<VisionClassifier> visionShadow() {
    return shadow(VISION).map(VisionClassifier::new);
  }

  /** The active version per model name. */
  public Map<String, ModelRef> activeVersions() {
    Map<String, ModelRef> out = new TreeMap<>();
    served.forEach((name, s) -> out.put(name, s.active()));
    return out;
  }

  @Override
  public void close() {
    sessions.values().forEach(OnnxModel::close);
  }
}
