package io.vitrum.loadtests.plant;

import io.vitrum.core.sim.FaultScenario;
import java.time.Instant;
import java.util.Objects;

/**
 * A fault the control API knows: one injected through it, or one the plant's schedule held at
 * start. Keeps the scenario as injected and the one standing for it in the simulator's schedule
 * now, which a repair shortens (or removes, when the fault had not started).
 *
 * @param id {@code fault-<n>} for an injected fault, {@code scheduled-<n>} for a scheduled one
 * @param scheduled whether it came with the plant's schedule rather than through the API
 * @param injected the scenario as injected
 * @param acting the scenario in the simulator's schedule for it; null once a repair removed it
 */
public record InjectedFault(
    String id, boolean scheduled, FaultScenario injected, FaultScenario acting) {

  public InjectedFault {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(injected, "injected");
  }

  /** When it stops acting: its scheduled end, or when it was repaired. */
  public Instant end() {
    return acting == null ? injected.start() : acting.end();
  }

  /** Whether it acts at {@code t}. */
  public boolean isActiveAt(Instant t) {
    return acting != null && acting.isActiveAt(t);
  }

  /** This fault once repaired, {@code now} standing for it in the schedule (null: removed). */
  InjectedFault repairedAs(FaultScenario now) {
    return new InjectedFault(id, scheduled, injected, now);
  }
}
