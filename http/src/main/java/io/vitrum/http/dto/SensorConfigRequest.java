package io.vitrum.http.dto;

import io.vitrum.core.plant.AlarmLimits;
import io.vitrum.core.plant.FreeText;
import io.vitrum.core.plant.SensorConfig;
import io.vitrum.http.errors.Problem.FieldError;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code PUT /api/sensors/{tag}}: {@code {"furnace":"F1","unit":"degC","min":0,"max":1800}} with
 * optional {@code alarmLow}, {@code alarmHigh} and {@code deadband}.
 */
public record SensorConfigRequest(
    String furnace,
    String unit,
    Double min,
    Double max,
    Double alarmLow,
    Double alarmHigh,
    Double deadband)
    implements ValidatedRequest {

  @Override
  public List<FieldError> validate() {
    List<FieldError> errors = new ArrayList<>();
    Validation.required(furnace, "furnace", errors);
    Validation.required(unit, "unit", errors);
    Validation.text(furnace, FreeText.NAME_MAX, "furnace", errors);
    Validation.text(unit, FreeText.UNIT_MAX, "unit", errors);
    Validation.required(min, "min", errors);
    Validation.required(max, "max", errors);
    Validation.finiteIfPresent(min, "min", errors);
    Validation.finiteIfPresent(max, "max", errors);
    Validation.finiteIfPresent(alarmLow, "alarmLow", errors);
    Validation.finiteIfPresent(alarmHigh, "alarmHigh", errors);
    Validation.finiteIfPresent(deadband, "deadband", errors);
    return errors;
  }

  public SensorConfig toConfig() {
    return new SensorConfig(
        furnace,
        unit,
        min,
        max,
        new AlarmLimits(alarmLow, alarmHigh, deadband == null ? 0 : deadband));
  }
}
