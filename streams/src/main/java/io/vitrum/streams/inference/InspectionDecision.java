package io.vitrum.streams.inference;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The reject decision for one inspected item, as published on {@code vitrum.inspection.decisions}
 * (JSON, key the furnace).
 *
 * @param furnace the furnace whose line made the item
 * @param line the inspection line
 * @param item the item's number on the line
 * @param capturedAt when the camera took the frame (its {@code ts} header)
 * @param decidedAt when the decision was made
 * @param label the most probable class, or {@code unreadable}
 * @param probability that class's probability ({@code null} when unreadable)
 * @param defectProbability {@code 1 - P(none)} ({@code null} when unreadable)
 * @param reject whether the item goes to the reject chute; an unreadable frame is rejected
 * @param model the model version that decided ({@code vision/1})
 * @param reason why a frame could not be read ({@code null} otherwise)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InspectionDecision(
    String furnace,
    String line,
    long item,
    Instant capturedAt,
    Instant decidedAt,
    String label,
    Double probability,
    Double defectProbability,
    boolean reject,
    String model,
    String reason) {
  /** The label of a frame the model could not read or decide (the item is rejected). */
  public static final String UNREADABLE = "unreadable";
}
