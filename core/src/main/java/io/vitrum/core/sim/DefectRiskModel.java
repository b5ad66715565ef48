package io.vitrum.core.sim;

import io.vitrum.core.physics.CauseContribution;
import io.vitrum.core.physics.DefectModel;
import io.vitrum.core.physics.Disturbances;
import io.vitrum.core.physics.FurnaceOutputs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the physics' expected defect rates ({@link DefectModel}, per 1000 items by defect family
 * and cause) into the per-item risk the inspection sampler draws from, by reject class. Families
 * counted under one reject class (seeds and blisters as bubbles, stones and cord as stones) keep
 * their causes. Contributions are put in a fixed order first, so the cause drawn for a defect never
 * depends on the iteration order of the model's internals.
 */
final class DefectRiskModel {
  private static final double PER_THOUSAND = 1000;
  private static final Comparator<CauseContribution> ORDER =
      Comparator.comparing((CauseContribution c) -> c.defectClass().ordinal())
          .thenComparing(CauseContribution::cause);

  private final DefectModel model;

  DefectRiskModel(DefectModel model) {
    this.model = model;
  }

  /** The defect risk of items made while the line shows {@code outputs}. */
  DefectRisk risk(FurnaceOutputs outputs, Disturbances disturbances) {
    List<CauseContribution> contributions =
        new ArrayList<>(model.rates(outputs, disturbances).contributions());
    contributions.sort(ORDER);
    DefectRisk.Builder risk = new DefectRisk.Builder();
    for (CauseContribution c : contributions) {
      InspectionClass.byLabel(c.defectClass().inspectionClass())
          .ifPresent(d -> risk.add(d, c.cause(), c.ratePerThousand() / PER_THOUSAND));
    }
    return risk.build();
  }
}
