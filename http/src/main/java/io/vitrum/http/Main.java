package io.vitrum.http;

import com.typesafe.config.Config;
import io.vitrum.config.EmbeddedInfrastructure;
import io.vitrum.config.VitrumConfig;
import io.vitrum.http.auth.AuthSettings;
import io.vitrum.http.routes.HttpSettings;
import io.vitrum.http.server.Node;
import io.vitrum.http.server.NodeSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a Vitrum node. In the local profile it first starts the embedded infrastructure
 * (Cassandra), points the node at it, and stops it after the node has shut down; Ctrl-C runs
 * Pekko's CoordinatedShutdown (HTTP unbind, shard hand-off, entity checkpoints) first. The launcher
 * is not on a production node's classpath: it is found through {@link
 * EmbeddedInfrastructure#find()} only when the configuration asks for it, and the node exits at
 * once with a message naming the missing module when it is absent.
 */
public final class Main {
  private static final Logger log = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) {
    Instant begin = Instant.now();
    String profile = VitrumConfig.selectedProfile();
    Config config = VitrumConfig.load(profile);
    EmbeddedInfrastructure.Started embedded = null;
    if (EmbeddedInfrastructure.wanted(config)) {
      try {
        embedded = EmbeddedInfrastructure.find().start(config);
      } catch (RuntimeException e) {
        log.error("Embedded infrastructure did not start", e);
        System.err.println("Vitrum could not start its embedded infrastructure: " + e.getMessage());
        System.exit(1);
      }
      config = embedded.configure(config);
    }

    Node.Running node = Node.start(config, profile);
    EmbeddedInfrastructure.Started infrastructure = embedded;
    if (infrastructure != null) {
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    node.system().getWhenTerminated().toCompletableFuture().join();
                    infrastructure.close();
                  },
                  "vitrum-infrastructure-shutdown"));
    }
    Config finalConfig = config;
    CompletableFuture.allOf(node.http().toCompletableFuture(), node.up().toCompletableFuture())
        .thenRun(() -> System.out.println(banner(finalConfig, profile, begin, infrastructure)));

    node.system().getWhenTerminated().toCompletableFuture().join();
    if (infrastructure != null) {
      infrastructure.close();
    }
  }

  /** The dev token the node wrote, for the dashboard's sign-in link; empty if it cannot be read. */
  private static Optional<String> readToken(Path file) {
    try {
      return Optional.of(Files.readString(file).trim()).filter(t -> !t.isEmpty());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String banner(
      Config config, String profile, Instant begin, EmbeddedInfrastructure.Started embedded) {
    HttpSettings http = HttpSettings.create(config);
    String api = "http://" + http.iface() + ":" + http.port();
    String management = NodeSettings.create(config, profile).managementUrl();
    long seconds = Duration.between(begin, Instant.now()).toMillis() / 100;
    StringBuilder b = new StringBuilder();
    b.append("\nVitrum is ready (profile ")
        .append(profile)
        .append(", ")
        .append(seconds / 10.0)
        .append(" s)\n");
    b.append("  REST API    ")
        .append(api)
        .append("/   e.g. ")
        .append(api)
        .append("/api/furnaces/F1\n");
    AuthSettings.create(config)
        .devToken()
        .ifPresent(
            token ->
                b.append("  Dev token   ")
                    .append(token)
                    .append(
                        " (admin, every furnace), e.g.\n              curl -H \"Authorization: Bearer $(cat ")
                    .append(token)
                    .append(")\" ")
                    .append(api)
                    .append("/api/furnaces/F1\n"));
    AuthSettings.create(config)
        .devToken()
        .flatMap(Main::readToken)
        .ifPresent(
            token ->
                b.append("  Dashboard   ")
                    .append(api)
                    .append("/#token=")
                    .append(token)
                    .append("\n              (signs this browser in as the dev admin)\n"));
    b.append("  Management  ")
        .append(management)
        .append("/ready  /alive  /cluster/members  /metrics\n");
    if (embedded != null) {
      embedded.describe().forEach(line -> b.append("  ").append(line).append('\n'));
    }
    b.append("Press Ctrl-C to stop.\n");
    return b.toString();
  }
}
