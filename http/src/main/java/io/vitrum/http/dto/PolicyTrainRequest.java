package io.vitrum.http.dto;

import io.vitrum.http.errors.Problem.FieldError;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/policies/{furnace}/train}: {@code {}} trains to the node's default iterations;
 * {@code {"iterations":40}} to that many PPO iterations in all.
 */
public record PolicyTrainRequest(Integer iterations) implements ValidatedRequest {
  @Override
  public List<FieldError> validate() {
    List<FieldError> errors = new ArrayList<>();
    if (iterations != null && (iterations < 1 || iterations > 10_000)) {
      errors.add(new FieldError("iterations", "must be 1 to 10000"));
    }
    return errors;
  }

  public int iterationsOr(int defaultIterations) {
    return iterations == null ? defaultIterations : iterations;
  }
}
