package io.vitrum.loadtests.inference;

import com.typesafe.config.ConfigFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vitrum.core.features.FeatureVector;
import io.vitrum.core.sim.FrameRenderer;
import io.vitrum.core.sim.InspectionClass;
import io.vitrum.core.sim.Pgm;
import io.vitrum.core.sim.SimulatedFeatures;
import io.vitrum.loadtests.history.LatencySample;
import io.vitrum.streams.features.FeatureSettings;
import io.vitrum.streams.inference.InferenceMetrics;
import io.vitrum.streams.inference.InferenceSettings;
import io.vitrum.streams.inference.InspectionDecision;
import io.vitrum.streams.inference.InspectionDecisions;
import io.vitrum.streams.inference.Predicted;
import io.vitrum.streams.inference.PredictionStage;
import io.vitrum.streams.inference.Predictor;
import io.vitrum.streams.inference.ServedModels;
import io.vitrum.streams.ingest.kafka.KafkaSettings;
import io.vitrum.streams.ml.OnnxModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.stream.ThrottleMode;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * Serving figures in one run, so that the ratios compare like with like on a noisy box: per served
 * model, ONNX Runtime alone (single-sample p50/p99, batch-64 samples/s); then the engine's paths,
 * the prediction stage (feature windows of a simulated plant through the forecaster, GNN and
 * ensemble, micro-batched on the inference threads) and frames to reject decisions (PGM frames
 * through the vision model), each as throughput and latency, and as a ratio to ONNX Runtime alone.
 *
 * <p>Usage, after {@code mvn -q -B -DskipTests -pl load-tests -am package}: {@code java -cp
 * "load-tests/target/classes:$(cat load-tests/target/runtime.classpath)"
 * io.vitrum.loadtests.inference.ModelServingLoad [--seconds 5] [--threads 1] [--tick 1ms] [--models
 * models]} (a models directory whose index names only the forecaster measures the prediction stage
 * like for like against the forecaster alone) (through an argument file: ONNX Runtime 1.28 crashes
 * in native code under a very long command line, see RESULTS.md).
 */
public final class ModelServingLoad {
  private static final int BATCH = 64;

  private ModelServingLoad() {}

