package io.vitrum.streams.inference;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;

/**
 * The latest reject decisions this node made, per furnace, with the frames they were made on, for
 * the API: at most {@code perFurnace} per furnace (the oldest goes first), each frame's image kept
 * only when it is at most {@code maxImageBytes} (a camera's thumbnail, not its full picture). A
 * decision repeated after a restart replaces the one made on the same frame. Node-local and lost on
 * restart: the decisions topic is the record. Thread-safe.
 */
public final class RecentInspections implements Extension {
  /** Decisions kept per furnace on a node. */
  public static final int PER_FURNACE = 50;

  /** The largest frame whose image is kept (bytes as sent). */
  public static final int MAX_IMAGE_BYTES = 64 * 1024;

  private static final ExtensionId<RecentInspections> ID =
      new ExtensionId<>() {
        @Override
        public RecentInspections createExtension(ActorSystem<?> system) {
          return new RecentInspections(PER_FURNACE, MAX_IMAGE_BYTES);
        }
      };

  private static final Comparator<InspectedFrame> NEWEST_FIRST =
      Comparator.comparing((InspectedFrame f) -> f.decision().capturedAt())
          .thenComparing(f -> f.decision().decidedAt())
          .reversed();

  /** A kept decision and its frame's bytes ({@code null} when not kept). */
  private record Kept(InspectedFrame frame, byte[] image) {}

  private final int perFurnace;
  private final int maxImageBytes;
  private final Map<String, Deque<Kept>> byFurnace = new HashMap<>();

  /** This node's record. */
  public static RecentInspections get(ActorSystem<?> system) {
    return ID.apply(system);
  }

  public RecentInspections(int perFurnace, int maxImageBytes) {
    if (perFurnace < 1 || maxImageBytes < 0) {
      throw new IllegalArgumentException(
          "perFurnace must be positive and maxImageBytes not negative");
    }
    this.perFurnace = perFurnace;
    this.maxImageBytes = maxImageBytes;
  }

  /** The id of the frame at {@code offset} of {@code partition} of {@code vitrum.frames}. */
  public static String frameId(int partition, long offset) {
    return partition + "-" + offset;
  }

  /**
   * Keeps {@code decision}, made on frame {@code id}; {@code image} is the frame as sent ({@code
   * null}: none).
   */
  public void add(String id, InspectionDecision decision, byte[] image) {
    boolean keepImage = image != null && image.length <= maxImageBytes;
    Kept kept = new Kept(new InspectedFrame(id, decision, keepImage), keepImage ? image : null);
    synchronized (byFurnace) {
      Deque<Kept> line = byFurnace.computeIfAbsent(decision.furnace(), f -> new ArrayDeque<>());
      line.removeIf(k -> k.frame().id().equals(id));
      line.addLast(kept);
      while (line.size() > perFurnace) {
        line.removeFirst();
      }
    }
  }

  /** At most {@code limit} decisions of the furnaces {@code furnaces} accepts, newest first. */
  public List<InspectedFrame> newest(Predicate<String> furnaces, int limit) {
    List<InspectedFrame> out = new ArrayList<>();
    synchronized (byFurnace) {
      byFurnace.forEach(
          (furnace, line) -> {
            if (furnaces.test(furnace)) {
              line.forEach(k -> out.add(k.frame()));
            }
          });
    }
    out.sort(NEWEST_FIRST);
    return out.size() > limit ? List.copyOf(out.subList(0, limit)) : List.copyOf(out);
  }

  /** The kept decision on frame {@code id}. */
  public Optional<InspectedFrame> frame(String id) {
    return find(id).map(Kept::frame);
  }

  /** The kept image of frame {@code id}, as PNG. */
  public Optional<byte[]> png(String id) {
    return find(id).map(Kept::image).flatMap(FramePng::of);
  }

  private Optional<Kept> find(String id) {
    synchronized (byFurnace) {
      for (Deque<Kept> line : byFurnace.values()) {
        for (Kept k : line) {
          if (k.frame().id().equals(id)) {
            return Optional.of(k);
          }
        }
      }
    }
    return Optional.empty();
  }
}
