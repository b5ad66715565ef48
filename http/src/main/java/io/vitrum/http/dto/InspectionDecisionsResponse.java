package io.vitrum.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.vitrum.streams.inference.InspectedFrame;
import io.vitrum.streams.inference.InspectionDecision;
import java.util.List;

/** {@code GET /api/inspection/decisions}: this node's latest reject decisions, newest first. */
public record InspectionDecisionsResponse(int count, List<Entry> decisions) {

  /**
   * One decision on one frame; {@code image} is the path of the frame's PNG when the node kept it.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Entry(
      String id,
      String furnace,
      String line,
      long item,
      String capturedAt,
      String decidedAt,
      String label,
      Double probability,
      Double defectProbability,
      boolean reject,
      String model,
      String reason,
      String image) {
    static Entry of(InspectedFrame f) {
      InspectionDecision d = f.decision();
      return new Entry(
          f.id(),
          d.furnace(),
          d.line(),
          d.item(),
          d.capturedAt().toString(),
          d.decidedAt().toString(),
          d.label(),
          d.probability(),
          d.defectProbability(),
          d.reject(),
          d.model(),
          d.reason(),
          f.image() ? "/api/inspection/frames/" + f.id() + "/image" : null);
    }
  }

  public static InspectionDecisionsResponse of(List<InspectedFrame> frames) {
    return new InspectionDecisionsResponse(frames.size(), frames.stream().map(Entry::of).toList());
  }
}
