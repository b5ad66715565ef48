package io.vitrum.http.routes;

import com.typesafe.config.Config;
import java.time.Duration;
import java.time.ZoneId;

/**
 * {@code POST /api/ask}, from {@code vitrum.ask}.
 *
 * @param zone the plant's time zone
 * @param defaultWindow the window of a question that gives none
 */
public record AskSettings(ZoneId zone, Duration defaultWindow) {
  public static AskSettings create(Config config) {
    Config c = config.getConfig("vitrum.ask");
    return new AskSettings(ZoneId.of(c.getString("zone")), c.getDuration("default-window"));
  }
}
