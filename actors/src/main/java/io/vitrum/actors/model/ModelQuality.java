package io.vitrum.actors.model;

import io.vitrum.actors.common.Confirmation;
import io.vitrum.core.ml.ForecastScore;
import io.vitrum.core.ml.ModelRef;
import io.vitrum.core.ml.RejectScore;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a version's live figures to its Model entity, named as the metrics of its card so the
 * entity can roll back a version that does worse live than on held-out data: a vision version's
 * reject F1 (higher is better) and false reject rate (lower is better); a forecaster version's MAE
 * at 60 minutes (lower) and its reduction against persistence (higher); and any version's input
 * drift.
 */
public final class ModelQuality {
  private static final Logger log = LoggerFactory.getLogger(ModelQuality.class);

  private final ClusterSharding sharding;
  private final Duration timeout;
  private final Consumer<ModelRef> activate;

  /**
   * @param activate serves a version as active (called with the version rolled back to)
   */
  public ModelQuality(ActorSystem<?> system, Duration timeout, Consumer<ModelRef> activate) {
    this.sharding = ClusterSharding.get(system);
    this.timeout = timeout;
    this.activate = activate;
  }

  /** Reports {@code score} of {@code version}; failures are logged, never thrown. */
  public void report(ModelRef version, RejectScore score) {
    log.info(
        "{} live over {} labelled items: reject F1 {}, false rejects {}",
        version,
        score.count(),
        score.f1(),
        score.falseRejectRate());
    send(version, "rejectF1", score.f1(), true);
    send(version, "falseRejectRate", score.falseRejectRate(), false);
  }

  /** Reports the forecasts of {@code version} scored an hour later; failures are logged. */
  public void reportForecast(ModelRef version, ForecastScore.Window score) {
    log.info(
        "{} live over {} scored forecasts: MAE60 {}, persistence {}, reduction {}",
        version,
        score.count(),
        score.mae(),
        score.persistenceMae(),
        score.reduction());
    send(version, "maeTotal60", score.mae(), false);
    send(version, "maeReduction60", score.reduction(), true);
  }

  /** Reports the PSI per input column of {@code version} over {@code rows} feature rows. */
  public void reportDrift(ModelRef version, Map<String, Double> psi, long rows) {
    double worst = psi.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    log.info("{} input drift over {} rows: highest PSI {}", version, rows, worst);
    sharding
        .entityRefFor(Model.ENTITY_KEY, version.name())
        .<Confirmation>ask(
            replyTo -> new Model.ReportDrift(version.version(), Map.copyOf(psi), rows, replyTo),
            timeout)
        .whenComplete(
            (reply, error) -> {
              if (error != null) {
                log.warn("Cannot report the drift of {}: {}", version, error.toString());
              }
            });
  }

  private void send(ModelRef version, String metric, double value, boolean higherIsBetter) {
    if (!Double.isFinite(value)) {
      return;
    }
    sharding
        .entityRefFor(Model.ENTITY_KEY, version.name())
        .<Confirmation>ask(
            replyTo ->
                new Model.ReportQuality(version.version(), metric, value, higherIsBetter, replyTo),
            timeout)
        .whenComplete(
            (reply, error) -> {
              if (error != null) {
                log.warn("Cannot report {} of {}: {}", metric, version, error.toString());
              } else if (reply instanceof Confirmation.Accepted a
                  && a.detail().equals("rolled back")) {
                log.warn("{} was rolled back: live {} {}", version, metric, value);
                serveActive(version.name());
              }
            });
  }

  private void serveActive(String name) {
    sharding
        .entityRefFor(Model.ENTITY_KEY, name)
        .<Model.ModelView>ask(Model.GetModel::new, timeout)
        .thenAccept(view -> activate.accept(new ModelRef(name, view.active())))
        .exceptionally(
            e -> {
              log.error("Cannot serve the version {} rolled back to: {}", name, e.toString());
              return null;
            });
  }
}
