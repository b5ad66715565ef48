package io.vitrum.http.dto;

import io.vitrum.actors.sensor.Sensor;
import io.vitrum.core.features.RunningStats;
import io.vitrum.core.features.TumblingWindow;
import java.time.Instant;
import java.util.Locale;

/** {@code GET /api/sensors/{tag}}: configuration, last value, window statistics, anomaly. */
public record SensorResponse(
    String tag,
    String furnace,
    String unit,
    double min,
    double max,
    Double alarmLow,
    Double alarmHigh,
    double deadband,
    Double lastValue,
    Instant lastTs,
    Anomaly anomaly,
    Window window,
    Window previousWindow,
    long accepted,
    long rejected) {

  /** Anomaly state: {@code normal}, {@code low} or {@code high}, and since when. */
  public record Anomaly(String state, Instant since) {}

  /** Statistics of one window; min/max/mean are null for an empty window. */
  public record Window(
      Instant start, long count, Double mean, Double min, Double max, Double stddev) {
    static Window of(Instant start, RunningStats s) {
      return s.count() == 0
          ? new Window(start, 0, null, null, null, null)
          : new Window(start, s.count(), s.mean(), s.min(), s.max(), s.stddev());
    }
  }

  public static SensorResponse of(Sensor.SensorView view) {
    TumblingWindow w = view.window().stats();
    Instant previousStart = w.currentStart() == null ? null : w.currentStart().minus(w.length());
    return new SensorResponse(
        view.tag(),
        view.config().furnace(),
        view.config().unit(),
        view.config().min(),
        view.config().max(),
        view.config().alarms().low(),
        view.config().alarms().high(),
        view.config().alarms().deadband(),
        view.window().lastValue(),
        view.window().lastTs(),
        new Anomaly(view.anomaly().name().toLowerCase(Locale.ROOT), view.anomalySince()),
        Window.of(w.currentStart(), w.current()),
        Window.of(previousStart, w.previous()),
        view.window().accepted(),
        view.window().rejected());
  }
}
