package io.vitrum.streams.ingest.mqtt;

import com.google.protobuf.InvalidProtocolBufferException;
import io.vitrum.core.ingest.Quality;
import io.vitrum.core.ingest.SourceKind;
import io.vitrum.core.ingest.SourceReading;
import io.vitrum.core.ingest.TagMap;
import io.vitrum.core.ingest.TagMapRow;
import io.vitrum.core.plant.TagId;
import io.vitrum.core.rejection.Rejection;
import io.vitrum.core.rejection.RejectionCode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.tahu.protobuf.SparkplugBProto.DataType;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.Metric;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.PropertySet;

/**
 * Decodes Sparkplug B messages into source readings and keeps what a host application must remember
 * between them: per edge node and device the metrics their BIRTH certificates declared (name,
 * alias, datatype, engineering unit), the node's {@code bdSeq} and message {@code seq}, and whether
 * it is online.
 *
 * <p>Readings: every numeric metric of a BIRTH (its current value) and of a DATA message. Booleans
 * are 0/1; integers honour their Sparkplug datatype (signed or unsigned width); {@code is_null}
 * gives NaN with quality {@link Quality#BAD}; the metric's timestamp (ms since the epoch) or else
 * the payload's. Protocol metrics ({@code bdSeq}, {@code Node Control/*}, {@code Device Control/*})
 * are not readings.
 *
 * <p>Tags: a tag-map row with source {@code mqtt} and address {@code
 * spb:<group>/<edgeNode>/<device>/<metricName>} (device empty for node metrics) maps that metric to
 * the row's tag; otherwise a metric whose name is a valid tag id is that tag; otherwise the
 * reading's tag is {@code <group>/<edgeNode>/<device>/<metricName>}, which validation quarantines
 * as unknown (never dropped silently).
 *
 * <p>Non-numeric metrics (String, DateTime, DataSet, …) that map to a tag make the message
 * malformed; unmapped ones (device descriptions, properties) are skipped and counted.
 *
 * <p>DEATH: an NDEATH whose {@code bdSeq} matches the node's birth takes the node and its devices
 * offline (a stale one, left over from an earlier session, is ignored and counted); DDEATH takes
 * one device offline. Data arriving for an offline node or device, before a new BIRTH, is decoded
 * with quality {@link Quality#BAD} (stale): quarantined, not believed.
 *
 * <p>A DATA metric that names an alias no BIRTH declared (and carries no name) makes the message
 * malformed ("no birth certificate for alias N") and asks for a rebirth of that edge node (at most
 * once per {@code rebirthMinInterval}). So does data from an edge node never seen born, though its
 * named metrics still decode. Thread-safe (one lock; one ingest stream calls it).
 */
public final class SparkplugDecoder {
  /** The address prefix of Sparkplug rows in the tag map. */
  public static final String ADDRESS_PREFIX = "spb:";

  private final Supplier<TagMap> tagMap;
  private final boolean rebirthRequests;
  private final Duration rebirthMinInterval;
  private final int maxPayloadBytes;
  private final Map<String, Node> nodes = new HashMap<>();
  private final SparkplugCounters.Counting counters = new SparkplugCounters.Counting();
  private TagMap indexedMap;
  private Map<String, String> addressIndex = Map.of();

  /**
   * @param tagMap the current tag map (read on every message: a new map applies at once)
   * @param rebirthRequests whether to ask edge nodes for a rebirth
   * @param rebirthMinInterval at most one rebirth request per edge node this often
   * @param maxPayloadBytes larger payloads are {@link RejectionCode#PAYLOAD_TOO_LARGE}
   */
  public SparkplugDecoder(
      Supplier<TagMap> tagMap,
      boolean rebirthRequests,
      Duration rebirthMinInterval,
      int maxPayloadBytes) {
    this.tagMap = tagMap;
    this.rebirthRequests = rebirthRequests;
    this.rebirthMinInterval = rebirthMinInterval;
    this.maxPayloadBytes = maxPayloadBytes;
  }

