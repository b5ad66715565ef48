package io.vitrum.config.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mechanics every embedded server shares, with a shell script as the child. */
class ChildProcessTest {
  private static final Duration EXIT = Duration.ofSeconds(30);

  @Test
  void waitsForTheReadyLineAndReusesARunningChild() throws Exception {
    ServerFiles files = new ServerFiles(TestChildren.freshDirectory("child-reuse"), "child");
    ChildSpec spec = TestChildren.shell(files, "echo starting; sleep 0.5");

    try (ChildProcess first = ChildProcess.start(spec)) {
      assertTrue(first.owned());
      assertTrue(TestChildren.alive(first.pid()));
      assertTrue(Files.readString(files.stdoutLog()).contains(TestChildren.READY));
      assertEquals(Long.toString(first.pid()), Files.readString(files.pidFile()).trim());

      try (ChildProcess second = ChildProcess.start(spec)) {
        assertFalse(second.owned(), "the second start attaches to the running child");
        assertEquals(first.pid(), second.pid());
      }
      assertTrue(TestChildren.alive(first.pid()), "closing an attached child leaves it running");

      first.close();
      assertTrue(TestChildren.exits(first.pid(), EXIT), "close stops the child it started");
      assertFalse(Files.exists(files.pidFile()));
    }
  }

  @Test
  void theGuardStopsTheChildWhenItsParentIsKilled() throws Exception {
    Path dir = TestChildren.freshDirectory("child-guard");
    Process parent =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                ChildProcessParent.class.getName(),
                dir.toString())
            .redirectErrorStream(true)
            .start();
    long child;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      do {
        line = out.readLine();
      } while (line != null && !line.startsWith("child pid "));
      assertTrue(line != null, "the parent reported its child");
      child = Long.parseLong(line.substring("child pid ".length()).trim());
      assertTrue(TestChildren.alive(child));

      parent.destroyForcibly(); // SIGKILL: no shutdown hook runs
      parent.waitFor();
      assertTrue(TestChildren.exits(child, EXIT), "the guard stopped the orphaned child");
    } finally {
      parent.destroyForcibly();
    }
  }

  @Test
  void aChildLaunchedWithOtherSettingsIsReplaced() throws Exception {
    ServerFiles files = new ServerFiles(TestChildren.freshDirectory("child-replace"), "child");
    ChildSpec spec = TestChildren.shell(files, "true");

    try (ChildProcess first = ChildProcess.start(spec.withSignature("--furnaces 3"));
        ChildProcess second = ChildProcess.start(spec.withSignature("--furnaces 4"))) {
      assertTrue(second.owned());
      assertNotEquals(first.pid(), second.pid());
      assertTrue(TestChildren.exits(first.pid(), EXIT), "the old child was stopped");
      assertTrue(TestChildren.alive(second.pid()));
    }
  }

  @Test
  void aChildThatDiesBeforeItIsReadyFailsWithTheEndOfItsLog() {
    ServerFiles files = new ServerFiles(TestChildren.freshDirectory("child-dies"), "child");
    ChildSpec spec =
        ChildSpec.of(
            "test child",
            files,
            ports -> List.of("bash", "-c", "echo 'no such thing'; exit 3", files.root().toString()),
            TestChildren.READY,
            Duration.ofSeconds(30),
            Duration.ofSeconds(5));

    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> ChildProcess.start(spec));
    assertTrue(e.getMessage().contains("no such thing"), e.getMessage());
  }

  @Test
  void aFixedPortTakenByAnotherProcessIsNamed() throws Exception {
    ServerFiles files = new ServerFiles(TestChildren.freshDirectory("child-port"), "child");
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      ChildSpec spec =
          TestChildren.shell(files, "true")
              .withPorts(Map.of("main", taken.getLocalPort()), List.of("main"));

      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> ChildProcess.start(spec));
      assertTrue(e.getMessage().contains("already in use"), e.getMessage());
      assertFalse(Files.exists(files.pidFile()), "nothing was launched");
    }
  }
}
