package io.vitrum.loadtests.ingest;

import io.vitrum.loadtests.BearerToken;
import io.vitrum.loadtests.Cli;
import io.vitrum.loadtests.Loopback;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Publishes readings to a running node over Kafka ({@code vitrum.readings.in}) or MQTT at a target
 * rate and reports, from the node's own meters, what reached the Sensor entities: readings/s
 * delivered, publish-to-entity latency (p50/p99 of {@code reading-age}: readings are stamped as
 * they are sent) and the node's heap. It first posts a tag map of its own load tags ({@code
 * LT1.load.T0001}...) with source {@code kafka}. Loopback only.
 *
 * <pre>
 * java -cp "$(cat load-tests/target/plant.classpath)" io.vitrum.loadtests.ingest.IngestLoad \
 *     [--via kafka|mqtt] [--rate 200000] [--seconds 30] [--tags 200] [--batch 500] \
 *     [--api http://127.0.0.1:8080] [--metrics http://127.0.0.1:8558/metrics] \
 *     [--kafka 127.0.0.1:9092] [--mqtt tcp://127.0.0.1:1883]
 * </pre>
 */
public final class IngestLoad {
  private static final String FURNACE = "LT1";
  private static final int GROUPS = 16;

  private IngestLoad() {}

  record Options(
      String via,
      int rate,
      int seconds,
      int tags,
      int batch,
      URI api,
      URI metrics,
      String kafka,
      String mqtt) {}

  public static void main(String[] args) throws Exception {
    Options o =
        Cli.parseOrExit(
            args,
            IngestLoad::parse,
            "usage: IngestLoad [--via kafka|mqtt] [--rate N] [--seconds S] [--tags N] [--batch N]"
                + " [--api URL] [--metrics URL] [--kafka HOST:PORT] [--mqtt URL]");
    run(o);
  }

  static Options parse(String[] args) {
    String via = "kafka";
    int rate = 200_000;
    int seconds = 30;
    int tags = 200;
    int batch = 500;
    URI api = URI.create("http://127.0.0.1:8080/");
    URI metrics = URI.create("http://127.0.0.1:8558/metrics");
    String kafka = "127.0.0.1:9092";
    String mqtt = "tcp://127.0.0.1:1883";
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : "";
      switch (args[i]) {
        case "--via" -> via = value;
        case "--rate" -> rate = Integer.parseInt(value);
        case "--seconds" -> seconds = Integer.parseInt(value);
        case "--tags" -> tags = Integer.parseInt(value);
        case "--batch" -> batch = Integer.parseInt(value);
        case "--api" -> api = URI.create(value);
        case "--metrics" -> metrics = URI.create(value);
        case "--kafka" -> kafka = value;
        case "--mqtt" -> mqtt = value;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
      i++;
    }
    if (!via.equals("kafka") && !via.equals("mqtt")) {
      throw new IllegalArgumentException("--via must be kafka or mqtt");
    }
    if (rate < 1 || seconds < 1 || tags < 1 || batch < 1 || tags > 9999) {
      throw new IllegalArgumentException("rate, seconds, batch >= 1 and 1 <= tags <= 9999");
    }
    Loopback.require(api.getHost());
    Loopback.require(metrics.getHost());
    Loopback.require(kafka.split(",")[0].split(":")[0]);
    Loopback.require(URI.create(mqtt).getHost());
    return new Options(via, rate, seconds, tags, batch, api, metrics, kafka, mqtt);
  }

  static void run(Options o) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    postTagMap(http, o);
    try (LoadPublisher publisher =
        o.via().equals("kafka")
            ? new KafkaLoadPublisher(o.kafka(), "vitrum.readings.in")
            : new MqttLoadPublisher(o.mqtt(), FURNACE)) {
      Prometheus before = Prometheus.scrape(http, o.metrics());
      double delivered0 = delivered(before);
      long[] lastTs = new long[o.tags()];
      long start = System.nanoTime();
      long sent = 0;
      long total = (long) o.rate() * o.seconds();
      // Tags fall into groups, each published under its own key, so that every tag's readings
      // share one partition and stay in order (as a gateway publishing its own tags would).
      int groups = Math.min(o.tags(), GROUPS);
      int[] cursor = new int[groups];
      long messages = 0;
      StringBuilder json = new StringBuilder(o.batch() * 64);
      while (sent < total) {
        long due = start + (long) (sent * 1e9 / o.rate());
        long wait = due - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        long now = System.currentTimeMillis();
        json.setLength(0);
        json.append('[');
        int n = (int) Math.min(o.batch(), total - sent);
        int group = (int) (messages++ % groups);
        int members = (o.tags() - group + groups - 1) / groups;
        for (int i = 0; i < n; i++) {
          int t = group + groups * cursor[group];
          cursor[group] = (cursor[group] + 1) % members;
          long ts = Math.max(now, lastTs[t] + 1);
          lastTs[t] = ts;
          if (i > 0) {
            json.append(',');
          }
          json.append("{\"tag\":\"")
              .append(tag(t))
              .append("\",\"ts\":\"")
              .append(Instant.ofEpochMilli(ts))
              .append("\",\"value\":")
              // A slow triangle wave (at most 1 degC/s): well inside any believable rate.
              .append(500 + Math.abs((ts / 1000) % 200 - 100))
              .append('}');
        }
        json.append(']');
        publisher.publish("group-" + group, json.toString().getBytes(StandardCharsets.UTF_8));
        sent += n;
      }
      publisher.flush();
      double publishSeconds = (System.nanoTime() - start) / 1e9;
      // Drain: wait until every reading reached its entity or nothing moves for 10 s.
      double delivered = 0;
      double lastDelivered = -1;
      long stalledSince = System.nanoTime();
      Prometheus after = before;
      while (delivered < sent && System.nanoTime() - stalledSince < 10_000_000_000L) {
        Thread.sleep(500);
        after = Prometheus.scrape(http, o.metrics());
        delivered = delivered(after) - delivered0;
        if (delivered > lastDelivered) {
          lastDelivered = delivered;
          stalledSince = System.nanoTime();
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      double heapMb = after.sum("jvm_memory_used_bytes", "area=\"heap\"") / 1048576;
      System.out.printf(
          Locale.ROOT,
          "via %s: %d readings (%d tags, %d per message) published in %.1f s (%.0f/s);"
              + " %.0f delivered to entities in %.1f s: %.0f readings/s end to end;"
              + " reading age at the entity p50 %.0f ms, p99 %.0f ms; quarantined %.0f;"
              + " node heap used %.0f MiB%n",
          o.via(),
          sent,
          o.tags(),
          o.batch(),
          publishSeconds,
          sent / publishSeconds,
          delivered,
          seconds,
          delivered / seconds,
          after.quantile(before, "vitrum_ingest_stage_seconds", 0.50, "stage=\"reading-age\"")
              * 1000,
          after.quantile(before, "vitrum_ingest_stage_seconds", 0.99, "stage=\"reading-age\"")
              * 1000,
          after.sum("vitrum_ingest_quarantined_total")
              - before.sum("vitrum_ingest_quarantined_total"),
          heapMb);
    }
  }

  private static double delivered(Prometheus p) {
    return p.sum("vitrum_ingest_readings_total", "source=\"sensor\"", "outcome=\"delivered\"");
  }

  private static String tag(int i) {
    return String.format(Locale.ROOT, "%s.load.T%04d", FURNACE, i + 1);
  }

  private static void postTagMap(HttpClient http, Options o) throws Exception {
    StringBuilder csv =
        new StringBuilder("tag,furnace,unit,min,max,alarmLow,alarmHigh,source,address\n");
    for (int i = 0; i < o.tags(); i++) {
      csv.append(tag(i)).append(',').append(FURNACE).append(",degC,0,1000,,,kafka,\n");
    }
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(o.api().resolve("/api/tag-map"))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", BearerToken.authorization())
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(
          "POST /api/tag-map answered " + r.statusCode() + ": " + r.body());
    }
    System.out.println("tag map: " + r.body());
  }
}