  /**
   * What one message decoded to.
   *
   * @param readings the readings (empty for DEATH and command messages)
   * @param rejection why the message is malformed, or {@code null}
   * @param rebirth the edge node to ask for a rebirth now, or {@code null}
   */
  public record Decoded(List<SourceReading> readings, Rejection rejection, SparkplugTopic rebirth) {
    public Decoded {
      readings = List.copyOf(readings);
    }
  }

  /** Counts since start, and which edge nodes are online. */
  public synchronized SparkplugCounters counters() {
    int online = (int) nodes.values().stream().filter(n -> n.born && n.online).count();
    int offline = (int) nodes.values().stream().filter(n -> n.born && !n.online).count();
    return counters.snapshot(online, offline);
  }

  /** Decodes the message {@code payload} that arrived on {@code topicName}. */
  public synchronized Decoded decode(String topicName, byte[] payload, Instant receivedAt) {
    Optional<SparkplugTopic> parsed = SparkplugTopic.parse(topicName);
    if (parsed.isEmpty()) {
      return malformed(
          "topic '"
              + topicName
              + "' is not a Sparkplug B edge topic spBv1.0/<group>/<type>/<edgeNode>[/<device>]",
          null);
    }
    SparkplugTopic topic = parsed.get();
    if (topic.type() == SparkplugTopic.Type.NCMD || topic.type() == SparkplugTopic.Type.DCMD) {
      return new Decoded(List.of(), null, null); // commands to edge nodes (ours included)
    }
    if (payload.length > maxPayloadBytes) {
      return new Decoded(
          List.of(),
          Rejection.of(
              RejectionCode.PAYLOAD_TOO_LARGE,
              "payload of "
                  + payload.length
                  + " bytes is over the limit of "
                  + maxPayloadBytes
                  + " bytes"),
          null);
    }
    Payload message;
    try {
      message = Payload.parseFrom(payload);
    } catch (InvalidProtocolBufferException e) {
      return malformed("not a Sparkplug B payload: " + e.getMessage(), null);
    }
    if (!message.getUnknownFields().asMap().isEmpty()
        && message.getMetricsCount() == 0
        && !message.hasTimestamp()) {
      return malformed(
          "not a Sparkplug B payload: no timestamp, no metrics, only unknown fields", null);
    }
    try {
      return switch (topic.type()) {
        case NBIRTH -> nodeBirth(topic, message);
        case DBIRTH -> deviceBirth(topic, message, receivedAt);
        case NDATA, DDATA -> data(topic, message, receivedAt);
        case NDEATH -> nodeDeath(topic, message);
        case DDEATH -> deviceDeath(topic, message);
        case NCMD, DCMD -> new Decoded(List.of(), null, null);
      };
    } catch (Malformed e) {
      return malformed(e.getMessage(), e.rebirth);
    }
  }

  private Decoded nodeBirth(SparkplugTopic topic, Payload message) {
    Node node = new Node();
    Node previous = nodes.put(topic.nodeKey(), node);
    node.lastRebirthRequest = previous == null ? null : previous.lastRebirthRequest;
    node.born = true;
    node.online = true;
    node.nextSeq = message.hasSeq() ? (int) ((message.getSeq() + 1) % 256) : -1;
    for (Metric m : message.getMetricsList()) {
      if (m.hasName() && m.getName().equals("bdSeq")) {
        node.bdSeq = m.hasLongValue() ? m.getLongValue() : m.getIntValue();
      }
    }
    Scope scope = node.scope("");
    scope.born = true;
    scope.online = true;
    learn(topic, scope, message);
    counters.births++;
    return new Decoded(readings(topic, node, scope, message, null), null, null);
  }

  private Decoded deviceBirth(SparkplugTopic topic, Payload message, Instant now) {
    Node node = node(topic);
    checkSeq(node, message);
    Scope scope = new Scope();
    node.devices.put(topic.device(), scope);
    scope.born = true;
    scope.online = true;
    learn(topic, scope, message);
    counters.births++;
    List<SourceReading> readings = readings(topic, node, scope, message, null);
    SparkplugTopic rebirth = node.born ? null : rebirth(topic, node, now);
    return new Decoded(readings, null, rebirth);
  }

