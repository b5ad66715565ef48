package io.vitrum.streams.ml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vitrum.core.ml.ModelRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code models/index.json}: aliases ({@code forecaster@prod}) onto immutable versions ({@code
 * forecaster/1}), and each version's file, card and sha256, relative to the models directory.
 */
public final class ModelIndex {
  /** One version's files. */
  public record Entry(ModelRef ref, Path file, Path card, String sha256) {}

  private final Path dir;
  private final Map<String, ModelRef> aliases;
  private final Map<ModelRef, Entry> versions;

  private ModelIndex(Path dir, Map<String, ModelRef> aliases, Map<ModelRef, Entry> versions) {
    this.dir = dir;
    this.aliases = aliases;
    this.versions = versions;
  }

  /** Reads {@code dir/index.json}. */
  public static ModelIndex read(Path dir) {
    JsonNode tree;
    try {
      tree = JsonMapper.builder().build().readTree(dir.resolve("index.json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir.resolve("index.json"), e);
    }
    Map<String, ModelRef> aliases = new TreeMap<>();
    tree.path("aliases")
        .fields()
        .forEachRemaining(e -> aliases.put(e.getKey(), ModelRef.parse(e.getValue().asText())));
    Map<ModelRef, Entry> versions = new TreeMap<>(ModelIndex::compare);
    tree.path("versions")
        .fields()
        .forEachRemaining(
            e -> {
              ModelRef ref = ModelRef.parse(e.getKey());
              JsonNode v = e.getValue();
              versions.put(
                  ref,
                  new Entry(
                      ref,
                      dir.resolve(v.path("file").asText()),
                      dir.resolve(v.path("card").asText()),
                      v.path("sha256").asText()));
            });
    return new ModelIndex(dir, aliases, versions);
  }

  /** The models directory. */
  public Path dir() {
    return dir;
  }

  /** What {@code alias} ({@code <name>@<alias>}) points at. */
  public Optional<ModelRef> resolve(String alias) {
    return Optional.ofNullable(aliases.get(alias));
  }

  /** The production version of {@code name} ({@code <name>@prod}). */
  public Optional<Entry> production(String name) {
    return resolve(name + "@prod").map(versions::get);
  }

  /** The files of {@code ref}. */
  public Optional<Entry> entry(ModelRef ref) {
    return Optional.ofNullable(versions.get(ref));
  }

  /** Every version, by name then version number. */
  public Iterable<Entry> entries() {
    return versions.values();
  }

  /** Every alias. */
  public Map<String, ModelRef> aliases() {
    return Map.copyOf(aliases);
  }

  private static int compare(ModelRef a, ModelRef b) {
    int byName = a.name().compareTo(b.name());
    return byName != 0
        ? byName
        : Long.compare(Long.parseLong(a.version()), Long.parseLong(b.version()));
  }
}
