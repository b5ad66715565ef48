package io.vitrum.streams.inference;

/**
 * A model's alert raised or cleared, as published on {@code vitrum.alerts} and mirrored as an alarm
 * on the Furnace entity ({@code alarmId}).
 *
 * @param furnace the furnace
 * @param at epoch milliseconds of the prediction that changed it
 * @param alarmId the furnace alarm it stands for: {@code model:defect-risk}, {@code
 *     model:process-fault}, {@code model:sensor:<tag>}
 * @param kind {@code defect-risk}, {@code process-fault} or {@code sensor-fault}
 * @param raised whether it was raised (or cleared)
 * @param value the figure that crossed its threshold
 * @param threshold the threshold
 * @param message for operators
 */
public record Alert(
    String furnace,
    long at,
    String alarmId,
    String kind,
    boolean raised,
    double value,
    double threshold,
    String message) {}