  private Decoded data(SparkplugTopic topic, Payload message, Instant now) {
    Node node = node(topic);
    checkSeq(node, message);
    Scope scope = node.scope(topic.device());
    List<SourceReading> readings = readings(topic, node, scope, message, now);
    SparkplugTopic rebirth = node.born ? null : rebirth(topic, node, now);
    return new Decoded(readings, null, rebirth);
  }

  private Decoded nodeDeath(SparkplugTopic topic, Payload message) {
    Node node = nodes.get(topic.nodeKey());
    Long bdSeq = null;
    for (Metric m : message.getMetricsList()) {
      if (m.hasName() && m.getName().equals("bdSeq")) {
        bdSeq = m.hasLongValue() ? m.getLongValue() : (long) m.getIntValue();
      }
    }
    if (node == null || (node.bdSeq != null && bdSeq != null && !node.bdSeq.equals(bdSeq))) {
      counters.staleDeathsIgnored++; // the will of an earlier session, after a newer birth
      return new Decoded(List.of(), null, null);
    }
    node.online = false;
    node.nextSeq = -1;
    node.devices.values().forEach(d -> d.online = false);
    counters.deaths++;
    return new Decoded(List.of(), null, null);
  }

  private Decoded deviceDeath(SparkplugTopic topic, Payload message) {
    Node node = node(topic);
    checkSeq(node, message);
    node.scope(topic.device()).online = false;
    counters.deaths++;
    return new Decoded(List.of(), null, null);
  }

  /** Remembers what a BIRTH declares. */
  private static void learn(SparkplugTopic topic, Scope scope, Payload message) {
    for (int i = 0; i < message.getMetricsCount(); i++) {
      Metric m = message.getMetrics(i);
      if (!m.hasName()) {
        throw new Malformed(
            topic.type() + " metric #" + i + " of " + where(topic) + " has no name", null);
      }
      int datatype = m.hasDatatype() ? m.getDatatype() : inferredType(m);
      MetricDef def = new MetricDef(m.getName(), datatype, unit(m));
      scope.byName.put(def.name, def);
      if (m.hasAlias()) {
        scope.byAlias.put(m.getAlias(), def);
      }
    }
  }

  private List<SourceReading> readings(
      SparkplugTopic topic, Node node, Scope scope, Payload message, Instant now) {
    boolean stale = (node.born && !node.online) || (scope.born && !scope.online);
    List<SourceReading> out = new ArrayList<>(message.getMetricsCount());
    for (Metric m : message.getMetricsList()) {
      MetricDef def = m.hasName() ? scope.byName.get(m.getName()) : null;
      if (def == null && !m.hasName()) {
        def = m.hasAlias() ? scope.byAlias.get(m.getAlias()) : null;
        if (def == null) {
          counters.unknownAliases++;
          String what =
              m.hasAlias() ? "alias " + m.getAlias() : "a metric with neither name nor alias";
          throw new Malformed(
              "no birth certificate for " + what + " of " + where(topic),
              now == null ? null : rebirth(topic, node, now));
        }
      }
      String name = m.hasName() ? m.getName() : def.name;
      if (isProtocolMetric(name)) {
        continue;
      }
      int datatype =
          m.hasDatatype() ? m.getDatatype() : def != null ? def.datatype : inferredType(m);
      String tag = tag(topic, name);
      boolean mapped = tag.indexOf('/') < 0; // tag ids never hold a '/', unknown-metric paths do
      Double value = m.getIsNull() ? Double.valueOf(Double.NaN) : numeric(m, datatype);
      if (value == null) {
        if (mapped) {
          throw new Malformed(
              "metric '"
                  + name
                  + "' of "
                  + where(topic)
                  + " (tag "
                  + tag
                  + ") is "
                  + typeName(datatype, m)
                  + ", not a number",
              null);
        }
        counters.skippedNonNumeric++;
        continue;
      }
      long millis;
      if (m.hasTimestamp()) {
        millis = m.getTimestamp();
      } else if (message.hasTimestamp()) {
        millis = message.getTimestamp();
      } else {
        throw new Malformed(
            "metric '" + name + "' of " + where(topic) + " has no timestamp, nor has the payload",
            null);
      }
      Quality quality = m.getIsNull() || stale ? Quality.BAD : Quality.GOOD;
      if (stale) {
        counters.staleReadings++;
      }
      String unit = def != null ? def.unit : unit(m);
      out.add(new SourceReading(tag, Instant.ofEpochMilli(millis), value, unit, quality));
    }
    return out;
  }