  public static void main(String[] args) throws Exception {
    int seconds = 5;
    int threads = 1;
    String tick = "1ms";
    Path modelsDir = Path.of("models");
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
        case "--threads" -> threads = Integer.parseInt(args[i + 1]);
        case "--tick" -> tick = args[i + 1];
        case "--models" -> modelsDir = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    var config =
        ConfigFactory.parseString(
                "vitrum.inference.threads = "
                    + threads
                    + "\npekko.scheduler.tick-duration = "
                    + tick)
            .withFallback(ConfigFactory.load());
    InferenceSettings settings = InferenceSettings.create(config).withModelsDir(modelsDir);
    ServedModels models = ServedModels.open(settings);
    System.out.printf(
        "ONNX Runtime, %d intra-op thread(s), %d s per figure, scheduler tick %s%n",
        threads, seconds, tick);
    System.out.printf("%-12s %12s %12s %18s%n", "model", "p50 ms", "p99 ms", "batch-64 /s");
    Map<String, Double> alone = new java.util.TreeMap<>();
    for (var e : models.activeVersions().entrySet()) {
      OnnxModel m = models.active(e.getKey()).orElseThrow();
      long[] one = shape(m, 1);
      long[] many = shape(m, BATCH);
      float[] x1 = random(size(one));
      float[] x64 = random(size(many));
      LatencySample single =
          LatencySample.of(e.getKey(), 200, 2000, () -> m.run(new OnnxModel.Tensor(x1, one)));
      double perSecond = throughput(seconds, () -> m.run(new OnnxModel.Tensor(x64, many))) * BATCH;
      alone.put(e.getKey(), perSecond);
      System.out.printf(
          "%-12s %12.3f %12.3f %18.0f%n",
          e.getValue(), single.millis(0.5), single.millis(0.99), perSecond);
    }
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "ModelServingLoad", config);
    ExecutorService executor = Executors.newFixedThreadPool(2);
    try {
      if (models.active("forecaster").isPresent()) {
        predictions(system, models, settings, executor, seconds, alone);
      }
      if (models.vision().isPresent()) {
        decisions(system, models, settings, config, executor, seconds, alone.get("vision"));
      }
    } finally {
      executor.shutdown();
      system.terminate();
      models.close();
    }
  }

  /** Windows of a simulated plant through the prediction stage, unthrottled then at 200/s. */
  private static void predictions(
      ActorSystem<Void> system,
      ServedModels models,
      InferenceSettings settings,
      ExecutorService executor,
      int seconds,
      Map<String, Double> alone)
      throws Exception {
    Predictor predictor = new Predictor(models, new InferenceMetrics(new SimpleMeterRegistry()));
    SimulatedFeatures plant =
        SimulatedFeatures.run(
            4,
            Duration.ofMinutes(90),
            2027,
            FeatureSettings.create(system.settings().config()).schema(),
            Duration.ofMinutes(1));
    List<FeatureVector> vectors = new ArrayList<>();
    plant.vectors().values().forEach(vectors::addAll);
    // The furnaces' vectors again and again: past the first hour, every one completes a window.
    AtomicLong done = new AtomicLong();
    long[] latencies = new long[vectors.size()];
    AtomicLong latencyCount = new AtomicLong();
    Source<FeatureVector, ?> source = Source.cycle(() -> vectors.iterator());
    long started = System.nanoTime();
    source
        .via(PredictionStage.flow(predictor, settings, executor))
        .takeWithin(Duration.ofSeconds(seconds))
        .runWith(Sink.foreach(p -> done.incrementAndGet()), system)
        .toCompletableFuture()
        .get(seconds + 60L, TimeUnit.SECONDS);
    double elapsed = (System.nanoTime() - started) / 1e9;
    double perSecond = done.get() / elapsed;
    System.out.printf(
        "prediction stage (%s per window): %.0f windows/s;"
            + " forecaster alone %.0f/s: ratio %.2f%n",
        String.join(
            "+",
            models.activeVersions().keySet().stream()
                .filter(name -> !name.equals(ServedModels.VISION))
                .toList()),
        perSecond,
        alone.get("forecaster"),
        perSecond / alone.get("forecaster"));

    // Latency at a moderate rate: one vector in, its window's prediction out.
    List<Long> sent = new ArrayList<>();
    done.set(0);
    Source.from(vectors)
        .throttle(200, Duration.ofSeconds(1))
        .map(
            v -> {
              synchronized (sent) {
                sent.add(System.nanoTime());
              }
              return v;
            })
        .via(PredictionStage.flow(predictor, settings, executor))
        .runWith(
            Sink.foreach(
                (Predicted p) -> {
                  int i = (int) done.getAndIncrement();
                  long began;
                  synchronized (sent) {
                    began = sent.get(i);
                  }
                  latencies[(int) latencyCount.getAndIncrement()] = System.nanoTime() - began;
                }),
            system)
        .toCompletableFuture()
        .get(vectors.size() / 200 + 60L, TimeUnit.SECONDS);
    long[] sorted = Arrays.copyOf(latencies, (int) latencyCount.get());
    Arrays.sort(sorted);
    System.out.printf(
        "prediction stage latency at 200 windows/s over %d windows: p50 %.3f ms, p99 %.3f ms%n",
        sorted.length, percentile(sorted, 0.5), percentile(sorted, 0.99));
  }

  /** PGM frames through the decision stage's batch path, unthrottled. */
  private static void decisions(
      ActorSystem<Void> system,
      ServedModels models,
      InferenceSettings settings,
      com.typesafe.config.Config config,
      ExecutorService executor,
      int seconds,
      double visionAlone)
      throws Exception {
    InspectionDecisions stage =
        new InspectionDecisions(
            system,
            KafkaSettings.create(config),
            settings,
            models,
            new InferenceMetrics(new SimpleMeterRegistry()),
            (ref, score) -> {},
            decision -> {},
            Clock.systemUTC());
    FrameRenderer renderer = new FrameRenderer();
    SplittableRandom seeds = new SplittableRandom(11);
    List<byte[]> frames = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      frames.add(Pgm.encode(renderer.render(InspectionClass.values()[i % 5], seeds.nextLong())));
    }
    AtomicLong item = new AtomicLong();
    long[] unthrottled = run(stage, settings, executor, frames, item, seconds, 0, system);
    double perSecond = unthrottled.length / (double) seconds;
    System.out.printf(
        "frames -> decisions, unthrottled: %.0f items/min (%.0f/s); vision alone batch-64 %.0f/s:"
            + " ratio %.2f%n",
        perSecond * 60, perSecond, visionAlone, perSecond / visionAlone);
    int rate = 100; // items/s: 6,000/min, about 18 MIK-1 lines at 330 items/min
    long[] paced = run(stage, settings, executor, frames, item, seconds, rate, system);
    System.out.printf(
        "frames -> decisions at %d items/s: capture -> decision p50 %.2f ms, p99 %.2f ms"
            + " over %d items%n",
        rate, percentile(paced, 0.5), percentile(paced, 0.99), paced.length);
  }

  /**
   * Frames through the decision path for {@code seconds} ({@code rate} per second, 0: as fast as it
   * goes); the sorted capture-to-decision latencies.
   */
  private static long[] run(
      InspectionDecisions stage,
      InferenceSettings settings,
      ExecutorService executor,
      List<byte[]> frames,
      AtomicLong item,
      int seconds,
      int rate,
      ActorSystem<Void> system)
      throws Exception {
    List<Long> latencies = new ArrayList<>();
    Source<byte[], ?> source = Source.cycle(() -> frames.iterator());
    if (rate > 0) {
      // One frame every 1/rate s, no bursts: as a carousel delivers them.
      source =
          source.throttle(1, Duration.ofNanos(1_000_000_000L / rate), 1, ThrottleMode.shaping());
    }
    source
        .map(image -> record(image, item.getAndIncrement()))
        .groupedWithin(settings.batchMax(), settings.batchDelay())
        .mapAsync(
            settings.parallelism(),
            batch -> CompletableFuture.supplyAsync(() -> stage.decide(batch), executor))
        .takeWithin(Duration.ofSeconds(seconds))
        .runWith(
            Sink.foreach(
                (List<InspectionDecision> ds) -> {
                  for (InspectionDecision d : ds) {
                    latencies.add(Duration.between(d.capturedAt(), d.decidedAt()).toNanos());
                  }
                }),
            system)
        .toCompletableFuture()
        .get(seconds + 60L, TimeUnit.SECONDS);
    return latencies.stream().mapToLong(Long::longValue).sorted().toArray();
  }

  private static ConsumerRecord<String, byte[]> record(byte[] image, long item) {
    RecordHeaders headers = new RecordHeaders();
    headers.add("furnace", "F1".getBytes(StandardCharsets.UTF_8));
    headers.add("item", Long.toString(item).getBytes(StandardCharsets.UTF_8));
    headers.add("ts", Instant.now().toString().getBytes(StandardCharsets.UTF_8));
    return new ConsumerRecord<>(
        "frames",
        0,
        item,
        System.currentTimeMillis(),
        TimestampType.CREATE_TIME,
        0,
        image.length,
        "F1",
        image,
        headers,
        java.util.Optional.empty());
  }

  private static double throughput(int seconds, Runnable batch) {
    for (int i = 0; i < 20; i++) {
      batch.run();
    }
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    long runs = 0;
    long started = System.nanoTime();
    while (System.nanoTime() < deadline) {
      batch.run();
      runs++;
    }
    return runs / ((System.nanoTime() - started) / 1e9);
  }

  private static long[] shape(OnnxModel m, int batch) {
    long[] dims = m.card().inputs().get(0).dims();
    dims[0] = batch;
    return dims;
  }

  private static int size(long[] shape) {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    return (int) n;
  }

  private static float[] random(int n) {
    SplittableRandom r = new SplittableRandom(5);
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) r.nextDouble(0, 1);
    }
    return x;
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
  }
}
