package io.vitrum.http.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.vitrum.core.live.LiveTopic;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.testkit.TestPublisher;
import org.apache.pekko.stream.testkit.TestSubscriber;
import org.apache.pekko.stream.testkit.javadsl.TestSink;
import org.apache.pekko.stream.testkit.javadsl.TestSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The stage with stream-testkit probes on both sides: demand, conflation, completion, failure. */
class ConflatingStageTest {
  private static ActorTestKit testKit;
  private static WsMetrics metrics;

  @BeforeAll
  static void start() {
    testKit = ActorTestKit.create();
    metrics = WsMetrics.get(testKit.system());
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  private record Probes(
      TestPublisher.Probe<Outbound> up,
      TestSubscriber.Probe<String> down,
      AtomicBoolean overflow) {}

  private static Probes run(int maxConflated, int maxReliable) {
    ActorSystem<?> system = testKit.system();
    AtomicBoolean overflow = new AtomicBoolean();
    Pair<TestPublisher.Probe<Outbound>, TestSubscriber.Probe<String>> probes =
        TestSource.<Outbound>probe(org.apache.pekko.actor.typed.javadsl.Adapter.toClassic(system))
            .via(
                Flow.fromGraph(
                    new ConflatingStage(
                        maxConflated, maxReliable, metrics, () -> overflow.set(true))))
            .toMat(
                TestSink.probe(org.apache.pekko.actor.typed.javadsl.Adapter.toClassic(system)),
                Keep.both())
            .run(system);
    return new Probes(probes.first(), probes.second(), overflow);
  }

  @Test
  void pullsWithoutDemandAndConflatesWhileTheClientTakesNothing() {
    Probes p = run(8, 8);
    // No demand downstream: the stage still takes everything offered.
    for (int i = 0; i < 100; i++) {
      p.up().sendNext(Outbound.conflated("k" + (i % 3), "v" + i));
    }
    p.up().sendNext(Outbound.reliable("alarm"));
    p.down().request(10);
    assertEquals("v99", p.down().expectNext()); // k0's latest, in k0's first place
    assertEquals("v97", p.down().expectNext());
    assertEquals("v98", p.down().expectNext());
    assertEquals("alarm", p.down().expectNext());
    p.down().expectNoMessage();
  }

  @Test
  void completesAfterWhatItHoldsOnCompleteInBand() {
    Probes p = run(8, 8);
    p.up().sendNext(Outbound.reliable("a"));
    p.up().sendNext(Outbound.reliable("b"));
    p.up().sendNext(Outbound.COMPLETE);
    p.up().expectCancellation();
    p.down().request(5);
    p.down().expectNext("a", "b");
    p.down().expectComplete();
  }

  @Test
  void failsWhenTheReliableQueueOverflows() {
    Probes p = run(8, 2);
    p.down().ensureSubscription();
    p.up().sendNext(Outbound.reliable("1"));
    p.up().sendNext(Outbound.reliable("2"));
    p.up().sendNext(Outbound.reliable("3"));
    assertInstanceOf(SlowConsumerException.class, p.down().expectError());
    p.up().expectCancellation();
    assertEquals(true, p.overflow().get());
  }

  @Test
  void telemetryOnlyNeverOverflows() {
    Probes p = run(4, 1);
    for (int i = 0; i < 1000; i++) {
      p.up().sendNext(Outbound.conflated(LiveTopic.furnace("F1").name() + "|" + i, "v" + i));
    }
    p.down().request(10);
    p.down().expectNext("v996", "v997", "v998", "v999");
    p.down().expectNoMessage();
  }
}
