package io.vitrum.streams.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vitrum.core.ml.ModelRef;
import io.vitrum.core.plant.SetpointParameter;
import io.vitrum.core.rl.ControlledSetpoints;
import io.vitrum.core.rl.EvaluationReport;
import io.vitrum.core.rl.ForbiddenCombination;
import io.vitrum.core.rl.FurnaceEnvironment;
import io.vitrum.core.rl.Observation;
import io.vitrum.core.rl.ObservationFeature;
import io.vitrum.core.rl.RewardWeights;
import io.vitrum.core.rl.SafetyShield;
import io.vitrum.core.rl.ShieldLimit;
import io.vitrum.core.rl.TrainingProgress;
import java.util.List;

/** The model card of a policy version, in the layout every model card of the index has. */
final class PolicyCardJson {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private PolicyCardJson() {}

  /** The card; {@code report} null before the exported graph was evaluated. */
  static ObjectNode card(
      ModelRef ref,
      String sha256,
      PolicyTraining.Plan plan,
      List<TrainingProgress> curve,
      EvaluationReport report) {
    ObjectNode card = JSON.createObjectNode();
    card.put("name", ref.name());
    card.put("version", ref.version());
    card.put(
        "task",
        "Propose the next change of crown temperature, excess O2, electric boost and lehr cooling"
            + " rate for a furnace every 15 minutes, trading energy per tonne against defect rates"
            + " and pull; every proposal passes the safety shield before it may reach the plant.");
    ObjectNode arch = card.putObject("architecture");
    arch.put("kind", "PPO actor (Gaussian policy mean), tanh MLP");
    arch.put(
        "layers",
        "observation(16) -> Linear(16->%d) + tanh -> Linear(%d->%d) + tanh -> Linear(%d->4);"
                .formatted(
                    plan.settings().hidden(),
                    plan.settings().hidden(),
                    plan.settings().hidden(),
                    plan.settings().hidden())
            + " the observation's centring and scaling are folded into the first layer");
    ObjectNode input = card.putArray("inputs").addObject();
    input.put("name", PolicyExport.INPUT);
    input.put("type", "float32");
    input.putArray("shape").add("batch").add(Observation.SIZE);
    input.put(
        "description",
        "Raw values in engineering units: the four controlled setpoints in force, the twin's"
            + " estimate of the furnace, and its disturbance estimates, in the order of columns.");
    ArrayNode columns = input.putArray("columns");
    ArrayNode units = input.putArray("units");
    for (ObservationFeature f : Observation.FEATURES) {
      columns.add(f.name());
      units.add(f.unit());
    }
    ObjectNode output = card.putArray("outputs").addObject();
    output.put("name", PolicyExport.OUTPUT);
    output.put("type", "float32");
    output.putArray("shape").add("batch").add(ControlledSetpoints.SIZE);
    output.put(
        "description",
        "Requested change of each setpoint in units of its shield step per interval (1.0 = one"
            + " full step up); the request is current + action x step, then shielded.");
    ArrayNode labels = output.putArray("labels");
    ControlledSetpoints.PARAMETERS.forEach(p -> labels.add(p.key()));
    card.set("shield", shield(SafetyShield.containerDefaults()));
    ObjectNode reward = card.putObject("reward");
    RewardWeights w = RewardWeights.DEFAULTS;
    reward.put(
        "formula",
        "-energy*ln(E/E_ref) - defects*mean_c ln(d_c/d_c,ref) + pull*ln(P/P_ref) -"
            + " shield*interventions, against the same furnace under the same disturbances left to"
            + " the base controllers");
    reward.put("energy", w.energy());
    reward.put("defects", w.defects());
    reward.put("pull", w.pull());
    reward.put("shield", w.shield());
    ObjectNode training = card.putObject("training");
    training.put("algorithm", "PPO (clipped objective, GAE), hand-written in io.vitrum.core.rl");
    training.put("iterations", plan.iterations());
    training.put("trainingScenarios", plan.pool());
    training.put("intervalS", FurnaceEnvironment.INTERVAL_S);
    training.set("settings", JSON.valueToTree(plan.settings()));
    training.set("curve", JSON.valueToTree(curve));
    ObjectNode floors = card.putObject("floors");
    floors.putObject("energySavingPct").put("min", EvaluationReport.GOAL_SAVING_PCT);
    floors.putObject("defectRatio").put("max", 1.0);
    floors.putObject("boundViolations").put("max", 0.0);
    ObjectNode heldOut = card.putObject("metrics").putObject("heldOut");
    if (report != null) {
      heldOut.put("energySavingPct", round(report.energySavingPct()));
      heldOut.put("gasSavingPct", round(report.gasSavingPct()));
      heldOut.put("defectRatio", round(report.defectRatio()));
      heldOut.put("boundViolations", report.policy().boundViolations());
      heldOut.put(
          "shieldInterventionsPerInterval",
          round(
              report.policy().shieldInterventions()
                  / (report.scenarios() * report.hours() * 3600 / FurnaceEnvironment.INTERVAL_S)));
      heldOut.put("scenarios", report.scenarios());
      card.set("evaluation", JSON.valueToTree(report));
    }
    card.put("floorsMet", report != null && report.goalMet());
    card.putArray("limitations")
        .add("Trained and evaluated on the simulator's twin of a 300 t/day container furnace only.")
        .add(
            "Energy per tonne counts electric boost at its heat value; where electricity costs"
                + " more than gas per GJ, part of the saving is a cost shift (see gasSavingPct).")
        .add(
            "The lehr cooling rate costs nothing in the twin; a real lehr has a speed limit the"
                + " shield's 4 degC/min floor stands in for.");
    card.put("file", "model.onnx");
    card.put("sha256", sha256);
    return card;
  }

  private static ObjectNode shield(SafetyShield shield) {
    ObjectNode out = JSON.createObjectNode();
    ArrayNode limits = out.putArray("limits");
    for (SetpointParameter p : ControlledSetpoints.PARAMETERS) {
      ShieldLimit l = shield.limit(p);
      ObjectNode n = limits.addObject();
      n.put("parameter", p.key());
      n.put("unit", p.unit());
      n.put("min", l.min());
      n.put("max", l.max());
      n.put("maxStepPerInterval", l.maxStep());
    }
    ArrayNode combos = out.putArray("forbidden");
    for (ForbiddenCombination c : shield.combinations()) {
      combos.add(c.reason());
    }
    return out;
  }

  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
