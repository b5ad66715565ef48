package io.vitrum.actors.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.japi.function.Function;

/** Joining test nodes into a cluster and asking sharded entities from a test thread. */
public final class ClusterNodes {
  /** How long one ask may take: a first persist also creates the keyspace and tables. */
  public static final Duration ASK_TIMEOUT = Duration.ofSeconds(10);

  /** How long a node may take to become a member that is up. */
  public static final Duration JOIN_TIMEOUT = Duration.ofSeconds(30);

  private ClusterNodes() {}

  /** The node's own cluster address. */
  public static Address address(ActorTestKit node) {
    return Cluster.get(node.system()).selfMember().address();
  }

  /** Joins {@code node} to the cluster at {@code seed} (itself, for the first node) and waits. */
  public static void joinAndAwaitUp(ActorTestKit node, Address seed) {
    Cluster cluster = Cluster.get(node.system());
    cluster.manager().tell(Join.create(seed));
    TestProbe<Object> probe = node.createTestProbe();
    probe.awaitAssert(
        JOIN_TIMEOUT,
        () -> {
          assertEquals(MemberStatus.up(), cluster.selfMember().status());
          return null;
        });
    probe.stop();
  }

  /** Asks {@code entity} and waits for the reply; fails the test on a timeout. */
  public static <M, T> T ask(EntityRef<M> entity, Function<ActorRef<T>, M> message) {
    try {
      return entity
          .<T>ask(message, ASK_TIMEOUT)
          .toCompletableFuture()
          .get(ASK_TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError("no reply from " + entity + " within " + ASK_TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while asking " + entity, e);
    }
  }
}
