package io.vitrum.core.physics;

/**
 * The part of one defect class's expected rate that one cause accounts for.
 *
 * @param defectClass the defect family
 * @param cause a {@link DefectCause#key()}
 * @param ratePerThousand expected defects per 1000 items due to this cause
 */
public record CauseContribution(DefectClass defectClass, String cause, double ratePerThousand) {
  public CauseContribution {
    if (defectClass == null || cause == null) {
      throw new IllegalArgumentException("defectClass and cause are required");
    }
    if (!(ratePerThousand >= 0) || !Double.isFinite(ratePerThousand)) {
      throw new IllegalArgumentException("rate must be finite and non-negative");
    }
  }
}
