package io.vitrum.streams.ingest;

import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * A protocol source. Its {@link #inbound()} never completes on its own: it restarts with backoff
 * after a failure (reporting through its {@link SourceHandle}, where it also counts what it
 * receives), so a server restart reconnects. The ingest pipeline sends each message's
 * acknowledgement token to {@link #acknowledgements()} only after everything the message produced
 * is durable in Kafka, in message order.
 *
 * @param <A> the acknowledgement token (an MQTT message to PUBACK, a Kafka offset to commit, or
 *     {@link NotUsed} for sources that need none)
 */
public interface IngestSource<A> {

  /** The source's name in metrics, status and quarantine records. */
  String name();

  /** The decoded messages. */
  Source<Inbound<A>, NotUsed> inbound();

  /** Where acknowledgement tokens go once their message is durable. */
  Sink<A, CompletionStage<Done>> acknowledgements();
}
