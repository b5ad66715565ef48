package io.vitrum.streams.policy;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How a node trains and serves furnace policies, from {@code vitrum.policy.serving}.
 *
 * @param enabled whether this node runs deployed policies against the live furnaces
 * @param kpiEvery how often each furnace's live KPIs are sampled
 * @param kpiWindow what a KPI sample the Policy entity sees is the mean of: one firing reversal
 *     period cancels the firing cycle
 * @param actEvery how often a deployed policy is run (the control interval it was trained for)
 * @param effectAfter how long after an applied change its effect is measured
 * @param directory where policies trained on this node are written, one folder per furnace
 * @param pool training scenarios per run
 * @param heldOut held-out scenarios per evaluation
 * @param defaultIterations the iterations a training run asks for when it names none
 */
public record PolicyServingSettings(
    boolean enabled,
    Duration kpiEvery,
    Duration kpiWindow,
    Duration actEvery,
    Duration effectAfter,
    Path directory,
    int pool,
    int heldOut,
    int defaultIterations) {

  /** The one-tick samples a KPI window holds (at least one). */
  public int kpiWindowSamples() {
    return (int) Math.max(1, Math.round((double) kpiWindow.toMillis() / kpiEvery.toMillis()));
  }

  public static PolicyServingSettings create(Config config) {
    Config c = config.getConfig("vitrum.policy.serving");
    return new PolicyServingSettings(
        c.getBoolean("enabled"),
        c.getDuration("kpi-every"),
        c.getDuration("kpi-window"),
        c.getDuration("act-every"),
        c.getDuration("effect-after"),
        Path.of(c.getString("directory").replaceFirst("^~", System.getProperty("user.home"))),
        c.getInt("pool"),
        c.getInt("held-out"),
        c.getInt("default-iterations"));
  }
}
