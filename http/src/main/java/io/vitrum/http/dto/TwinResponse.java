package io.vitrum.http.dto;

import io.vitrum.actors.twin.Scenario;
import io.vitrum.actors.twin.Twin;
import io.vitrum.core.physics.Disturbances;
import io.vitrum.core.physics.FurnaceOutputs;
import io.vitrum.core.twin.SetpointChange;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /api/twin/{furnace}}: the twin's estimate of the furnace, how well it matches the
 * plant (innovations: measured minus predicted), the estimated disturbances, the setpoints it runs
 * with and the recent what-ifs.
 */
public record TwinResponse(
    String furnaceId,
    long syncs,
    Instant lastSyncAt,
    Map<String, Double> setpoints,
    Map<String, Double> estimate,
    Map<String, Double> disturbances,
    Map<String, Double> innovations,
    boolean shadowActive,
    List<ScenarioSummary> scenarios) {

  /** A recorded what-if: the changes and the difference of the figures (scenario − baseline). */
  public record ScenarioSummary(
      String scenarioId,
      Instant at,
      List<Change> changes,
      double horizonMinutes,
      Map<String, Double> delta) {}

  /** One requested change: {@code mode} is {@code delta} or {@code absolute}. */
  public record Change(String parameter, String mode, double value) {
    static Change of(SetpointChange c) {
      return new Change(c.parameter().key(), c.mode().name().toLowerCase(Locale.ROOT), c.value());
    }
  }

  public static TwinResponse of(String furnaceId, Twin.TwinView view) {
    FurnaceOutputs o = view.twin().furnace().outputs();
    Map<String, Double> estimate = new LinkedHashMap<>();
    estimate.put("crownC", o.crownC());
    estimate.put("meltTopC", o.meltTopC());
    estimate.put("meltBottomC", o.meltBottomC());
    estimate.put("throatC", o.throatC());
    estimate.put("gobC", o.gobC());
    estimate.put("gasFlowNm3h", o.gasFlowNm3h());
    estimate.put("energyPerTonneGj", o.energyPerTonneGj());
    estimate.put("finingViscosityPaS", o.finingViscosityPaS());
    estimate.put("throatViscosityPaS", o.throatViscosityPaS());
    estimate.put("gobViscosityPaS", o.gobViscosityPaS());
    estimate.put("lehrStressMPa", o.lehrStressMPa());
    Disturbances d = view.twin().disturbances();
    Map<String, Double> disturbances = new LinkedHashMap<>();
    disturbances.put("burnerEfficiency", d.burnerEfficiency());
    disturbances.put("culletOffsetPct", d.culletOffsetPct());
    disturbances.put("batchMoisture", d.batchMoisture());
    disturbances.put("refractoryWear", d.refractoryWear());
    return new TwinResponse(
        furnaceId,
        view.twin().syncs(),
        view.lastSyncAt(),
        view.twin().setpoints().toKeyMap(),
        estimate,
        disturbances,
        view.twin().innovations(),
        view.shadowActive(),
        view.scenarios().stream().map(TwinResponse::summary).toList());
  }

  private static ScenarioSummary summary(Scenario s) {
    return new ScenarioSummary(
        s.scenarioId(),
        s.at(),
        s.changes().stream().map(Change::of).toList(),
        s.horizonS() / 60,
        s.delta().toMap());
  }
}
