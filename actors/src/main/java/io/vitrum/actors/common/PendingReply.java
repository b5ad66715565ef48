package io.vitrum.actors.common;

import io.vitrum.core.rejection.Rejection;
import io.vitrum.core.rejection.RejectionCode;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * The reply an entity owes while its events are being persisted. If the journal fails or refuses
 * them, the entity is restarted by {@link PersistFailure} and the command's asker would only see a
 * timeout; instead, the entity's {@code PreRestart}/{@code PostStop} signal calls {@link
 * #persistFailed()} and the asker is told at once that nothing was applied. An entity persists one
 * command at a time (commands are stashed meanwhile), so one pending reply is enough.
 * Actor-confined.
 */
public final class PendingReply {
  private static final Rejection PERSIST_FAILED =
      Rejection.of(
          RejectionCode.PERSIST_FAILED,
          "the journal did not store the change, so nothing was applied: retry");

  private Runnable onFailure;

  /** Before persisting: {@code replyTo} gets {@code failureReply(rejection)} should it fail. */
  public <R> void expect(ActorRef<R> replyTo, Function<Rejection, R> failureReply) {
    onFailure = () -> replyTo.tell(failureReply.apply(PERSIST_FAILED));
  }

  /** After the events were persisted: nothing is owed any more. */
  public void settled() {
    onFailure = null;
  }

  /** The entity is failing with events unpersisted: answers the asker, once. */
  public void persistFailed() {
    if (onFailure != null) {
      Runnable owed = onFailure;
      onFailure = null;
      owed.run();
    }
  }
}
