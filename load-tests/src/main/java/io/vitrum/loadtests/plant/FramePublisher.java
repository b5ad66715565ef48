package io.vitrum.loadtests.plant;

import io.vitrum.core.sim.FrameRenderer;
import io.vitrum.core.sim.Pgm;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MIK-1 cameras: one 64×64 frame per inspected item of every line ({@link InspectionLine}) to
 * Kafka, key the furnace id, value the binary PGM ({@link Pgm}), headers {@code furnace}, {@code
 * line}, {@code item}, {@code ts} (ISO instant) and {@code label} (the true class, lowercase;
 * simulated only). The simulation thread only queues small {@link FrameOrder}s, never waiting: when
 * the bounded queue is full (Kafka down or slow) the order is dropped and counted. A sender thread
 * renders and sends; the producer retries until the broker is up, and frames it gives up on are
 * counted as dropped too.
 */
public final class FramePublisher implements PlantOutput, AutoCloseable {
  /** The topic of the contract. */
  public static final String TOPIC = "vitrum.frames";

  /** Orders waiting at most; about a minute of three lines at 330 items/min. */
  public static final int DEFAULT_CAPACITY = 1000;

  private static final Logger log = LoggerFactory.getLogger(FramePublisher.class);
  private static final long FRAME_SALT = 0x4D49_4B31L;
  private static final long DROP_LOG_NANOS = TimeUnit.MINUTES.toNanos(1);

  /** What the sender last saw of Kafka. */
  private enum Link {
    UNKNOWN,
    UP,
    DOWN
  }

  private final Supplier<Producer<String, byte[]>> producerFactory;
  private volatile Producer<String, byte[]> producer;
  private final String topic;
  private final String target;
  private final List<InspectionLine> lines = new ArrayList<>();
  private final BlockingQueue<FrameOrder> queue;
  private final FrameRenderer renderer = new FrameRenderer();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicReference<Link> link = new AtomicReference<>(Link.UNKNOWN);
  private final Thread sender;
  private volatile boolean closed;
  private long droppedLogged;
  private long lastDropLog = System.nanoTime();

  /**
   * A publisher sending through the producer {@code producer} makes, not started yet. The producer
   * is made on the sender thread, so that its start never delays the plant's.
   *
   * @param target where the frames go, for the log
   * @param seed the plant's seed; each line's items and frames derive from it
   * @param capacity orders that may wait
   */
  public FramePublisher(
      Supplier<Producer<String, byte[]>> producer,
      String topic,
      String target,
      List<String> furnaces,
      double itemsPerMinute,
      long seed,
      int capacity) {
    this.producerFactory = producer;
    this.topic = topic;
    this.target = target;
    SplittableRandom seeds = new SplittableRandom(seed ^ FRAME_SALT);
    for (String f : furnaces) {
      lines.add(new InspectionLine(f, itemsPerMinute, seeds.split()));
    }
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.sender = new Thread(this::sendLoop, "plant-frames");
    sender.setDaemon(true);
  }

  /** A Kafka producer for frames: bounded memory, retries, never blocking a send for long. */
  public static Producer<String, byte[]> kafkaProducer(String bootstrapServers) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "vitrum-plant-frames");
    p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 8L * 1024 * 1024);
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
    p.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 5_000);
    return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
  }

  /** Starts the sender thread. */
  public void start() {
    sender.start();
  }

  /** Frames Kafka acknowledged. */
  public long sent() {
    return sent.get();
  }

  /** Frames dropped: the queue was full or Kafka gave up on them. */
  public long dropped() {
    return dropped.get();
  }

  @Override
  public void onTick(PlantTick tick) {
    for (PlantStep step : tick.steps()) {
      for (InspectionLine line : lines) {
        for (FrameOrder order : line.inspect(step)) {
          if (!queue.offer(order)) {
            dropped.incrementAndGet();
          }
        }
      }
    }
    long now = System.nanoTime();
    if (now - lastDropLog >= DROP_LOG_NANOS && dropped.get() > droppedLogged) {
      log.warn(
          "Frames: {} dropped in the last minute, Kafka {} {} ({} dropped, {} sent in all)",
          dropped.get() - droppedLogged,
          target,
          link.get() == Link.UP ? "slow" : "unreachable",
          dropped.get(),
          sent.get());
      droppedLogged = dropped.get();
      lastDropLog = now;
    }
  }

  /** The Kafka record of {@code order}, its frame rendered. */
  ProducerRecord<String, byte[]> record(FrameOrder order) {
    byte[] pgm = Pgm.encode(renderer.render(order.inspectionClass(), order.seed()));
    RecordHeaders headers = new RecordHeaders();
    header(headers, "furnace", order.furnace());
    header(headers, "line", order.furnace());
    header(headers, "item", Long.toString(order.item()));
    header(headers, "ts", order.ts().toString());
    header(headers, "label", order.inspectionClass().label());
    return new ProducerRecord<>(
        topic, null, order.ts().toEpochMilli(), order.furnace(), pgm, headers);
  }

  private static void header(RecordHeaders headers, String key, String value) {
    headers.add(key, value.getBytes(StandardCharsets.UTF_8));
  }

  private void sendLoop() {
    try {
      producer = producerFactory.get();
    } catch (RuntimeException e) {
      log.error("Frames: cannot make a Kafka producer for {}: {}", target, e.toString());
      return;
    }
    while (!closed) {
      FrameOrder order;
      try {
        order = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      try {
        producer.send(
            record(order),
            (metadata, failure) -> {
              if (failure == null) {
                sent.incrementAndGet();
                connected(true, null);
              } else {
                dropped.incrementAndGet();
                connected(false, failure);
              }
            });
      } catch (RuntimeException e) {
        if (closed) {
          return;
        }
        dropped.incrementAndGet();
        connected(false, e);
      }
    }
  }

  private void connected(boolean nowUp, Throwable failure) {
    Link next = nowUp ? Link.UP : Link.DOWN;
    Link before = link.getAndSet(next);
    if (before == next) {
      return;
    }
    if (nowUp) {
      log.info("Frames: Kafka {} reached, sending to {}", target, topic);
    } else if (before == Link.UNKNOWN) {
      log.warn("Frames: Kafka {} not reachable yet ({}); retrying", target, failure.toString());
    } else {
      log.warn(
          "Frames: Kafka {} unavailable ({}); frames are dropped and counted until it is back",
          target,
          failure.toString());
    }
  }

  /** A snapshot of the counters, for the log and tests. */
  public Map<String, Long> counters() {
    Map<String, Long> c = new LinkedHashMap<>();
    c.put("sent", sent.get());
    c.put("dropped", dropped.get());
    c.put("queued", (long) queue.size());
    return c;
  }

  @Override
  public void close() {
    closed = true;
    sender.interrupt();
    try {
      sender.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Producer<String, byte[]> made = producer;
    if (made != null) {
      made.close(Duration.ofSeconds(3));
    }
    log.info("Frames: publisher closed {}", counters());
  }
}
