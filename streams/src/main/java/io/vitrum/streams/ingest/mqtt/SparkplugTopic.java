package io.vitrum.streams.ingest.mqtt;

import java.util.Optional;

/**
 * A Sparkplug B edge topic: {@code spBv1.0/<group>/<type>/<edgeNode>} for node messages, {@code
 * spBv1.0/<group>/<type>/<edgeNode>/<device>} for device messages.
 *
 * @param group the group id
 * @param type the message type
 * @param edgeNode the edge node id
 * @param device the device id, empty for node messages
 */
public record SparkplugTopic(String group, Type type, String edgeNode, String device) {
  /** The topic namespace of Sparkplug B. */
  public static final String NAMESPACE = "spBv1.0";

  /** Sparkplug B message types of edge topics. */
  public enum Type {
    NBIRTH,
    NDATA,
    NDEATH,
    NCMD,
    DBIRTH,
    DDATA,
    DDEATH,
    DCMD;

    /** Whether the type is about a device (its topic has a device segment). */
    public boolean isDevice() {
      return name().charAt(0) == 'D';
    }
  }

  /** The topic's parts, or empty when it is not a Sparkplug B edge topic. */
  public static Optional<SparkplugTopic> parse(String topic) {
    String[] parts = topic.split("/", -1);
    if (parts.length < 4 || parts.length > 5 || !parts[0].equals(NAMESPACE)) {
      return Optional.empty();
    }
    Type type;
    try {
      type = Type.valueOf(parts[2]);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (type.isDevice() != (parts.length == 5)) {
      return Optional.empty();
    }
    for (String part : parts) {
      if (part.isEmpty()) {
        return Optional.empty();
      }
    }
    return Optional.of(
        new SparkplugTopic(parts[1], type, parts[3], parts.length == 5 ? parts[4] : ""));
  }

  /** {@code <group>/<edgeNode>}: one edge node. */
  public String nodeKey() {
    return group + "/" + edgeNode;
  }

  /** The topic of a message of {@code type} to this topic's edge node or device. */
  public String topicOf(Type other) {
    String base = NAMESPACE + "/" + group + "/" + other + "/" + edgeNode;
    return other.isDevice() ? base + "/" + device : base;
  }
}
