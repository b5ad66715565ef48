package io.vitrum.streams.ingest.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoInstantsTest {
  @Test
  void agreesWithTheJdkOnValidTexts() {
    List<String> texts =
        List.of(
            "2026-12-01T10:00:00Z",
            "2026-12-01T10:00:00.5Z",
            "2026-12-01T10:00:00.123456789Z",
            "2024-02-29T23:59:59.000Z",
            "1970-01-01T00:00:00Z",
            "1969-12-31T23:59:59.999Z",
            "0001-01-01T00:00:00Z",
            "2026-12-01T11:00:00+01:00",
            "2026-12-01T10:00:00.25-00:30");
    for (String text : texts) {
      assertEquals(Instant.parse(text), IsoInstants.parse(text), text);
    }
    Random random = new Random(7);
    for (int i = 0; i < 10_000; i++) {
      Instant instant =
          Instant.ofEpochSecond(random.nextLong(-5_000_000_000L, 10_000_000_000L))
              .plusNanos(i % 3 == 0 ? 0 : random.nextInt(1_000_000_000));
      String text = instant.toString();
      assertEquals(instant, IsoInstants.parse(text), text);
    }
  }

  @Test
  void refusesWhatTheJdkRefuses() {
    for (String text :
        List.of(
            "2026-13-01T10:00:00Z",
            "2026-02-30T10:00:00Z",
            "2025-02-29T10:00:00Z",
            "2026-12-01T10:60:00Z",
            "2026-12-01T10:00:00.1234567891Z",
            "2026-12-01 10:00:00Z",
            "2026-12-01T10:00:00",
            "2026-1x-01T10:00:00Z",
            "")) {
      assertThrows(DateTimeParseException.class, () -> IsoInstants.parse(text), text);
    }
  }
}
