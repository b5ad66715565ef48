package io.vitrum.streams.rootcause;

import io.vitrum.actors.common.Confirmation;
import io.vitrum.actors.furnace.Furnace;
import io.vitrum.actors.incident.Incident;
import io.vitrum.actors.incident.IncidentRecord;
import io.vitrum.core.causal.Subject;
import io.vitrum.core.plant.FurnaceTags;
import io.vitrum.core.plant.TagId;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.javadsl.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Furnace alarms into incidents: a raised alarm that says something about the product or the
 * process opens an incident of its line (or attaches to the open one) and starts its analysis; the
 * clearing of the alarm that opened it closes it ("the rate is back to normal"). Which alarms:
 *
 * <ul>
 *   <li>{@code rate:<class>} ({@link DefectRateWatch}): a rise of that class;
 *   <li>a limit alarm on a reject counter {@code <F>.insp.reject.<class>}: a rise of that class;
 *   <li>{@code model:defect-risk}: a rise of the class the forecast expects most of;
 *   <li>a limit alarm on any other sensor, or {@code model:sensor:<tag>}: an anomaly of it.
 * </ul>
 *
 * At least once: opening is idempotent per alarm, closing per incident.
 */
public final class IncidentTriggers extends Handler<EventEnvelope<Furnace.Event>> {
  public static final String NAME = "incident-triggers";
  private static final Logger log = LoggerFactory.getLogger(IncidentTriggers.class);
  private static final String DEFECT_RISK = "model:defect-risk";
  private static final String SENSOR_MODEL = "model:sensor:";

  private final ActorSystem<?> system;
  private final RootCauseRunner runner;
  private final Function<String, Optional<String>> expectedDefect;
  private final Duration timeout;

  /**
   * @param expectedDefect the reject class the latest forecast of a furnace expects most of
   */
  public IncidentTriggers(
      ActorSystem<?> system,
      RootCauseRunner runner,
      Function<String, Optional<String>> expectedDefect,
      Duration timeout) {
    this.system = system;
    this.runner = runner;
    this.expectedDefect = expectedDefect;
    this.timeout = timeout;
  }

  /** What alarm {@code alarmId} of {@code furnace} is about, if it opens incidents. */
  Optional<Subject> subject(String furnace, String alarmId) {
    if (alarmId.equals(DEFECT_RISK)) {
      return expectedDefect.apply(furnace).map(Subject::defect);
    }
    if (alarmId.startsWith(DefectRateWatch.PREFIX)) {
      String defect = alarmId.substring(DefectRateWatch.PREFIX.length());
      return FurnaceTags.REJECT_CLASSES.contains(defect)
          ? Optional.of(Subject.defect(defect))
          : Optional.empty();
    }
    String tag =
        alarmId.startsWith(SENSOR_MODEL) ? alarmId.substring(SENSOR_MODEL.length()) : alarmId;
    if (!TagId.isValid(tag) || !TagId.furnaceOf(tag).equals(furnace)) {
      return Optional.empty();
    }
    for (String defect : FurnaceTags.REJECT_CLASSES) {
      if (tag.equals(FurnaceTags.rejects(furnace, defect))) {
        return Optional.of(Subject.defect(defect));
      }
    }
    return tag.startsWith(furnace + ".insp.")
        ? Optional.empty()
        : Optional.of(Subject.anomaly(tag));
  }

  @Override
  public CompletionStage<Done> process(EventEnvelope<Furnace.Event> envelope) {
    String furnace = PersistenceId.extractEntityId(envelope.persistenceId());
    if (envelope.event() instanceof Furnace.AlarmRaised raised) {
      Optional<Subject> subject = subject(furnace, raised.alarmId());
      if (subject.isEmpty()) {
        return done();
      }
      String line = Incident.lineOf(furnace, subject.get());
      return AskPattern.<Incident.Command, Incident.Opened>ask(
              incidents(line),
              replyTo ->
                  new Incident.Open(
                      furnace,
                      subject.get().defect(),
                      subject.get().tag(),
                      raised.alarmId(),
                      raised.at(),
                      replyTo),
              timeout,
              system.scheduler())
          .thenCompose(
              opened ->
                  AskPattern.<Incident.Command, Incident.LineView>ask(
                          incidents(line), Incident.GetLine::new, timeout, system.scheduler())
                      .thenApply(view -> view.incident(opened.id())))
          .thenApply(
              incident -> {
                incident.ifPresent(
                    i -> {
                      if (i.triggers().size() == 1) {
                        log.info("Opened incident {} on alarm {}", i.id(), raised.alarmId());
                      }
                      runner
                          .analyse(i.id(), furnace, subject.get(), i.openedAt())
                          .whenComplete(
                              (r, e) -> {
                                if (e != null) {
                                  log.warn("Analysis of {} failed", i.id(), e);
                                }
                              });
                    });
                return Done.getInstance();
              });
    }
    if (envelope.event() instanceof Furnace.AlarmCleared cleared) {
      Optional<Subject> subject = subject(furnace, cleared.alarmId());
      if (subject.isEmpty()) {
        return done();
      }
      String line = Incident.lineOf(furnace, subject.get());
      return AskPattern.<Incident.Command, Incident.LineView>ask(
              incidents(line), Incident.GetLine::new, timeout, system.scheduler())
          .thenCompose(
              view -> {
                Optional<IncidentRecord> open =
                    view.incidents().stream()
                        .filter(i -> i.open() && i.trigger().equals(cleared.alarmId()))
                        .findFirst();
                if (open.isEmpty()) {
                  return done();
                }
                return AskPattern.<Incident.Command, Confirmation>ask(
                        incidents(line),
                        replyTo ->
                            new Incident.Close(
                                open.get().id(),
                                "vitrum",
                                "alarm " + cleared.alarmId() + " cleared: back to normal",
                                cleared.at(),
                                replyTo),
                        timeout,
                        system.scheduler())
                    .thenApply(c -> Done.getInstance());
              });
    }
    return done();
  }

  private EntityRef<Incident.Command> incidents(String line) {
    return ClusterSharding.get(system).entityRefFor(Incident.ENTITY_KEY, line);
  }

  private static CompletionStage<Done> done() {
    return CompletableFuture.completedFuture(Done.getInstance());
  }
}
