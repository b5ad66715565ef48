package io.vitrum.streams.ingest.opcua;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrum.core.security.Secret;
import io.vitrum.streams.ingest.ConnectionState;
import io.vitrum.streams.ingest.IngestStatus;
import io.vitrum.streams.ingest.SourceHandle;
import io.vitrum.streams.ingest.opcua.OpcUaSecuritySettings.Policy;
import io.vitrum.streams.ingest.opcua.OpcUaSecuritySettings.ServerTrust;
import io.vitrum.streams.ingest.testsupport.Collector;
import io.vitrum.streams.ingest.testsupport.Eventually;
import io.vitrum.streams.ingest.testsupport.LogRecorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Basic256Sha256 SignAndEncrypt with a username identity against a server that demands it. */
class OpcUaSecurityTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String T = "F1.crown.T3";
  private static final String SETPOINT = "F1.setpoint.crownTemperature";

  private static ActorTestKit testKit;
  private static TestOpcUaServer server;

  @BeforeAll
  static void start() throws Exception {
    testKit = ActorTestKit.create();
    server = TestOpcUaServer.secured(Map.of("vitrum", "s3cret")).doubles(T, SETPOINT).start();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    testKit.shutdownTestKit();
  }

  private static OpcUaSettings settings(Path dir, ServerTrust trust, String user, String pass) {
    OpcUaSettings base = OpcUaTestSettings.of(server.endpoint());
    return new OpcUaSettings(
        base.endpoint(),
        base.applicationName(),
        base.applicationUri(),
        base.publishingInterval(),
        base.samplingInterval(),
        base.deadband(),
        base.queueSize(),
        base.maxNotificationsPerPublish(),
        base.buffer(),
        base.requestTimeout(),
        base.connectTimeout(),
        base.restart(),
        base.security()
            .withTrust(trust, dir)
            .withPolicy(Policy.BASIC256SHA256, true)
            .withUser(user, Secret.of(pass)));
  }

  private static List<Path> files(Path dir) throws Exception {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }

  @Test
  void signsEncryptsAndAuthenticatesWithAGeneratedCertificate(@TempDir Path dir) throws Exception {
    SourceHandle handle = new IngestStatus(Clock.systemUTC()).handle("opcua");
    OpcUaSettings settings = settings(dir, ServerTrust.TRUST_ON_FIRST_USE, "vitrum", "s3cret");
    int seenBefore = server.clientCertificates().size();
    OpcUaSource source = new OpcUaSource(settings, List.of(OpcUaTestSettings.row(T)), handle);
    try (Collector<NotUsed> c = Collector.run(source.inbound(), testKit.system())) {
      Eventually.await(
          WAIT,
          () -> handle.status().state() == ConnectionState.CONNECTED,
          () -> "connected: " + handle.status());
      server.set(T, 1499.5);
      Eventually.await(
          WAIT,
          () -> c.readings(T).stream().anyMatch(r -> r.value() == 1499.5),
          () -> "1499.5 in " + c.readings());
    }
    assertTrue(Files.exists(settings.security().keystore()), "the generated keystore is kept");
    List<Path> trusted = files(dir.resolve("trusted"));
    assertEquals(1, trusted.size(), "the server certificate was trusted on first use");
    assertArrayEquals(server.certificate().getEncoded(), Files.readAllBytes(trusted.get(0)));
    // the writer over the same settings reuses the stored certificate and trusted server
    try (OpcUaSetpointWriter writer = new OpcUaSetpointWriter(settings)) {
      writer
          .write(OpcUaTestSettings.row(SETPOINT), 1590.0)
          .toCompletableFuture()
          .get(30, TimeUnit.SECONDS);
    }
    assertEquals(1590.0, server.value(SETPOINT));
    X509Certificate mine =
        ApplicationCertificate.loadOrCreate(
                settings.security(), settings.applicationUri(), settings.applicationName())
            .certificate();
    List<X509Certificate> seen =
        server.clientCertificates().subList(seenBefore, server.clientCertificates().size());
    assertTrue(seen.size() >= 2, "source and writer both presented a certificate: " + seen.size());
    for (X509Certificate c : seen) {
      assertEquals(mine, c, "both presented the stored application certificate");
    }
  }

  @Test
  void aWrongPasswordIsRefusedWithAClearFailure(@TempDir Path dir) {
    SourceHandle handle = new IngestStatus(Clock.systemUTC()).handle("opcua");
    String wrong = "wrong-Pa55word";
    OpcUaSettings settings = settings(dir, ServerTrust.TRUST_ON_FIRST_USE, "vitrum", wrong);
    OpcUaSource source = new OpcUaSource(settings, List.of(OpcUaTestSettings.row(T)), handle);
    try (LogRecorder logs = LogRecorder.start();
        Collector<NotUsed> c = Collector.run(source.inbound(), testKit.system())) {
      Eventually.await(
          WAIT,
          () -> handle.status().state() == ConnectionState.FAILED,
          () -> "failed: " + handle.status());
      String error = handle.status().lastError();
      assertTrue(error.contains("Bad_UserAccessDenied"), error);
      assertTrue(error.contains(server.endpoint()), error);
      assertFalse(error.contains(wrong), error);
      assertTrue(c.inbounds().isEmpty());
      assertFalse(logs.lines().isEmpty(), "the failure was logged");
      assertFalse(logs.mentions(wrong), () -> "the password in the logs: " + logs.lines());
    }
    assertFalse(settings.toString().contains(wrong), settings.toString());
    assertTrue(settings.security().toString().contains("password=****"));
  }

  @Test
  void anUntrustedServerCertificateIsRefusedAndKept(@TempDir Path dir) throws Exception {
    SourceHandle handle = new IngestStatus(Clock.systemUTC()).handle("opcua");
    OpcUaSource source =
        new OpcUaSource(
            settings(dir, ServerTrust.TRUST_LIST, "vitrum", "s3cret"),
            List.of(OpcUaTestSettings.row(T)),
            handle);
    try (Collector<NotUsed> c = Collector.run(source.inbound(), testKit.system())) {
      Eventually.await(
          WAIT,
          () -> handle.status().state() == ConnectionState.FAILED,
          () -> "failed: " + handle.status());
      assertTrue(handle.status().lastError().contains("Bad_"), handle.status().lastError());
      Eventually.await(
          WAIT,
          () -> {
            try {
              return files(dir.resolve("rejected")).size() == 1;
            } catch (Exception e) {
              return false;
            }
          },
          () -> "the refused certificate in rejected/");
      assertTrue(c.inbounds().isEmpty());
    }
  }
}
