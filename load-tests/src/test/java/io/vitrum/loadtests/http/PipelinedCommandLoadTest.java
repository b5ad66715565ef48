package io.vitrum.loadtests.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelinedCommandLoadTest {
  @TempDir Path dir;

  private String tokenFile() throws IOException {
    Path file = dir.resolve("token");
    Files.writeString(file, "aaa.bbb.ccc\n");
    return file.toString();
  }

  @Test
  void readsOptionsAndTheTokenFile() throws IOException {
    PipelinedCommandLoad.Options o =
        PipelinedCommandLoad.parse(
            new String[] {
              "http://127.0.0.1:8081",
              "--connections",
              "4",
              "--in-flight",
              "16",
              "--furnaces",
              "64",
              "--token-file",
              tokenFile()
            });
    assertEquals(8081, o.base().getPort());
    assertEquals(4, o.connections());
    assertEquals(16, o.inFlight());
    assertEquals("aaa.bbb.ccc", o.token());
  }

  @Test
  void refusesOtherHostsAndTooFewFurnaces() throws IOException {
    String token = tokenFile();
    assertThrows(
        IllegalArgumentException.class,
        () ->
            PipelinedCommandLoad.parse(
                new String[] {"http://192.0.2.1:8080", "--token-file", token}));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            PipelinedCommandLoad.parse(
                new String[] {
                  "--connections",
                  "4",
                  "--in-flight",
                  "32",
                  "--furnaces",
                  "100",
                  "--token-file",
                  token
                }));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            PipelinedCommandLoad.parse(
                new String[] {"--token-file", dir.resolve("missing").toString()}));
  }

  @Test
  void setpointLoadLoopSendsTheToken() throws IOException {
    assertEquals(
        "aaa.bbb.ccc", SetpointLoadLoop.parse(new String[] {"--token-file", tokenFile()}).token());
  }
}
