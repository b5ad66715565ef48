package io.vitrum.streams.rootcause;

import io.vitrum.actors.common.Confirmation;
import io.vitrum.actors.furnace.Furnace;
import io.vitrum.core.causal.DefectRateRise;
import io.vitrum.core.plant.FurnaceTags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches every furnace's MIK-1 reject counters on this node and raises alarm {@code rate:<class>}
 * on the Furnace entity when a class's last quarter-hour stands clearly above its last two hours
 * ({@link DefectRateRise}), clearing it when the rate is back to normal: the alarm that opens (and
 * closes) a defect incident. Checked once a minute; a class needs ten minutes of baseline first (a
 * short baseline is noisier, which the 1.5-fold and five-sigma test absorbs; it keeps a freshly
 * started node useful).
 */
public final class DefectRateWatch {
  /** The alarm id of a rise of {@code defect}. */
  public static String alarmId(String defect) {
    return PREFIX + defect;
  }

  /** The prefix of the alarm ids this watch raises. */
  public static final String PREFIX = "rate:";

  private static final Logger log = LoggerFactory.getLogger(DefectRateWatch.class);
  private static final Duration WINDOW = Duration.ofMinutes(15);
  private static final Duration BASELINE = Duration.ofHours(2);
  private static final int MIN_BASELINE_MINUTES = 10;

  private final ActorSystem<?> system;
  private final RecentMinutes recent;
  private final Duration timeout;
  private final Clock clock;
  private final Set<String> raised = ConcurrentHashMap.newKeySet();

  public DefectRateWatch(
      ActorSystem<?> system, RecentMinutes recent, Duration timeout, Clock clock) {
    this.system = system;
    this.recent = recent;
    this.timeout = timeout;
    this.clock = clock;
  }

  /** Checks every furnace and class once a minute from now on. */
  public void start() {
    system
        .scheduler()
        .scheduleWithFixedDelay(
            Duration.ofMinutes(1),
            Duration.ofMinutes(1),
            () -> {
              try {
                check();
              } catch (RuntimeException e) {
                log.error("Reject-rate check failed", e);
              }
            },
            system.executionContext());
  }

  /** One check of every furnace and reject class, applied to the Furnace entities. */
  void check() {
    for (Change c : changes(clock.instant())) {
      if (c.raise()) {
        tell(
            c.furnace(),
            r ->
                new Furnace.RaiseAlarm(
                    alarmId(c.defect()), "vitrum", "warning", c.message(), c.at(), r));
      } else {
        tell(c.furnace(), r -> new Furnace.ClearAlarm(alarmId(c.defect()), c.at(), r));
      }
    }
  }

  /** The alarms to raise or clear at {@code now}; remembers what it raised. */
  List<Change> changes(Instant now) {
    List<Change> out = new ArrayList<>();
    for (String furnace : recent.furnaces()) {
      for (String defect : FurnaceTags.REJECT_CLASSES) {
        String tag = FurnaceTags.rejects(furnace, defect);
        Sum b = Sum.of(recent.minutes(tag, now.minus(WINDOW).minus(BASELINE), now.minus(WINDOW)));
        Sum r = Sum.of(recent.minutes(tag, now.minus(WINDOW), now));
        if (b.minutes() < MIN_BASELINE_MINUTES || r.minutes() == 0) {
          continue;
        }
        double expected = DefectRateRise.expected(b.total(), b.minutes(), WINDOW.toMinutes());
        double count = r.total() * WINDOW.toMinutes() / r.minutes();
        String key = furnace + "|" + defect;
        if (!raised.contains(key) && DefectRateRise.rose(count, expected)) {
          raised.add(key);
          String message =
              String.format(
                  Locale.ROOT,
                  "%s rejects: %.0f in the last %d min against %.1f expected from the baseline",
                  defect,
                  count,
                  WINDOW.toMinutes(),
                  expected);
          log.info("{} on {}: {}", alarmId(defect), furnace, message);
          out.add(new Change(furnace, defect, true, message, now));
        } else if (raised.contains(key) && DefectRateRise.normal(count, expected)) {
          raised.remove(key);
          out.add(new Change(furnace, defect, false, "back to normal", now));
        }
      }
    }
    return out;
  }

  /** An alarm to raise or clear. */
  record Change(String furnace, String defect, boolean raise, String message, Instant at) {}

  private void tell(String furnace, Function<ActorRef<Confirmation>, Furnace.Command> command) {
    AskPattern.<Furnace.Command, Confirmation>ask(
            ClusterSharding.get(system).entityRefFor(Furnace.ENTITY_KEY, furnace),
            command::apply,
            timeout,
            system.scheduler())
        .whenComplete(
            (reply, failure) -> {
              if (failure != null || reply instanceof Confirmation.Rejected) {
                log.warn(
                    "Furnace {} did not record a reject-rate alarm: {}",
                    furnace,
                    failure != null ? failure.toString() : reply);
              }
            });
  }

  /** The sum of the finite minutes of a series and how many there were. */
  private record Sum(double total, int minutes) {
    static Sum of(double[] values) {
      double t = 0;
      int n = 0;
      for (double v : values) {
        if (Double.isFinite(v)) {
          t += v;
          n++;
        }
      }
      return new Sum(t, n);
    }
  }
}