  /** The tag of a metric (see the class comment). */
  private String tag(SparkplugTopic topic, String metric) {
    TagMap current = tagMap.get();
    if (current != indexedMap) {
      Map<String, String> index = new HashMap<>();
      for (TagMapRow row : current.rows()) {
        if (row.source() == SourceKind.MQTT && row.address().startsWith(ADDRESS_PREFIX)) {
          index.put(row.address(), row.tag());
        }
      }
      addressIndex = index;
      indexedMap = current;
    }
    String path = topic.group() + "/" + topic.edgeNode() + "/" + topic.device() + "/" + metric;
    String row = addressIndex.get(ADDRESS_PREFIX + path);
    if (row != null) {
      return row;
    }
    return TagId.isValid(metric) ? metric : path;
  }

  private void checkSeq(Node node, Payload message) {
    if (!message.hasSeq()) {
      return;
    }
    int seq = (int) (message.getSeq() % 256);
    if (node.nextSeq >= 0 && seq != node.nextSeq) {
      counters.seqGaps++;
    }
    node.nextSeq = (seq + 1) % 256;
  }

  private Node node(SparkplugTopic topic) {
    return nodes.computeIfAbsent(topic.nodeKey(), k -> new Node());
  }

  /** The node to ask for a rebirth now, if requests are on and none went out lately. */
  private SparkplugTopic rebirth(SparkplugTopic topic, Node node, Instant now) {
    if (!rebirthRequests
        || (node.lastRebirthRequest != null
            && node.lastRebirthRequest.plus(rebirthMinInterval).isAfter(now))) {
      return null;
    }
    node.lastRebirthRequest = now;
    counters.rebirthRequests++;
    return new SparkplugTopic(topic.group(), SparkplugTopic.Type.NCMD, topic.edgeNode(), "");
  }

  private static Decoded malformed(String reason, SparkplugTopic rebirth) {
    return new Decoded(List.of(), Rejection.of(RejectionCode.MALFORMED_PAYLOAD, reason), rebirth);
  }

  private static boolean isProtocolMetric(String name) {
    return name.equals("bdSeq")
        || name.startsWith("Node Control/")
        || name.startsWith("Device Control/");
  }

  private static String where(SparkplugTopic topic) {
    return topic.device().isEmpty()
        ? topic.group() + "/" + topic.edgeNode()
        : topic.group() + "/" + topic.edgeNode() + "/" + topic.device();
  }

  /** The value as a double, or {@code null} when the metric is not numeric. */
  static Double numeric(Metric m, int datatype) {
    switch (m.getValueCase()) {
      case INT_VALUE -> {
        int v = m.getIntValue();
        return switch (datatype) {
          case DataType.Int8_VALUE -> (double) (byte) v;
          case DataType.Int16_VALUE -> (double) (short) v;
          case DataType.UInt8_VALUE -> (double) (v & 0xFF);
          case DataType.UInt16_VALUE -> (double) (v & 0xFFFF);
          case DataType.UInt32_VALUE, DataType.UInt64_VALUE -> (double) Integer.toUnsignedLong(v);
          case DataType.Int32_VALUE,
              DataType.Int64_VALUE,
              DataType.Unknown_VALUE,
              DataType.Float_VALUE,
              DataType.Double_VALUE ->
              (double) v;
          default -> null;
        };
      }
      case LONG_VALUE -> {
        long v = m.getLongValue();
        return switch (datatype) {
          case DataType.Int8_VALUE -> (double) (byte) v;
          case DataType.Int16_VALUE -> (double) (short) v;
          case DataType.Int32_VALUE -> (double) (int) v;
          case DataType.UInt8_VALUE -> (double) (v & 0xFF);
          case DataType.UInt16_VALUE -> (double) (v & 0xFFFF);
          case DataType.UInt32_VALUE -> (double) (v & 0xFFFF_FFFFL);
          case DataType.UInt64_VALUE -> unsigned(v);
          case DataType.Int64_VALUE,
              DataType.Unknown_VALUE,
              DataType.Float_VALUE,
              DataType.Double_VALUE ->
              (double) v;
          default -> null; // DateTime is a time, not a measurement
        };
      }
      case FLOAT_VALUE -> {
        return isNumericType(datatype) ? (double) m.getFloatValue() : null;
      }
      case DOUBLE_VALUE -> {
        return isNumericType(datatype) ? m.getDoubleValue() : null;
      }
      case BOOLEAN_VALUE -> {
        return datatype == DataType.Boolean_VALUE || datatype == DataType.Unknown_VALUE
            ? (m.getBooleanValue() ? 1.0 : 0.0)
            : null;
      }
      default -> {
        return null;
      }
    }
  }

