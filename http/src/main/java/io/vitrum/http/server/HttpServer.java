package io.vitrum.http.server;

import io.vitrum.http.routes.HttpSettings;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.ConnectionContext;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.ServerBuilder;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Binds the public API (HTTPS when {@code vitrum.http.tls.keystore} is set) and unbinds it
 * gracefully in CoordinatedShutdown.
 */
public final class HttpServer {
  private static final Duration HARD_DEADLINE = Duration.ofSeconds(10);

  private HttpServer() {}

  public static CompletionStage<ServerBinding> start(
      ActorSystem<?> system, HttpSettings settings, Route route) {
    return start(system, settings, Optional.empty(), route);
  }

  /** As {@link #start(ActorSystem, HttpSettings, Route)}, over TLS when {@code tls} is given. */
  public static CompletionStage<ServerBinding> start(
      ActorSystem<?> system, HttpSettings settings, Optional<TlsSettings> tls, Route route) {
    ServerBuilder server = Http.get(system).newServerAt(settings.iface(), settings.port());
    if (tls.isPresent()) {
      server = server.enableHttps(ConnectionContext.httpsServer(tls.get().sslContext()));
    }
    return server
        .bind(route)
        .thenApply(binding -> binding.addToCoordinatedShutdown(HARD_DEADLINE, system));
  }
}
