package io.vitrum.http.ws;

import io.vitrum.core.live.ConflatingBuffer;
import org.apache.pekko.stream.Attributes;
import org.apache.pekko.stream.FlowShape;
import org.apache.pekko.stream.Inlet;
import org.apache.pekko.stream.Outlet;
import org.apache.pekko.stream.stage.AbstractInHandler;
import org.apache.pekko.stream.stage.AbstractOutHandler;
import org.apache.pekko.stream.stage.GraphStage;
import org.apache.pekko.stream.stage.GraphStageLogic;

/**
 * One client's buffer as a stream stage: it always pulls upstream (so a slow client never slows its
 * session or the topics it subscribes to), holds what the client has not taken yet in a {@link
 * ConflatingBuffer}, and emits on the client's demand, oldest first. Telemetry is conflated per key
 * (and the oldest key dropped when too many are held); when the reliable messages do not fit, the
 * stage fails with {@link SlowConsumerException} and forgets what it held, so the client is
 * disconnected rather than silently missing alerts. On {@link Outbound#COMPLETE} (in band, so that
 * it stays behind the messages sent before it) or upstream completion it sends what it holds, then
 * completes.
 */
final class ConflatingStage extends GraphStage<FlowShape<Outbound, String>> {
  private final Inlet<Outbound> in = Inlet.create("ConflatingStage.in");
  private final Outlet<String> out = Outlet.create("ConflatingStage.out");
  private final FlowShape<Outbound, String> shape = FlowShape.of(in, out);
  private final int maxConflated;
  private final int maxReliable;
  private final WsMetrics metrics;
  private final Runnable onOverflow;

  /**
   * @param onOverflow run just before the stage fails for a reliable overflow
   */
  ConflatingStage(int maxConflated, int maxReliable, WsMetrics metrics, Runnable onOverflow) {
    this.maxConflated = maxConflated;
    this.maxReliable = maxReliable;
    this.metrics = metrics;
    this.onOverflow = onOverflow;
  }

  @Override
  public FlowShape<Outbound, String> shape() {
    return shape;
  }

  @Override
  public GraphStageLogic createLogic(Attributes inheritedAttributes) {
    return new GraphStageLogic(shape) {
      private final ConflatingBuffer<String> buffer =
          new ConflatingBuffer<>(maxConflated, maxReliable);
      private boolean finishing;

      {
        setHandler(
            in,
            new AbstractInHandler() {
              @Override
              public void onPush() {
                Outbound message = grab(in);
                if (message == Outbound.COMPLETE) {
                  cancel(in);
                  finishing = true;
                  if (buffer.isEmpty()) {
                    completeStage();
                  }
                  return;
                }
                int before = buffer.size();
                ConflatingBuffer.Offer offer =
                    message.reliable()
                        ? buffer.offerReliable(message.json())
                        : buffer.offerConflated(message.key(), message.json());
                switch (offer) {
                  case OVERFLOW -> {
                    int held = buffer.size();
                    buffer.clear();
                    metrics.buffered(-before, 0);
                    onOverflow.run();
                    failStage(new SlowConsumerException(held));
                    return;
                  }
                  case CONFLATED -> metrics.conflatedOne();
                  case DROPPED_OLDEST -> metrics.droppedOne();
                  case ENQUEUED -> {}
                }
                metrics.buffered(buffer.size() - before, buffer.size());
                if (isAvailable(out)) {
                  emitOne();
                }
                pull(in);
              }

              @Override
              public void onUpstreamFinish() {
                if (buffer.isEmpty()) {
                  completeStage();
                } else {
                  finishing = true;
                }
              }
            });
        setHandler(
            out,
            new AbstractOutHandler() {
              @Override
              public void onPull() {
                emitOne();
                if (finishing && buffer.isEmpty()) {
                  completeStage();
                }
              }
            });
      }

      private void emitOne() {
        buffer
            .poll()
            .ifPresent(
                json -> {
                  metrics.buffered(-1, buffer.size());
                  metrics.sentOne();
                  push(out, json);
                });
      }

      @Override
      public void preStart() {
        pull(in);
      }

      @Override
      public void postStop() {
        metrics.buffered(-buffer.size(), 0);
        buffer.clear();
      }
    };
  }
}
