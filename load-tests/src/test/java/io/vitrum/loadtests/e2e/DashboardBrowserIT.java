package io.vitrum.loadtests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator's dashboard in a real browser against a real dev node: {@code
 * http/web/e2e/dashboard.e2e.mjs} drives Debian's headless Chromium through playwright-core (sign
 * in by link, live values changing, history and forecasts drawn, a what-if with both trajectories,
 * Russian labels, no console errors) and saves a screenshot of every view under {@code
 * target/dashboard/}.
 */
class DashboardBrowserIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final List<String> VIEWS =
      List.of(
          "01-overview",
          "02-furnace",
          "03-explanations",
          "04-twin",
          "05-incidents",
          "07-inspection",
          "08-models",
          "09-ingest",
          "10-audit",
          "11-ask",
          "12-overview-ru",
          "13-furnace-ru",
          "14-twin-ru");

  private static DevNode node;

  @BeforeAll
  static void start() throws Exception {
    assertTrue(
        Files.isExecutable(CHROMIUM),
        "the browser test needs Debian's chromium at "
            + CHROMIUM
            + " (apt-get install chromium; .ci/run installs it)");
    node = DevNode.start("dashboard", Duration.ofMinutes(5));
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void everyViewWorksInHeadlessChromium() throws Exception {
    Path web = Path.of("target").toAbsolutePath().getParent().getParent().resolve("http/web");
    Path shots = Path.of("target/dashboard").toAbsolutePath();
    Path out = shots.resolveSibling("dashboard-e2e.log");
    Files.createDirectories(shots);
    ProcessBuilder browser =
        new ProcessBuilder("node", "e2e/dashboard.e2e.mjs")
            .directory(web.toFile())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile());
    Map<String, String> env = browser.environment();
    env.put("VITRUM_BASE", "http://127.0.0.1:" + node.http);
    env.put("VITRUM_TOKEN", node.token());
    env.put("VITRUM_SHOTS", shots.toString());
    Process run = browser.start();
    boolean finished = run.waitFor(10, TimeUnit.MINUTES);
    if (!finished) {
      run.destroyForcibly();
    }
    String transcript = Files.readString(out);
    System.out.println(transcript);
    assertTrue(finished, "the browser test ended within 10 minutes:\n" + transcript);
    assertEquals(0, run.exitValue(), transcript + "\nnode log:\n" + node.tail());
    for (String view : VIEWS) {
      Path png = shots.resolve(view + ".png");
      assertTrue(Files.size(png) > 10_000, view + " has a screenshot with something in it");
    }
  }
}
