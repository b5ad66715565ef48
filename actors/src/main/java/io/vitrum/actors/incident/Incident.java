package io.vitrum.actors.incident;

import io.vitrum.actors.common.Confirmation;
import io.vitrum.actors.common.PendingReply;
import io.vitrum.actors.common.PersistFailure;
import io.vitrum.actors.metrics.EntityMetrics;
import io.vitrum.actors.metrics.VitrumMetrics;
import io.vitrum.actors.projection.TagSlices;
import io.vitrum.core.CborSerializable;
import io.vitrum.core.causal.Subject;
import io.vitrum.core.rejection.RejectionCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.PreRestart;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * The incidents of one <em>line</em>: one furnace and one reject class ({@code F2-crack}), or one
 * furnace's sensor anomaly ({@code F2-anomaly-F2.glass.level}). At most one incident of a line is
 * open at a time, so a second alarm of the same kind attaches to the open one instead of opening
 * another. Incident ids are {@code <line>-<n>}, n counting from 1.
 *
 * <p>Lifecycle of an incident: opened by an alarm ({@link Open}), analysed any number of times
 * ({@link RecordAnalysis}: the latest ranking replaces the previous one), answered on by operators
 * ({@link GiveFeedback}: each answer is kept with the explanation path it judged, which the
 * knowledge graph's edge strengths learn from), and closed by an operator or when the rate is back
 * to normal ({@link Close}). A closed incident takes no more analyses or answers; the line keeps
 * its newest incident and the {@code keep-closed} before it (older ones stay in the journal and the
 * knowledge graph). {@link Open} of an already open line and {@link Close} of a closed incident are
 * idempotent.
 */
public final class Incident
    extends EventSourcedBehaviorWithEnforcedReplies<
        Incident.Command, Incident.Event, Incident.State> {

  /** Part of every persistence id: never rename. */
  public static final EntityTypeKey<Command> ENTITY_KEY =
      EntityTypeKey.create(Command.class, "Incident");

  private static final String TAG_PREFIX = "incident";

  // ---- protocol ----

  public sealed interface Command extends CborSerializable {}

  /** Opens an incident of this line, or attaches {@code trigger} to the open one. */
  public record Open(
      String furnace,
      String defect,
      String tag,
      String trigger,
      Instant at,
      ActorRef<Opened> replyTo)
      implements Command {}

  /** The incident that {@link Open} opened or attached to. */
  public record Opened(String id, boolean opened) implements CborSerializable {}

  /** Replaces the incident's ranking of causes with a new analysis. */
  public record RecordAnalysis(
      String id, List<Cause> causes, Instant at, ActorRef<Confirmation> replyTo)
      implements Command {}

  /** An operator confirms or rejects one cause of the latest analysis. */
  public record GiveFeedback(
      String id,
      String cause,
      boolean confirmed,
      String by,
      String comment,
      Instant at,
      ActorRef<Confirmation> replyTo)
      implements Command {}

  /** Closes the incident. */
  public record Close(
      String id, String by, String reason, Instant at, ActorRef<Confirmation> replyTo)
      implements Command {}

  public record GetLine(ActorRef<LineView> replyTo) implements Command {}

  /** A line's incidents, newest first. */
  public record LineView(String line, List<IncidentRecord> incidents) implements CborSerializable {

    public LineView {
      incidents = List.copyOf(incidents);
    }

    /** The incident {@code id}, if this line has it. */
    public Optional<IncidentRecord> incident(String id) {
      return incidents.stream().filter(i -> i.id().equals(id)).findFirst();
    }
  }

  // ---- events ----

  public sealed interface Event extends CborSerializable {}

  public record IncidentOpened(
      String id, String furnace, String defect, String tag, String trigger, Instant at)
      implements Event {}

  public record TriggerAttached(String id, String trigger, Instant at) implements Event {}

  public record AnalysisRecorded(String id, List<Cause> causes, Instant at) implements Event {}

  public record FeedbackGiven(String id, Feedback feedback) implements Event {}

  public record IncidentClosed(String id, String by, String reason, Instant at) implements Event {}

  // ---- state ----

  /**
   * @param opened how many incidents this line ever opened
   * @param incidents the open one (if any) and the last closed ones, oldest first
   */
  public record State(int opened, List<IncidentRecord> incidents) implements CborSerializable {

    public State {
      incidents = List.copyOf(incidents);
    }

    Optional<IncidentRecord> current() {
      return incidents.isEmpty() || !incidents.get(incidents.size() - 1).open()
          ? Optional.empty()
          : Optional.of(incidents.get(incidents.size() - 1));
    }

    Optional<IncidentRecord> find(String id) {
      return incidents.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    State replace(IncidentRecord record) {
      List<IncidentRecord> all = new ArrayList<>(incidents);
      all.replaceAll(i -> i.id().equals(record.id()) ? record : i);
      return new State(opened, all);
    }

    State add(IncidentRecord record, int keepClosed) {
      List<IncidentRecord> all = new ArrayList<>(incidents);
      all.add(record);
      while (all.size() > keepClosed + 1) {
        all.remove(0);
      }
      return new State(opened + 1, all);
    }
  }

  // ---- ids ----

  /** The line of a furnace's incidents about {@code subject}. */
  public static String lineOf(String furnace, Subject subject) {
    return subject.isAnomaly()
        ? furnace + "-" + Subject.ANOMALY + "-" + subject.tag()
        : furnace + "-" + subject.defect();
  }

  /** The line an incident id belongs to, if it is one. */
  public static Optional<String> lineOfIncident(String id) {
    int dash = id.lastIndexOf('-');
    if (dash <= 0 || dash == id.length() - 1) {
      return Optional.empty();
    }
    for (int i = dash + 1; i < id.length(); i++) {
      if (!Character.isDigit(id.charAt(i))) {
        return Optional.empty();
      }
    }
    return Optional.of(id.substring(0, dash));
  }

  /** The tags of every incident event, for the read sides. */
  public static TagSlices tags(IncidentSettings settings) {
    return new TagSlices(TAG_PREFIX, settings.tagSlices());
  }

  // ---- behaviour ----

  public static void init(ActorSystem<?> system, IncidentSettings settings) {
    EntityMetrics metrics = new EntityMetrics(VitrumMetrics.get(system).registry(), "incident");
    ClusterSharding.get(system)
        .init(Entity.of(ENTITY_KEY, ctx -> create(ctx.getEntityId(), settings, metrics)));
  }

  public static Behavior<Command> create(
      String line, IncidentSettings settings, EntityMetrics metrics) {
    return new Incident(line, settings, metrics);
  }

  private final String line;
  private final IncidentSettings settings;
  private final EntityMetrics metrics;
  private final Set<String> tags;
  private final PendingReply pending = new PendingReply();

  private Incident(String line, IncidentSettings settings, EntityMetrics metrics) {
    super(PersistenceId.of(ENTITY_KEY.name(), line), PersistFailure.restartWithBackoff());
    this.line = line;
    this.settings = settings;
    this.metrics = metrics;
    this.tags = Set.of(tags(settings).tagFor(persistenceId().id()));
  }

  @Override
  public State emptyState() {
    return new State(0, List.of());
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(settings.snapshotEvery(), 2);
  }

  @Override
  public Set<String> tagsFor(Event event) {
    return tags;
  }

  @Override
  public SignalHandler<State> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(PreRestart.instance(), state -> pending.persistFailed())
        .onSignal(PostStop.instance(), state -> pending.persistFailed())
        .build();
  }

  @Override
  public CommandHandlerWithReply<Command, Event, State> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(Open.class, this::onOpen)
        .onCommand(RecordAnalysis.class, this::onRecordAnalysis)
        .onCommand(GiveFeedback.class, this::onFeedback)
        .onCommand(Close.class, this::onClose)
        .onCommand(
            GetLine.class,
            (state, cmd) ->
                Effect().reply(cmd.replyTo(), new LineView(line, newestFirst(state.incidents()))))
        .build();
  }

  private static List<IncidentRecord> newestFirst(List<IncidentRecord> incidents) {
    List<IncidentRecord> out = new ArrayList<>(incidents);
    Collections.reverse(out);
    return out;
  }

  private ReplyEffect<Event, State> onOpen(State state, Open cmd) {
    Optional<IncidentRecord> current = state.current();
    if (current.isPresent()) {
      String id = current.get().id();
      if (current.get().triggers().contains(cmd.trigger())) {
        return Effect().reply(cmd.replyTo(), new Opened(id, false));
      }
      metrics.accepted("Open");
      return Effect()
          .persist(new TriggerAttached(id, cmd.trigger(), cmd.at()))
          .thenReply(cmd.replyTo(), s -> new Opened(id, false));
    }
    String id = line + "-" + (state.opened() + 1);
    metrics.accepted("Open");
    return Effect()
        .persist(
            new IncidentOpened(id, cmd.furnace(), cmd.defect(), cmd.tag(), cmd.trigger(), cmd.at()))
        .thenReply(cmd.replyTo(), s -> new Opened(id, true));
  }

  private ReplyEffect<Event, State> onRecordAnalysis(State state, RecordAnalysis cmd) {
    Optional<IncidentRecord> incident = state.find(cmd.id());
    if (incident.isEmpty()) {
      return reject(cmd.replyTo(), "RecordAnalysis", RejectionCode.UNKNOWN_INCIDENT, cmd.id());
    }
    if (!incident.get().open()) {
      return reject(
          cmd.replyTo(), "RecordAnalysis", RejectionCode.INCIDENT_CLOSED, cmd.id() + " is closed");
    }
    return persist(
        new AnalysisRecorded(cmd.id(), cmd.causes(), cmd.at()),
        cmd.replyTo(),
        "RecordAnalysis",
        cmd.causes().size() + " causes");
  }

  private ReplyEffect<Event, State> onFeedback(State state, GiveFeedback cmd) {
    Optional<IncidentRecord> incident = state.find(cmd.id());
    if (incident.isEmpty()) {
      return reject(cmd.replyTo(), "GiveFeedback", RejectionCode.UNKNOWN_INCIDENT, cmd.id());
    }
    if (!incident.get().open()) {
      return reject(
          cmd.replyTo(), "GiveFeedback", RejectionCode.INCIDENT_CLOSED, cmd.id() + " is closed");
    }
    Optional<Cause> cause =
        incident.get().causes().stream().filter(c -> c.cause().equals(cmd.cause())).findFirst();
    if (cause.isEmpty()) {
      return reject(
          cmd.replyTo(),
          "GiveFeedback",
          RejectionCode.UNKNOWN_CAUSE,
          cmd.id() + " has no cause " + cmd.cause() + " in its latest analysis");
    }
    Feedback answer =
        new Feedback(
            cmd.cause(),
            cmd.confirmed(),
            cause.get().edges(),
            cmd.by(),
            cmd.comment() == null ? "" : cmd.comment(),
            cmd.at());
    return persist(
        new FeedbackGiven(cmd.id(), answer),
        cmd.replyTo(),
        "GiveFeedback",
        (cmd.confirmed() ? "confirmed " : "rejected ") + cmd.cause());
  }

  private ReplyEffect<Event, State> onClose(State state, Close cmd) {
    Optional<IncidentRecord> incident = state.find(cmd.id());
    if (incident.isEmpty()) {
      return reject(cmd.replyTo(), "Close", RejectionCode.UNKNOWN_INCIDENT, cmd.id());
    }
    if (!incident.get().open()) {
      return Effect().reply(cmd.replyTo(), Confirmation.accepted("already closed"));
    }
    return persist(
        new IncidentClosed(cmd.id(), cmd.by(), cmd.reason(), cmd.at()),
        cmd.replyTo(),
        "Close",
        "closed");
  }

  private ReplyEffect<Event, State> persist(
      Event event, ActorRef<Confirmation> replyTo, String command, String detail) {
    long start = System.nanoTime();
    pending.expect(replyTo, Confirmation::rejected);
    return Effect()
        .persist(event)
        .thenRun(
            s -> {
              pending.settled();
              metrics.persisted(start);
              metrics.accepted(command);
            })
        .thenReply(replyTo, s -> Confirmation.accepted(detail));
  }

  private ReplyEffect<Event, State> reject(
      ActorRef<Confirmation> replyTo, String command, RejectionCode code, String reason) {
    metrics.rejected(command, code.wire());
    return Effect().reply(replyTo, Confirmation.rejected(code, reason));
  }

  @Override
  public EventHandler<State, Event> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onEvent(
            IncidentOpened.class,
            (state, e) ->
                state.add(
                    new IncidentRecord(
                        e.id(),
                        e.furnace(),
                        e.defect(),
                        e.tag(),
                        e.at(),
                        e.trigger(),
                        List.of(e.trigger()),
                        List.of(),
                        null,
                        0,
                        List.of(),
                        null,
                        null,
                        null),
                    settings.keepClosed()))
        .onEvent(
            TriggerAttached.class,
            (state, e) ->
                state
                    .find(e.id())
                    .map(i -> state.replace(i.withTrigger(e.trigger())))
                    .orElse(state))
        .onEvent(
            AnalysisRecorded.class,
            (state, e) ->
                state
                    .find(e.id())
                    .map(i -> state.replace(i.withAnalysis(e.causes(), e.at())))
                    .orElse(state))
        .onEvent(
            FeedbackGiven.class,
            (state, e) ->
                state
                    .find(e.id())
                    .map(i -> state.replace(i.withFeedback(e.feedback())))
                    .orElse(state))
        .onEvent(
            IncidentClosed.class,
            (state, e) ->
                state
                    .find(e.id())
                    .map(i -> state.replace(i.closed(e.at(), e.by(), e.reason())))
                    .orElse(state))
        .build();
  }
}
