package io.vitrum.http.dto;

import io.vitrum.actors.sensor.Sensor;
import java.time.Instant;
import java.util.List;

/** Reply to posted readings: how many were accepted, and each refused one with its reason. */
public record ReadingsResponse(int accepted, List<RejectedReading> rejected) {

  /** A refused reading: its index in the request, values and a stable code. */
  public record RejectedReading(int index, Instant ts, Double value, String code, String reason) {}

  public static ReadingsResponse of(Sensor.ReadingsAck ack) {
    return new ReadingsResponse(
        ack.accepted(),
        ack.rejected().stream()
            .map(
                r ->
                    new RejectedReading(
                        r.index(),
                        r.ts(),
                        Double.isFinite(r.value()) ? r.value() : null,
                        r.rejection().code().wire(),
                        r.rejection().reason()))
            .toList());
  }
}
