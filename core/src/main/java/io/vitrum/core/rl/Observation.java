package io.vitrum.core.rl;

import io.vitrum.core.physics.Disturbances;
import io.vitrum.core.physics.FurnaceOutputs;
import io.vitrum.core.physics.Setpoints;
import io.vitrum.core.plant.SetpointParameter;
import java.util.List;

/**
 * What a policy sees of a furnace, in engineering units: the four setpoints it controls, the
 * furnace's state as the twin estimates it from the live feature stream (temperatures, gas, energy
 * per tonne, pull, lehr stress) and the disturbances the twin estimates (burner efficiency, cullet
 * swing) or is configured with (refractory wear). The same vector in training (from the simulated
 * line) and in serving (from the twin's estimate).
 */
public final class Observation {
  /** The features, in vector order. */
  public static final List<ObservationFeature> FEATURES =
      List.of(
          new ObservationFeature("setpoint.crownTemperature", "degC", 1560, 40),
          new ObservationFeature("setpoint.excessO2", "%", 2, 1),
          new ObservationFeature("setpoint.electricBoost", "MW", 1.5, 1),
          new ObservationFeature("setpoint.lehrCoolingRate", "degC/min", 7, 3),
          new ObservationFeature("crown", "degC", 1560, 40),
          new ObservationFeature("meltTop", "degC", 1450, 30),
          new ObservationFeature("meltBottom", "degC", 1355, 30),
          new ObservationFeature("throat", "degC", 1305, 30),
          new ObservationFeature("gob", "degC", 1100, 20),
          new ObservationFeature("gasFlow", "Nm3/h", 1500, 200),
          new ObservationFeature("energyPerTonne", "GJ/t", 4.6, 0.3),
          new ObservationFeature("pullRate", "t/day", 300, 50),
          new ObservationFeature("lehrStress", "MPa", 0.25, 0.15),
          new ObservationFeature("disturbance.burnerEfficiency", "1", 0.96, 0.04),
          new ObservationFeature("disturbance.culletOffset", "%", 0, 4),
          new ObservationFeature("disturbance.refractoryWear", "1", 0.2, 0.2));

  /** The length of an observation. */
  public static final int SIZE = FEATURES.size();

  private Observation() {}

  /** The observation of a line showing {@code outputs} under {@code setpoints}. */
  public static double[] of(FurnaceOutputs outputs, Setpoints setpoints, Disturbances d) {
    return new double[] {
      setpoints.get(SetpointParameter.CROWN_TEMPERATURE),
      setpoints.get(SetpointParameter.EXCESS_O2),
      setpoints.get(SetpointParameter.ELECTRIC_BOOST),
      setpoints.get(SetpointParameter.LEHR_COOLING_RATE),
      outputs.crownC(),
      outputs.meltTopC(),
      outputs.meltBottomC(),
      outputs.throatC(),
      outputs.gobC(),
      outputs.gasFlowNm3h(),
      outputs.energyPerTonneGj(),
      outputs.pullRateTpd(),
      outputs.lehrStressMPa(),
      d.burnerEfficiency(),
      d.culletOffsetPct(),
      d.refractoryWear()
    };
  }

  /** {@code raw} as the network sees it: each feature centred and scaled. */
  public static double[] normalise(double[] raw) {
    double[] out = new double[raw.length];
    for (int i = 0; i < raw.length; i++) {
      ObservationFeature f = FEATURES.get(i);
      out[i] = (raw[i] - f.centre()) / f.scale();
    }
    return out;
  }
}
