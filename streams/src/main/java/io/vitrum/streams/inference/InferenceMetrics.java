package io.vitrum.streams.inference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Meters of serving, on the node's registry (Prometheus {@code /metrics}):
 *
 * <ul>
 *   <li>{@code vitrum_inference_batch_seconds{model}}: one micro-batch through ONNX Runtime
 *       (p50/p95/p99)
 *   <li>{@code vitrum_inference_items_total{model}}: items run
 *   <li>{@code vitrum_inspection_capture_to_decision_seconds}: camera capture to reject decision
 *       (p50/p95/p99)
 * </ul>
 */
public final class InferenceMetrics {
  private final MeterRegistry registry;
  private final ConcurrentMap<String, Timer> batches = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Counter> items = new ConcurrentHashMap<>();
  private final Timer captureToDecision;

  public InferenceMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.captureToDecision =
        Timer.builder("vitrum.inspection.capture.to.decision")
            .description("Camera capture to reject decision")
            .publishPercentiles(0.5, 0.95, 0.99)
            .register(registry);
  }

  /** Records one micro-batch of {@code size} items of {@code model} that took {@code nanos}. */
  public void batch(String model, int size, long nanos) {
    batches
        .computeIfAbsent(
            model,
            m ->
                Timer.builder("vitrum.inference.batch")
                    .tag("model", m)
                    .publishPercentiles(0.5, 0.95, 0.99)
                    .register(registry))
        .record(Duration.ofNanos(nanos));
    items
        .computeIfAbsent(
            model,
            m -> Counter.builder("vitrum.inference.items").tag("model", m).register(registry))
        .increment(size);
  }

  /** Records one item's time from capture to decision. */
  public void captureToDecision(Duration latency) {
    captureToDecision.record(latency.isNegative() ? Duration.ZERO : latency);
  }

  /** Items run by {@code model} so far. */
  public double items(String model) {
    Counter c = items.get(model);
    return c == null ? 0 : c.count();
  }

  /** The capture-to-decision timer (for load generators). */
  public Timer captureToDecision() {
    return captureToDecision;
  }
}
