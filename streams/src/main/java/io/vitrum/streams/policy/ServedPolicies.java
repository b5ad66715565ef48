package io.vitrum.streams.policy;

import io.vitrum.actors.policy.PolicyVersion;
import io.vitrum.streams.ml.ModelCard;
import io.vitrum.streams.ml.OnnxModel;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The policy versions this node runs, each loaded once from its folder (checked against its card by
 * {@link OnnxModel#load}) and kept open. Thread-safe.
 */
public final class ServedPolicies implements AutoCloseable {
  private final ConcurrentMap<String, OnnxModel> byDir = new ConcurrentHashMap<>();

  /**
   * {@code version} as a runnable policy.
   *
   * @throws IllegalArgumentException when its files are missing or do not match its card
   */
  public OnnxPolicy policy(PolicyVersion version) {
    return new OnnxPolicy(
        byDir.computeIfAbsent(
            version.dir(),
            d -> {
              Path dir = Path.of(d);
              return OnnxModel.load(
                  dir.resolve("model.onnx"), ModelCard.read(dir.resolve("card.json")), 1);
            }));
  }

  @Override
  public void close() {
    byDir.values().forEach(OnnxModel::close);
  }
}
