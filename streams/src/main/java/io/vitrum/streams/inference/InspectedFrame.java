package io.vitrum.streams.inference;

/**
 * One recent inspection on this node: the decision and the frame it was made on.
 *
 * @param id the frame's place in {@code vitrum.frames}, {@code <partition>-<offset>} (what {@code
 *     POST /api/inspection/frames} answered for it)
 * @param decision what was decided
 * @param image whether the frame's image is kept ({@link RecentInspections#png})
 */
public record InspectedFrame(String id, InspectionDecision decision, boolean image) {}
