package io.vitrum.http.server;

import io.vitrum.http.routes.HttpSettings;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.server.Route;

/** Binds the public API and unbinds it gracefully in CoordinatedShutdown. */
public final class HttpServer {
  private static final Duration HARD_DEADLINE = Duration.ofSeconds(10);

  private HttpServer() {}

  public static CompletionStage<ServerBinding> start(
      ActorSystem<?> system, HttpSettings settings, Route route) {
    return Http.get(system)
        .newServerAt(settings.iface(), settings.port())
        .bind(route)
        .thenApply(binding -> binding.addToCoordinatedShutdown(HARD_DEADLINE, system));
  }
}
