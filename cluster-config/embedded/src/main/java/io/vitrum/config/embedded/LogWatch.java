package io.vitrum.config.embedded;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Watches a server's log for its ready line: scans from where the log ended when the watch was
 * made, a little more on each call, so a line from an earlier run never counts. Also reads the end
 * of a log for error messages.
 */
final class LogWatch {
  private static final int TAIL_LINES = 20;

  private final Path file;
  private final String needle;
  private long offset;
  private String carry = "";
  private boolean seen;

  /** Watches {@code file} for {@code needle}; an empty needle counts as seen at once. */
  LogWatch(Path file, String needle) throws IOException {
    this.file = file;
    this.needle = needle;
    this.offset = Files.exists(file) ? Files.size(file) : 0;
    this.seen = needle.isEmpty();
  }

  /** Whether the line has appeared since the watch was made (always, for an empty line). */
  boolean seen() {
    if (seen || !Files.exists(file)) {
      return seen;
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size < offset) {
        offset = 0;
      }
      while (!seen && offset < size) {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(size - offset, 1 << 20));
        int read = channel.read(buffer, offset);
        if (read <= 0) {
          break;
        }
        offset += read;
        String text = carry + new String(buffer.array(), 0, read, StandardCharsets.ISO_8859_1);
        seen = text.contains(needle);
        carry = text.substring(Math.max(0, text.length() - needle.length()));
      }
    } catch (IOException e) {
      return false;
    }
    return seen;
  }

  /** The last lines of {@code file} (read from its last 64 KiB), or "" when there is none. */
  static String tail(Path file) {
    if (!Files.exists(file)) {
      return "";
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      int length = (int) Math.min(size, 64 << 10);
      ByteBuffer buffer = ByteBuffer.allocate(length);
      channel.read(buffer, size - length);
      List<String> lines =
          List.of(
              new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).split("\n"));
      return "\n--- last lines of "
          + file
          + " ---\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }
}