  private static boolean isNumericType(int datatype) {
    return datatype == DataType.Float_VALUE
        || datatype == DataType.Double_VALUE
        || datatype == DataType.Unknown_VALUE
        || (datatype >= DataType.Int8_VALUE && datatype <= DataType.UInt64_VALUE);
  }

  private static double unsigned(long v) {
    return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
  }

  private static int inferredType(Metric m) {
    return switch (m.getValueCase()) {
      case INT_VALUE -> DataType.Int32_VALUE;
      case LONG_VALUE -> DataType.Int64_VALUE;
      case FLOAT_VALUE -> DataType.Float_VALUE;
      case DOUBLE_VALUE -> DataType.Double_VALUE;
      case BOOLEAN_VALUE -> DataType.Boolean_VALUE;
      case STRING_VALUE -> DataType.String_VALUE;
      case BYTES_VALUE -> DataType.Bytes_VALUE;
      case DATASET_VALUE -> DataType.DataSet_VALUE;
      case TEMPLATE_VALUE -> DataType.Template_VALUE;
      default -> DataType.Unknown_VALUE;
    };
  }

  private static String typeName(int datatype, Metric m) {
    if (m.getValueCase() == Metric.ValueCase.VALUE_NOT_SET) {
      return "without a value";
    }
    DataType type = DataType.forNumber(datatype);
    return "a " + (type == null ? "datatype " + datatype : type.name());
  }

  /** The engineering unit a BIRTH states in the metric's properties ({@code engUnit}). */
  private static String unit(Metric m) {
    if (!m.hasProperties()) {
      return null;
    }
    PropertySet properties = m.getProperties();
    for (int i = 0; i < properties.getKeysCount() && i < properties.getValuesCount(); i++) {
      if (properties.getKeys(i).equalsIgnoreCase("engUnit")
          && properties.getValues(i).hasStringValue()) {
        return properties.getValues(i).getStringValue();
      }
    }
    return null;
  }

  /** What a BIRTH declared about one metric. */
  private record MetricDef(String name, int datatype, String unit) {}

  /** The metrics of an edge node itself (device "") or of one of its devices. */
  private static final class Scope {
    private final Map<Long, MetricDef> byAlias = new HashMap<>();
    private final Map<String, MetricDef> byName = new HashMap<>();
    private boolean born;
    private boolean online;
  }

  /** One edge node. */
  private static final class Node {
    private final Scope self = new Scope();
    private final Map<String, Scope> devices = new HashMap<>();
    private boolean born;
    private boolean online;
    private Long bdSeq;
    private int nextSeq = -1;
    private Instant lastRebirthRequest;

    Scope scope(String device) {
      return device.isEmpty() ? self : devices.computeIfAbsent(device, d -> new Scope());
    }
  }

  /** A message that cannot be decoded, with the rebirth to request if any. */
  private static final class Malformed extends RuntimeException {
    private final transient SparkplugTopic rebirth;

    Malformed(String reason, SparkplugTopic rebirth) {
      super(reason, null, false, false);
      this.rebirth = rebirth;
    }
  }
}
