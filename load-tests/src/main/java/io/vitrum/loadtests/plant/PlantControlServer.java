package io.vitrum.loadtests.plant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vitrum.core.plant.TagSpec;
import io.vitrum.http.errors.Problem;
import io.vitrum.http.errors.ProblemException;
import io.vitrum.http.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated plant's control API on 127.0.0.1, for fault injection by hand or by a demonstration
 * (a real plant has no such door; the engine never uses it):
 *
 * <ul>
 *   <li>{@code POST /faults} with a {@link FaultRequest}: starts the fault at the plant's simulated
 *       time; 201 with its {@link FaultView} and a {@code Location}.
 *   <li>{@code GET /faults}: every fault, with whether it acts ({@link FaultView.Listing}).
 *   <li>{@code GET /faults/{id}}: one fault.
 *   <li>{@code DELETE /faults/{id}}: repairs it now; it no longer acts from the next step on. 204.
 * </ul>
 *
 * Injections and repairs go through {@link InjectedFaults} to the simulation thread; a request
 * waits until that thread has applied it, at most {@code applyTimeout}. Every failure is an {@code
 * application/problem+json} document with a stable code: 400 for a bad fault (see {@link
 * FaultRequest#parse}), 404 {@code fault-not-found} or {@code not-found}, 405 {@code
 * method-not-allowed}, 413 {@code payload-too-large} past {@value #MAX_BODY_BYTES} bytes, 503
 * {@code plant-busy} or {@code plant-unavailable} when the simulation does not take the request,
 * 500 {@code internal-error} for a bug; none of them stops the plant.
 */
public final class PlantControlServer implements AutoCloseable {
  /** The largest request body accepted; a fault request is well under 300 bytes. */
  public static final int MAX_BODY_BYTES = 4096;

  private static final Logger log = LoggerFactory.getLogger(PlantControlServer.class);
  private static final String FAULTS = "/faults";
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final String JSON = "application/json";
  private static final String PROBLEM_JSON = "application/problem+json";
  private static final int THREADS = 4;

  private final HttpServer server;
  private final ExecutorService executor;
  private final InjectedFaults faults;
  private final Set<String> furnaces;
  private final Map<String, TagSpec> tags = new LinkedHashMap<>();
  private final Duration applyTimeout;

  private PlantControlServer(
      HttpServer server,
      ExecutorService executor,
      InjectedFaults faults,
      List<TagSpec> tags,
      Duration applyTimeout) {
    this.server = server;
    this.executor = executor;
    this.faults = faults;
    this.applyTimeout = applyTimeout;
    for (TagSpec t : tags) {
      this.tags.put(t.tag(), t);
    }
    this.furnaces = tags.stream().map(TagSpec::furnace).collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Listens on 127.0.0.1:{@code port} (0: a free port) for the faults of a plant publishing {@code
   * tags}; a request waits at most {@code applyTimeout} for the simulation thread.
   *
   * @throws IOException when the port cannot be bound
   */
  public static PlantControlServer start(
      int port, InjectedFaults faults, List<TagSpec> tags, Duration applyTimeout)
      throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    AtomicInteger threads = new AtomicInteger();
    ExecutorService executor =
        Executors.newFixedThreadPool(
            THREADS,
            r -> {
              Thread t = new Thread(r, "plant-control-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    PlantControlServer control =
        new PlantControlServer(server, executor, faults, tags, applyTimeout);
    server.createContext("/", control::handle);
    server.setExecutor(executor);
    server.start();
    log.info("Plant control API on http://127.0.0.1:{}{}", control.port(), FAULTS);
    return control;
  }

  /** The port it listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) {
    try {
      try {
        route(exchange);
      } catch (ProblemException e) {
        send(exchange, e.problem());
      } catch (RuntimeException e) {
        log.error("Control request {} {} failed", exchange.getRequestMethod(), path(exchange), e);
        send(exchange, problem(500, "internal-error", "the plant could not answer: " + e));
      }
    } catch (IOException e) {
      log.debug("Control request {} not answered: {}", path(exchange), e.toString());
    } finally {
      exchange.close();
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    String path = path(exchange);
    String method = exchange.getRequestMethod();
    if (path.equals(FAULTS) || path.equals(FAULTS + "/")) {
      switch (method) {
        case "GET" -> sendJson(exchange, 200, FaultView.Listing.of(faults.all(), faults.now()));
        case "POST" -> create(exchange);
        default -> notAllowed(exchange, "GET, POST");
      }
      return;
    }
    String id = path.startsWith(FAULTS + "/") ? path.substring(FAULTS.length() + 1) : null;
    if (id == null || !ID.matcher(id).matches()) {
      throw new ProblemException(
          problem(404, "not-found", "no such resource: the API is " + FAULTS + "[/{id}]"));
    }
    switch (method) {
      case "GET" -> sendJson(exchange, 200, FaultView.of(known(id), faults.now()));
      case "DELETE" -> repair(exchange, id);
      default -> notAllowed(exchange, "GET, DELETE");
    }
  }

  private void create(HttpExchange exchange) throws IOException {
    FaultRequest request = FaultRequest.parse(body(exchange), furnaces, tags);
    InjectedFault fault = await(faults.inject(request), "the fault");
    exchange.getResponseHeaders().set("Location", FAULTS + "/" + fault.id());
    sendJson(exchange, 201, FaultView.of(fault, faults.now()));
  }

  private void repair(HttpExchange exchange, String id) throws IOException {
    known(id);
    await(faults.repair(id), "the repair");
    exchange.sendResponseHeaders(204, -1);
  }

  private InjectedFault known(String id) {
    return faults
        .get(id)
        .orElseThrow(
            () ->
                new ProblemException(
                    problem(404, "fault-not-found", "no fault " + id + "; GET " + FAULTS)));
  }

  /** Waits for the simulation thread; withdraws the request when it does not come in time. */
  private InjectedFault await(CompletableFuture<InjectedFault> answer, String what) {
    try {
      try {
        return answer.get(applyTimeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        if (answer.cancel(false)) {
          throw new ProblemException(
              problem(
                  503,
                  "plant-unavailable",
                  "the simulation did not take "
                      + what
                      + " within "
                      + applyTimeout.toMillis()
                      + " ms; it was withdrawn"));
        }
        return answer.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProblemException(problem(503, "plant-unavailable", "the plant is stopping"));
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RejectedExecutionException) {
        throw new ProblemException(
            problem(503, "plant-busy", cause.getMessage() + "; retry in a second"));
      }
      if (cause instanceof NoSuchElementException) {
        throw new ProblemException(problem(404, "fault-not-found", cause.getMessage()));
      }
      throw new IllegalStateException("the simulation refused " + what, cause);
    }
  }

  private static byte[] body(HttpExchange exchange) throws IOException {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    if (length != null && declaredLength(length) > MAX_BODY_BYTES) {
      throw tooLarge();
    }
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        throw tooLarge();
      }
      return body;
    }
  }

  /** A Content-Length's value: too many digits for a long count as too large, junk as none. */
  private static long declaredLength(String header) {
    String digits = header.trim();
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      return digits.matches("[0-9]+") ? Long.MAX_VALUE : -1;
    }
  }

  private static ProblemException tooLarge() {
    return new ProblemException(
        problem(
            413,
            "payload-too-large",
            "request body exceeds the limit of " + MAX_BODY_BYTES + " bytes"));
  }

  private static void notAllowed(HttpExchange exchange, String allowed) {
    exchange.getResponseHeaders().set("Allow", allowed);
    throw new ProblemException(
        problem(
            405,
            "method-not-allowed",
            exchange.getRequestMethod() + " is not allowed here; allowed: " + allowed));
  }

  private static String path(HttpExchange exchange) {
    return exchange.getRequestURI().getPath();
  }

  private static Problem problem(int status, String code, String detail) {
    String title =
        switch (status) {
          case 400 -> "Bad request";
          case 404 -> "Not Found";
          case 405 -> "Method not allowed";
          case 413 -> "Payload too large";
          case 503 -> "Service unavailable";
          default -> "Internal error";
        };
    return Problem.of(status, code, title, detail);
  }

  private static void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
    send(exchange, status, JSON, Json.mapper().writeValueAsBytes(body));
  }

  /**
   * Sends {@code p} for the request's path; its texts as well-formed UTF-8, whatever they quote.
   */
  private static void send(HttpExchange exchange, Problem p) throws IOException {
    Problem stamped =
        new Problem(
            p.type(),
            p.title(),
            p.status(),
            p.code(),
            wellFormed(p.detail()),
            wellFormed(path(exchange)),
            null,
            p.errors(),
            p.rejected());
    byte[] body;
    try {
      body = Json.mapper().writeValueAsBytes(stamped);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render problem " + p.code(), e);
    }
    send(exchange, p.status(), PROBLEM_JSON, body);
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }

  /** {@code text} with unpaired surrogates replaced, so that it encodes as UTF-8. */
  private static String wellFormed(String text) {
    return text == null
        ? null
        : new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
  }

  /**
   * Stops listening and closes its connections at once: a request still waiting for the simulation
   * goes unanswered (the plant is stopping), and idle keep-alive connections do not hold it up.
   */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
