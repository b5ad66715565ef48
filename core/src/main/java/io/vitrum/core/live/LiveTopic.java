package io.vitrum.core.live;

import io.vitrum.core.plant.FurnaceId;
import io.vitrum.core.plant.TagId;
import java.util.Optional;

/**
 * A topic of live updates, as clients name it: {@code furnace/{id}}, {@code sensors/{tag}}, {@code
 * twin/{id}} (about one furnace) or one of the global topics {@code alerts}, {@code predictions},
 * {@code incidents}, {@code pipeline_result} (about every furnace, filtered by the caller's scope).
 *
 * @param name the topic as written, e.g. {@code furnace/F1}
 * @param furnace the furnace a per-furnace topic is about; null for a global topic
 */
public record LiveTopic(String name, String furnace) {
  public static final String ALERTS = "alerts";
  public static final String PREDICTIONS = "predictions";
  public static final String INCIDENTS = "incidents";
  public static final String PIPELINE_RESULT = "pipeline_result";

  private static final int MAX_LENGTH = 160;

  /** The topic {@code name}, if it is a well-formed one. */
  public static Optional<LiveTopic> parse(String name) {
    if (name == null || name.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    switch (name) {
      case ALERTS, PREDICTIONS, INCIDENTS, PIPELINE_RESULT:
        return Optional.of(new LiveTopic(name, null));
      default:
        break;
    }
    int slash = name.indexOf('/');
    if (slash < 0) {
      return Optional.empty();
    }
    String kind = name.substring(0, slash);
    String arg = name.substring(slash + 1);
    return switch (kind) {
      case "furnace", "twin" ->
          FurnaceId.isValid(arg) ? Optional.of(new LiveTopic(name, arg)) : Optional.empty();
      case "sensors" ->
          TagId.isValid(arg)
              ? Optional.of(new LiveTopic(name, TagId.furnaceOf(arg)))
              : Optional.empty();
      default -> Optional.empty();
    };
  }

  public static LiveTopic furnace(String furnaceId) {
    return new LiveTopic("furnace/" + furnaceId, furnaceId);
  }

  public static LiveTopic twin(String furnaceId) {
    return new LiveTopic("twin/" + furnaceId, furnaceId);
  }

  public static LiveTopic sensor(String tag) {
    return new LiveTopic("sensors/" + tag, TagId.furnaceOf(tag));
  }

  public static LiveTopic global(String name) {
    return new LiveTopic(name, null);
  }

  /** Whether the topic carries events of every furnace (the subscriber's scope filters them). */
  public boolean global() {
    return furnace == null;
  }
}
