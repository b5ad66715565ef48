package io.vitrum.loadtests.plant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.vitrum.core.plant.TagId;
import io.vitrum.core.plant.TagSpec;
import io.vitrum.core.sim.FaultKind;
import io.vitrum.core.sim.FaultScenario;
import io.vitrum.http.errors.Problem;
import io.vitrum.http.errors.ProblemException;
import io.vitrum.http.json.Json;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A fault to inject through the control API, checked against the plant: {@code
 * {"furnace":"F2","kind":"lehr-fan-failure","magnitude":0.9}}, or for a sensor fault {@code
 * {"kind":"stuck-sensor","tag":"F2.crown.T3"}} (a furnace, if named, must be the tag's). Optional
 * {@code magnitude} (default: {@link MagnitudeRange#byDefault()}), {@code rampMinutes} (process
 * faults only, default 5) and {@code durationMinutes} (default 240). It starts when the simulation
 * thread applies it.
 *
 * @param furnace the furnace, the tag's for a sensor fault
 * @param kind what goes wrong
 * @param magnitude full-severity size, in the unit {@link FaultKind} documents for {@code kind}
 * @param tag the instrument of a sensor fault; null for a process fault
 * @param ramp how long a process fault takes to develop fully; zero for a sensor fault
 * @param duration how long it lasts unless repaired first
 */
public record FaultRequest(
    String furnace,
    FaultKind kind,
    double magnitude,
    String tag,
    Duration ramp,
    Duration duration) {

  /** Development time of a process fault whose request names none. */
  public static final Duration DEFAULT_RAMP = Duration.ofMinutes(5);

  /** Lifetime of a fault whose request names none. */
  public static final Duration DEFAULT_DURATION = Duration.ofHours(4);

  /** The longest fault accepted: a week. */
  public static final Duration MAX_DURATION = Duration.ofDays(7);

  private static final Set<String> FIELDS =
      Set.of("furnace", "kind", "magnitude", "tag", "rampMinutes", "durationMinutes");

  /** The scenario this request makes when it starts at {@code start}. */
  public FaultScenario scenarioAt(Instant start) {
    return tag == null
        ? FaultScenario.process(furnace, kind, start, ramp, duration, magnitude)
        : FaultScenario.sensor(tag, kind, start, duration, magnitude);
  }

  /**
   * Reads and checks a request body for a plant of {@code furnaces} publishing {@code tags} (by tag
   * id). A JSON {@code null} counts as an absent field.
   *
   * @throws ProblemException a 400 problem whose code says what is wrong: {@code malformed-json},
   *     {@code unknown-field}, {@code invalid-field} (a field of the wrong JSON type), {@code
   *     missing-field}, {@code unknown-kind}, {@code unknown-furnace}, {@code unknown-tag}, {@code
   *     tag-required}, {@code tag-not-allowed}, {@code furnace-mismatch}, {@code
   *     magnitude-out-of-range} (also for a non-finite one), {@code ramp-not-allowed}, {@code
   *     ramp-out-of-range} or {@code duration-out-of-range}
   */
  public static FaultRequest parse(byte[] body, Set<String> furnaces, Map<String, TagSpec> tags) {
    JsonNode root = read(body);
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw bad(
            "unknown-field", "unknown field \"" + name + "\"; the fields are " + sorted(FIELDS));
      }
    }
    String kindKey = text(root, "kind");
    if (kindKey == null) {
      throw bad("missing-field", "kind is required, one of " + kinds());
    }
    FaultKind kind =
        Arrays.stream(FaultKind.values())
            .filter(k -> k.key().equals(kindKey))
            .findFirst()
            .orElseThrow(
                () -> bad("unknown-kind", "unknown kind \"" + kindKey + "\", one of " + kinds()));
    String named = text(root, "furnace");
    String tag = text(root, "tag");
    String furnace = named;
    if (tag != null && !kind.isSensorFault()) {
      throw bad(
          "tag-not-allowed", kind.key() + " is a process fault: it acts on a furnace, name no tag");
    }
    if (tag == null && kind.isSensorFault()) {
      throw bad(
          "tag-required", kind.key() + " is a sensor fault: name its tag, e.g. \"F1.crown.T3\"");
    }
    if (tag != null) {
      if (!TagId.isValid(tag)) {
        throw bad("unknown-tag", "\"" + tag + "\" is not a tag id such as F1.crown.T3");
      }
      furnace = TagId.furnaceOf(tag);
      if (named != null && !named.equals(furnace)) {
        throw bad("furnace-mismatch", "tag " + tag + " is not a tag of furnace " + named);
      }
    }
    if (furnace == null) {
      throw bad("missing-field", "furnace is required for a process fault");
    }
    if (!furnaces.contains(furnace)) {
      throw bad(
          "unknown-furnace",
          "the plant has no furnace \"" + furnace + "\"; it has " + sorted(furnaces));
    }
    TagSpec spec = null;
    if (tag != null) {
      spec = tags.get(tag);
      if (spec == null) {
        throw bad("unknown-tag", furnace + " publishes no tag " + tag);
      }
    }
    MagnitudeRange range = MagnitudeRange.of(kind, spec);
    Double given = number(root, "magnitude");
    double magnitude = given == null ? range.byDefault() : given;
    if (!range.contains(magnitude)) {
      throw bad(
          "magnitude-out-of-range",
          "magnitude "
              + magnitude
              + " of "
              + kind.key()
              + " must be a finite number in ["
              + range.min()
              + ", "
              + range.max()
              + "]");
    }
    Duration duration = DEFAULT_DURATION;
    Double durationMinutes = number(root, "durationMinutes");
    if (durationMinutes != null) {
      boolean inRange = durationMinutes > 0 && durationMinutes <= MAX_DURATION.toMinutes();
      duration = inRange ? ofMinutes(durationMinutes) : Duration.ZERO;
      if (duration.isZero()) {
        throw bad(
            "duration-out-of-range",
            "durationMinutes "
                + durationMinutes
                + " must be more than 0 and at most "
                + MAX_DURATION.toMinutes()
                + " (a week)");
      }
    }
    Double rampMinutes = number(root, "rampMinutes");
    Duration ramp;
    if (kind.isSensorFault()) {
      if (rampMinutes != null) {
        throw bad(
            "ramp-not-allowed",
            kind.key() + " is a sensor fault: it acts at full size from its start, no rampMinutes");
      }
      ramp = Duration.ZERO;
    } else if (rampMinutes == null) {
      ramp = DEFAULT_RAMP.compareTo(duration) > 0 ? duration : DEFAULT_RAMP;
    } else {
      ramp =
          rampMinutes >= 0 && rampMinutes <= MAX_DURATION.toMinutes()
              ? ofMinutes(rampMinutes)
              : null;
      if (ramp == null || ramp.compareTo(duration) > 0) {
        throw bad(
            "ramp-out-of-range",
            "rampMinutes "
                + rampMinutes
                + " must be in [0, durationMinutes = "
                + duration.toMillis() / 60_000.0
                + "]");
      }
    }
    return new FaultRequest(furnace, kind, magnitude, tag, ramp, duration);
  }

  private static JsonNode read(byte[] body) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(body);
    } catch (JsonProcessingException e) {
      throw bad("malformed-json", "the body is not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw bad("malformed-json", "the body could not be read: " + e.getMessage());
    }
    if (root == null || root.isMissingNode()) {
      throw bad("malformed-json", "the body is empty; send a JSON object");
    }
    if (!root.isObject()) {
      throw bad("malformed-json", "the body must be a JSON object, not " + root.getNodeType());
    }
    return root;
  }

  /** The string {@code field}, or null when absent or null. */
  private static String text(JsonNode root, String field) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw bad("invalid-field", field + " must be a string, not " + node.getNodeType());
    }
    return node.textValue();
  }

  /** The number {@code field}, or null when absent or null; possibly infinite. */
  private static Double number(JsonNode root, String field) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isNumber()) {
      throw bad("invalid-field", field + " must be a number, not " + node.getNodeType());
    }
    return node.doubleValue();
  }

  /** {@code minutes}, at most a week's, to the millisecond. */
  private static Duration ofMinutes(double minutes) {
    return Duration.ofMillis(Math.round(minutes * 60_000));
  }

  private static String kinds() {
    return Arrays.stream(FaultKind.values()).map(FaultKind::key).collect(Collectors.joining(", "));
  }

  private static String sorted(Set<String> names) {
    return names.stream().sorted().collect(Collectors.joining(", "));
  }

  private static ProblemException bad(String code, String detail) {
    return new ProblemException(Problem.of(400, code, "Bad request", detail));
  }
}
