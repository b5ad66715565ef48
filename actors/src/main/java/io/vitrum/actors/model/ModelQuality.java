package io.vitrum.actors.model;

import io.vitrum.actors.common.Confirmation;
import io.vitrum.core.ml.ModelRef;
import io.vitrum.core.ml.RejectScore;
import java.time.Duration;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a vision version's live score to its Model entity: reject F1 (higher is better) and the
 * false reject rate (lower is better), the metrics of its card, so the entity can roll back a
 * version that does worse live than on held-out data.
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
