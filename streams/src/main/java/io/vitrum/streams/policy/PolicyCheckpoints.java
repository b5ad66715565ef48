package io.vitrum.streams.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vitrum.core.rl.PolicyCheckpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** A stopped training run's {@link PolicyCheckpoint} as a JSON file, written atomically. */
final class PolicyCheckpoints {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private PolicyCheckpoints() {}

  static Optional<PolicyCheckpoint> read(Path file) {
    if (file == null || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(file.toFile(), PolicyCheckpoint.class));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read training checkpoint " + file, e);
    }
  }

  static void write(Path file, PolicyCheckpoint checkpoint) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      JSON.writeValue(tmp.toFile(), checkpoint);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write training checkpoint " + file, e);
    }
  }
}
