package io.vitrum.loadtests.plant;

import io.vitrum.core.sim.FaultScenario;
import java.time.Instant;
import java.util.List;

/**
 * A fault as the control API shows it: {@code
 * {"id":"fault-1","source":"api","furnace":"F1","kind":"lehr-fan-failure","magnitude":0.9,
 * "tag":null,"rampMinutes":5.0,"start":"…","end":"…","active":true,"rootCause":"lehr-fan-failure"}}.
 * {@code magnitude} and {@code rampMinutes} are as injected; {@code end} is when it stops acting,
 * earlier once repaired.
 *
 * @param id the fault's id in {@code /faults/{id}}
 * @param source {@code api} for an injected fault, {@code schedule} for one the plant started with
 * @param furnace the furnace
 * @param kind the {@link io.vitrum.core.sim.FaultKind} key
 * @param magnitude full-severity size, in the kind's unit
 * @param tag the instrument of a sensor fault; null for a process fault
 * @param rampMinutes how long it takes to develop fully
 * @param start when it began (simulated time)
 * @param end when it stops or stopped acting (simulated time)
 * @param active whether it acts at the plant's simulated time now
 * @param rootCause the ground-truth root cause a diagnosis should find
 */
public record FaultView(
    String id,
    String source,
    String furnace,
    String kind,
    double magnitude,
    String tag,
    double rampMinutes,
    Instant start,
    Instant end,
    boolean active,
    String rootCause) {

  /**
   * The answer of {@code GET /faults}.
   *
   * @param now the plant's simulated time
   * @param faults every fault, scheduled ones first, then injected ones in injection order
   */
  public record Listing(Instant now, List<FaultView> faults) {
    /** Every fault of {@code faults} as it stands at {@code now}. */
    public static Listing of(List<InjectedFault> faults, Instant now) {
      return new Listing(now, faults.stream().map(f -> FaultView.of(f, now)).toList());
    }
  }

  /** {@code fault} as it stands at the plant's simulated time {@code now}. */
  public static FaultView of(InjectedFault fault, Instant now) {
    FaultScenario s = fault.injected();
    return new FaultView(
        fault.id(),
        fault.scheduled() ? "schedule" : "api",
        s.furnace(),
        s.kind().key(),
        s.magnitude(),
        s.tag(),
        s.ramp().toMillis() / 60_000.0,
        s.start(),
        fault.end(),
        fault.isActiveAt(now),
        s.rootCause());
  }
}
