package io.vitrum.http.routes;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.vitrum.core.history.Aggregate;
import io.vitrum.core.history.Resolution;
import io.vitrum.core.history.Rollup;
import io.vitrum.streams.history.AlignedPage;
import io.vitrum.streams.history.SeriesPage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpEntity;

/**
 * History answers as JSON or CSV, written straight from the pages (they may hold hundreds of
 * thousands of points). Instants are ISO-8601; a value that is not a number is {@code null} in JSON
 * and an empty cell in CSV.
 */
final class HistoryRendering {
  private static final JsonFactory JSON = new JsonFactory();

  private HistoryRendering() {}

  /**
   * {@code {"tag":..,"step":..,"from":..,"to":..,"points":[{"ts":..,"value":..}],"next":..}};
   * rollup points also carry count, min, max, mean and last, and the answer its {@code agg}.
   */
  static HttpEntity.Strict seriesJson(
      SeriesPage page, Instant from, Instant to, Aggregate aggregate) {
    return json(
        g -> {
          g.writeStringField("tag", page.tag());
          g.writeStringField("step", page.step().wire());
          if (page.step() != Resolution.RAW) {
            g.writeStringField("agg", aggregate.wire());
          }
          g.writeStringField("from", from.toString());
          g.writeStringField("to", to.toString());
          g.writeArrayFieldStart("points");
          for (int i = 0; i < page.size(); i++) {
            g.writeStartObject();
            g.writeStringField("ts", Instant.ofEpochMilli(page.ts(i)).toString());
            if (page.step() == Resolution.RAW) {
              number(g, "value", page.points().values()[i]);
            } else {
              Rollup r = page.buckets().get(i).rollup();
              number(g, "value", aggregate.of(r));
              g.writeNumberField("count", r.count());
              number(g, "min", r.min());
              number(g, "max", r.max());
              number(g, "mean", r.mean());
              number(g, "last", r.last());
            }
            g.writeEndObject();
          }
          g.writeEndArray();
          if (page.next().isPresent()) {
            g.writeStringField("next", Instant.ofEpochMilli(page.next().getAsLong()).toString());
          }
        });
  }

  /** {@code ts,value} (raw) or {@code ts,value,count,min,max,mean,last} (rollups). */
  static HttpEntity.Strict seriesCsv(SeriesPage page, Aggregate aggregate) {
    boolean raw = page.step() == Resolution.RAW;
    StringBuilder csv = new StringBuilder(page.size() * (raw ? 40 : 90) + 64);
    csv.append(raw ? "ts,value\n" : "ts,value,count,min,max,mean,last\n");
    for (int i = 0; i < page.size(); i++) {
      csv.append(Instant.ofEpochMilli(page.ts(i)));
      if (raw) {
        cell(csv, page.points().values()[i]);
      } else {
        Rollup r = page.buckets().get(i).rollup();
        cell(csv, aggregate.of(r));
        csv.append(',').append(r.count());
        cell(csv, r.min());
        cell(csv, r.max());
        cell(csv, r.mean());
        cell(csv, r.last());
      }
      csv.append('\n');
    }
    return csv(csv);
  }

  /**
   * {@code {"furnace":..,"step":..,"agg":..,"from":..,"to":..,"tags":[..],
   * "points":[{"ts":..,"values":[..]}],"next":..}}, values in the order of {@code tags}.
   */
  static HttpEntity.Strict alignedJson(
      String furnace, AlignedPage page, Instant from, Instant to, Aggregate aggregate) {
    return json(
        g -> {
          g.writeStringField("furnace", furnace);
          g.writeStringField("step", page.step().wire());
          if (page.step() != Resolution.RAW) {
            g.writeStringField("agg", aggregate.wire());
          }
          g.writeStringField("from", from.toString());
          g.writeStringField("to", to.toString());
          g.writeArrayFieldStart("tags");
          for (String tag : page.tags()) {
            g.writeString(tag);
          }
          g.writeEndArray();
          g.writeArrayFieldStart("points");
          for (int row = 0; row < page.ts().length; row++) {
            g.writeStartObject();
            g.writeStringField("ts", Instant.ofEpochMilli(page.ts()[row]).toString());
            g.writeArrayFieldStart("values");
            for (double v : page.values()[row]) {
              if (Double.isFinite(v)) {
                g.writeNumber(v);
              } else {
                g.writeNull();
              }
            }
            g.writeEndArray();
            g.writeEndObject();
          }
          g.writeEndArray();
          if (page.next().isPresent()) {
            g.writeStringField("next", Instant.ofEpochMilli(page.next().getAsLong()).toString());
          }
        });
  }

  /** {@code ts,<tag>,<tag>...}: one column per tag, an empty cell where a tag has no point. */
  static HttpEntity.Strict alignedCsv(AlignedPage page) {
    StringBuilder csv = new StringBuilder(page.ts().length * (24 + 10 * page.tags().size()) + 64);
    csv.append("ts");
    for (String tag : page.tags()) {
      csv.append(',').append(tag);
    }
    csv.append('\n');
    for (int row = 0; row < page.ts().length; row++) {
      csv.append(Instant.ofEpochMilli(page.ts()[row]));
      for (double v : page.values()[row]) {
        cell(csv, v);
      }
      csv.append('\n');
    }
    return csv(csv);
  }

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private static HttpEntity.Strict json(Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      body.write(g);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return HttpEntities.create(ContentTypes.APPLICATION_JSON, out.toByteArray());
  }

  private static HttpEntity.Strict csv(StringBuilder csv) {
    return HttpEntities.create(
        ContentTypes.TEXT_CSV_UTF8, csv.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void number(JsonGenerator g, String field, double v) throws IOException {
    if (Double.isFinite(v)) {
      g.writeNumberField(field, v);
    } else {
      g.writeNullField(field);
    }
  }

  private static void cell(StringBuilder csv, double v) {
    csv.append(',');
    if (Double.isFinite(v)) {
      csv.append(v);
    }
  }
}
