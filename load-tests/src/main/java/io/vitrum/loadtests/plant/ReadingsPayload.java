package io.vitrum.loadtests.plant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vitrum.core.plant.Reading;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON of readings on MQTT ({@code vitrum/<furnace>/readings}) and Kafka ({@code
 * vitrum.readings.in}): an array of {@code
 * {"tag":"F2.crown.T1","ts":"2026-12-01T10:00:00Z","value":1520.5,"unit":"degC"}}.
 */
public final class ReadingsPayload {
  private static final ObjectWriter JSON = JsonMapper.builder().build().writer();

  private ReadingsPayload() {}

  /** One element of the array. */
  record Element(String tag, String ts, double value, String unit) {}

  /** The array of {@code readings}, each with its unit from {@code units} (tag to unit). */
  public static byte[] encode(List<Reading> readings, Map<String, String> units) {
    List<Element> elements = new ArrayList<>(readings.size());
    for (Reading r : readings) {
      elements.add(new Element(r.tag(), r.ts().toString(), r.value(), units.get(r.tag())));
    }
    try {
      return JSON.writeValueAsBytes(elements);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write readings as JSON", e);
    }
  }
}
