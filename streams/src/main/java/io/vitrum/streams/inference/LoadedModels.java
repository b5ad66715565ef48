package io.vitrum.streams.inference;

import io.vitrum.core.ml.ModelRef;
import io.vitrum.streams.ml.ModelCard;
import io.vitrum.streams.ml.ModelIndex;
import io.vitrum.streams.ml.OnnxModel;
import io.vitrum.streams.ml.VisionClassifier;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's ONNX Runtime sessions: the production version ({@code <name>@prod}) of every model in
 * the index, each checked against its card as it loads. A version that fails its check is not
 * served (and says why in the log); the others are.
 */
public final class LoadedModels implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LoadedModels.class);

  /** The vision model's name in the index. */
  public static final String VISION = "vision";

  private final Optional<ModelIndex> index;
  private final Map<String, OnnxModel> byName;

  private LoadedModels(Optional<ModelIndex> index, Map<String, OnnxModel> byName) {
    this.index = index;
    this.byName = byName;
  }

  /** Nothing loaded (serving off, or no models directory). */
  public static LoadedModels none() {
    return new LoadedModels(Optional.empty(), Map.of());
  }

  /** Loads the production versions under {@code settings.modelsDir()}. */
  public static LoadedModels open(InferenceSettings settings) {
    if (!settings.enabled()) {
      log.info("Serving is off (vitrum.inference.enabled)");
      return none();
    }
    if (!Files.isRegularFile(settings.modelsDir().resolve("index.json"))) {
      log.warn("No model index at {}: no model is served", settings.modelsDir().toAbsolutePath());
      return none();
    }
    ModelIndex index = ModelIndex.read(settings.modelsDir());
    Map<String, OnnxModel> loaded = new TreeMap<>();
    for (Map.Entry<String, ModelRef> alias : index.aliases().entrySet()) {
      if (!alias.getKey().endsWith("@prod")) {
        continue;
      }
      ModelRef ref = alias.getValue();
      index
          .entry(ref)
          .ifPresent(
              entry -> {
                try {
                  long started = System.nanoTime();
                  OnnxModel model =
                      OnnxModel.load(
                          entry.file(), ModelCard.read(entry.card()), settings.threads());
                  loaded.put(ref.name(), model);
                  log.info(
                      "Serving {} ({} ms to load, floors met: {})",
                      ref,
                      (System.nanoTime() - started) / 1_000_000,
                      model.card().floorsMet());
                } catch (RuntimeException e) {
                  log.error("Not serving {}: {}", ref, e.getMessage());
                }
              });
    }
    return new LoadedModels(Optional.of(index), loaded);
  }

  /** The index read at start, if there was one. */
  public Optional<ModelIndex> index() {
    return index;
  }

  /** The session of {@code name}'s production version, if it loaded. */
  public Optional<OnnxModel> model(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The vision model as a classifier, if it loaded. */
  public Optional<VisionClassifier> vision() {
    return model(VISION).map(VisionClassifier::new);
  }

  /** The loaded models by name. */
  public Map<String, OnnxModel> all() {
    return Map.copyOf(byName);
  }

  @Override
  public void close() {
    byName.values().forEach(OnnxModel::close);
  }
}
