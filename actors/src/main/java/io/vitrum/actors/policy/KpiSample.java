package io.vitrum.actors.policy;

import java.time.Instant;
import java.util.Map;

/** A furnace's live KPIs by name at {@code at}, as the twin estimates them. */
public record KpiSample(Instant at, Map<String, Double> kpis) {
  public KpiSample {
    kpis = Map.copyOf(kpis);
  }
}
