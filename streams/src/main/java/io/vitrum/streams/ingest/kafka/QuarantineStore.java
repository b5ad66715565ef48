package io.vitrum.streams.ingest.kafka;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The newest quarantine records, for {@code GET /api/quarantine}: a reader of {@code
 * vitrum.quarantine} (no consumer group: it assigns every partition itself) that starts at most
 * {@code capacity} records back from the end and then follows the topic, keeping the newest {@code
 * capacity} in memory. The topic is the record; after a restart the store is rebuilt from it.
 */
public final class QuarantineStore implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(QuarantineStore.class);

  /** A stored record with its place in the topic. */
  public record Entry(int partition, long offset, QuarantineRecord record) {}

  private final KafkaSettings kafka;
  private final int capacity;
  private final Deque<Entry> newest = new ArrayDeque<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread reader;
  private volatile KafkaConsumer<String, byte[]> consumer;

  private QuarantineStore(KafkaSettings kafka, int capacity) {
    this.kafka = kafka;
    this.capacity = capacity;
    this.reader = new Thread(this::follow, "vitrum-quarantine-reader");
    this.reader.setDaemon(true);
  }

  /** Starts following the quarantine topic. */
  public static QuarantineStore start(KafkaSettings kafka, int capacity) {
    QuarantineStore store = new QuarantineStore(kafka, capacity);
    store.reader.start();
    return store;
  }

  /**
   * Newest first, at most {@code limit}, optionally only of {@code reason} and/or {@code source}
   * (null for any).
   */
  public synchronized List<Entry> newest(int limit, String reason, String source) {
    List<Entry> out = new ArrayList<>(Math.min(limit, newest.size()));
    for (Iterator<Entry> it = newest.descendingIterator(); it.hasNext() && out.size() < limit; ) {
      Entry e = it.next();
      if ((reason == null || reason.equals(e.record().reason()))
          && (source == null || source.equals(e.record().source()))) {
        out.add(e);
      }
    }
    return out;
  }

  /** How many records are held. */
  public synchronized int size() {
    return newest.size();
  }

  private synchronized void add(Entry e) {
    newest.addLast(e);
    while (newest.size() > capacity) {
      newest.removeFirst();
    }
  }

  private void follow() {
    while (running.get()) {
      try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(properties())) {
        consumer = c;
        List<TopicPartition> partitions = partitions(c);
        c.assign(partitions);
        Map<TopicPartition, Long> ends = c.endOffsets(partitions);
        Map<TopicPartition, Long> begins = c.beginningOffsets(partitions);
        long perPartition = Math.max(1, capacity / Math.max(1, partitions.size()));
        for (TopicPartition p : partitions) {
          c.seek(p, Math.max(begins.get(p), ends.get(p) - perPartition));
        }
        synchronized (this) {
          newest.clear();
        }
        while (running.get()) {
          for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofSeconds(1))) {
            try {
              add(new Entry(r.partition(), r.offset(), QuarantineRecord.decode(r.value())));
            } catch (IllegalArgumentException e) {
              log.warn(
                  "Skipping a record of {} that is not a quarantine record", kafka.quarantine());
            }
          }
        }
      } catch (WakeupException e) {
        return;
      } catch (RuntimeException e) {
        log.warn("Quarantine reader failed ({}); reading again in 5 s", e.toString());
        pause();
      }
    }
  }

  private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> c) {
    while (running.get()) {
      List<PartitionInfo> info = c.partitionsFor(kafka.quarantine(), Duration.ofSeconds(10));
      if (info != null && !info.isEmpty()) {
        return info.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
      }
      pause();
    }
    throw new WakeupException();
  }

  private Properties properties() {
    Properties p = new Properties();
    p.putAll(kafka.clientProperties());
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    return p;
  }

  private void pause() {
    try {
      Thread.sleep(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running.set(false);
    }
  }

  @Override
  public void close() {
    running.set(false);
    KafkaConsumer<String, byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    reader.interrupt();
  }
}
