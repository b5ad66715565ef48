package io.vitrum.http.report;

import java.time.Instant;
import java.util.List;

/**
 * What a shift lead hands over for one furnace over a half-open window [{@code from}, {@code to}):
 * the production figures, the incidents that were open during it, the setpoint changes with who
 * made them and why, the alarms and model alerts, and the input quarantined. Figures without data
 * are {@code null} (rendered "no data"); nothing is estimated. A section whose source this node
 * does not have, or that did not answer, says so in its note instead of failing the report.
 *
 * @param furnace the furnace id
 * @param from start of the window (inclusive)
 * @param to end of the window (exclusive)
 * @param generatedAt when the report was gathered
 * @param kpis the production figures from history
 * @param incidents incidents open at any time in the window, by opening time
 * @param setpointChanges setpoint changes in the window, in time order
 * @param alarms alarm transitions (raised and cleared) in the window, in time order
 * @param quarantine the input quarantined in the window
 */
public record ShiftReport(
    String furnace,
    Instant from,
    Instant to,
    Instant generatedAt,
    Kpis kpis,
    Section<Incident> incidents,
    Section<SetpointChange> setpointChanges,
    Section<Alarm> alarms,
    Quarantine quarantine) {

  /**
   * The production figures of the window, from the minute rollups of history (what the history
   * writer has closed: the last minutes before now may be missing).
   *
   * @param windowMinutes the window's length in minutes, against which coverage is told
   * @param pull the pull ({@code <F>.pull.rate}), t/day
   * @param crown the crown temperature (mean of the thermocouples {@code <F>.crown.T*}, each
   *     weighted alike), °C
   * @param crownThermocouples how many crown thermocouples had data
   * @param gas the natural gas flow ({@code <F>.gas.flow}), Nm³/h
   * @param gasPerTonne gas per tonne of glass pulled (mean gas × 24 / mean pull), Nm³/t; null
   *     without both or with no pull
   * @param inspected items inspected ({@code <F>.insp.inspected}, a count per minute, summed)
   * @param rejects rejects per inspection class, in the order of the plant's classes
   * @param rejectsTotal rejects of every class with data; null when no class had data
   * @param rejectsPerThousand {@code rejectsTotal} per 1000 inspected; null without both
   */
  public record Kpis(
      long windowMinutes,
      Measure pull,
      Measure crown,
      int crownThermocouples,
      Measure gas,
      Double gasPerTonne,
      Count inspected,
      List<Rejects> rejects,
      Long rejectsTotal,
      Double rejectsPerThousand) {}

  /**
   * A measured quantity over the window.
   *
   * @param unit its unit
   * @param mean the mean of its readings; null when it had none
   * @param min the smallest reading; null when none
   * @param max the largest reading; null when none
   * @param minutes the minutes of the window with at least one reading
   */
  public record Measure(String unit, Double mean, Double min, Double max, long minutes) {
    static Measure none(String unit) {
      return new Measure(unit, null, null, null, 0);
    }
  }

  /**
   * A counter summed over the window.
   *
   * @param total the sum; null when it had no readings
   * @param minutes the minutes of the window with a reading
   */
  public record Count(Long total, long minutes) {}

  /**
   * The rejects of one inspection class.
   *
   * @param defectClass the class ({@code crack}, {@code bubble}, ...)
   * @param count rejects in the window; null when the counter had no readings
   * @param perThousand per 1000 items inspected; null without both
   */
  public record Rejects(String defectClass, Long count, Double perThousand) {}

  /**
   * A section from the knowledge graph.
   *
   * @param available whether the graph answered
   * @param note why not ({@code knowledge graph off}, {@code knowledge graph did not answer}), or
   *     that the list is cut; null otherwise
   * @param items what it holds (empty when not available)
   * @param truncated whether there were more than the report carries
   */
  public record Section<T>(boolean available, String note, List<T> items, boolean truncated) {
    /** A section whose source is not there, saying why. */
    public static <T> Section<T> off(String why) {
      return new Section<>(false, why, List.of(), false);
    }

    /** {@code items}, of which the first {@code max} are kept. */
    public static <T> Section<T> of(List<T> items, int max) {
      if (items.size() > max) {
        return new Section<>(
            true, "only the first " + max + " are shown", List.copyOf(items.subList(0, max)), true);
      }
      return new Section<>(true, null, List.copyOf(items), false);
    }
  }

  /**
   * An incident open at some time in the window, as the graph records it now.
   *
   * @param id the incident id
   * @param defect what it is about ({@code crack}, ..., {@code anomaly})
   * @param tag the sensor it is about, if any
   * @param status {@code open} or {@code closed} (now, not at the window's end)
   * @param openedAt when it opened (ISO-8601)
   * @param closedAt when it closed, if it did
   * @param closedBy who closed it
   * @param closeReason why
   * @param topCause the best-ranked suspected fault's id, if analysed
   * @param causes the best-ranked suspected faults, best first
   * @param answers the operators' answers on causes, in time order
   */
  public record Incident(
      String id,
      String defect,
      String tag,
      String status,
      String openedAt,
      String closedAt,
      String closedBy,
      String closeReason,
      String topCause,
      List<Suspect> causes,
      List<Answer> answers) {}

  /**
   * A suspected fault of an incident.
   *
   * @param rank 1 for the best
   * @param fault the fault's id
   * @param name its name
   * @param score its score in the ranking
   */
  public record Suspect(Integer rank, String fault, String name, Double score) {}

  /**
   * An operator's answer on an incident's cause.
   *
   * @param cause the fault judged
   * @param confirmed whether it was confirmed (else rejected)
   * @param by who answered
   * @param comment what they said
   * @param at when (ISO-8601)
   */
  public record Answer(String cause, Boolean confirmed, String by, String comment, String at) {}

  /**
   * A setpoint change.
   *
   * @param at when it was accepted (ISO-8601)
   * @param parameter the setpoint
   * @param previous its value before
   * @param value its new value
   * @param origin what kind of actor asked ({@code OPERATOR}, {@code INTEGRATOR}, {@code POLICY})
   * @param by who requested it
   * @param reason why
   */
  public record SetpointChange(
      String at,
      String parameter,
      Double previous,
      Double value,
      String origin,
      String by,
      String reason) {}

  /**
   * An alarm raised or cleared.
   *
   * @param at when (ISO-8601)
   * @param alarmId the alarm's id
   * @param raised true when raised, false when cleared
   * @param model whether it is a model alert (its id starts with {@code model:})
   * @param source what raised it (null when cleared)
   * @param severity its severity (null when cleared)
   * @param message what it says (null when cleared)
   */
  public record Alarm(
      String at,
      String alarmId,
      boolean raised,
      boolean model,
      String source,
      String severity,
      String message) {}

  /**
   * The furnace's input quarantined in the window, from the newest quarantine records this node
   * holds (rebuilt from {@code vitrum.quarantine} at start, not only since then).
   *
   * @param available whether this node holds quarantine records (it runs ingest)
   * @param note why not, or what the counts cover
   * @param total records of the furnace's tags in the window
   * @param byReason those records by source and reason, most first
   * @param unattributed records in the window naming no furnace's tag (malformed input), for
   *     callers who see every furnace; null otherwise
   * @param complete whether the records held reach back to the window's start (else the counts are
   *     a lower bound)
   * @param oldestHeld the oldest record held, if any
   */
  public record Quarantine(
      boolean available,
      String note,
      long total,
      List<ReasonCount> byReason,
      Long unattributed,
      boolean complete,
      Instant oldestHeld) {
    static Quarantine off(String why) {
      return new Quarantine(false, why, 0, List.of(), null, false, null);
    }
  }

  /**
   * Quarantined records of one source and reason.
   *
   * @param source where the input came from ({@code opcua}, {@code mqtt}, ..., {@code sensor})
   * @param reason the rejection code
   * @param count how many
   */
  public record ReasonCount(String source, String reason, long count) {}
}
