package io.vitrum.loadtests.http;

import io.vitrum.loadtests.BearerToken;
import io.vitrum.loadtests.Cli;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Drives a running node's REST API with persisted setpoint commands from a generator that costs
 * less than the node: one thread, one {@link Selector}, N keep-alive connections, HTTP/1.1
 * pipelining with up to K requests in flight per connection. Every request (head and body, with
 * {@code Authorization: Bearer <token>}) is rendered once before the run and written whole, several
 * at once where several are due; responses are parsed only as far as status line, {@code
 * Content-Length} (or chunks) and the words {@code "setpoint changed"}.
 *
 * <p>Every command is a real, persisted change: furnaces have ids unique to the run, each toggles
 * {@code crownTemperature} between 1570 and 1560 degC, and a furnace has at most one command in
 * flight (an entity handles its commands one at a time; a second would only queue behind the
 * first): each connection owns its own furnaces, at least K of them.
 *
 * <p>First it measures for {@code --idle} seconds what node and Cassandra spend without this load
 * (the simulated plant's ingest, projections), then after a warm-up (not counted) it measures for
 * {@code --seconds} and prints commands per second (2xx), failures by status, latency percentiles,
 * and where the CPU went: CPU seconds and context switches per command of the generator itself, of
 * the node JVM ({@code io.vitrum.http.Main}, the one listening on the target port) and of its
 * embedded Cassandra (a child JVM), plus the whole machine's busy time. Talks to loopback only.
 *
 * <pre>
 * java -cp load-tests/target/classes io.vitrum.loadtests.http.PipelinedCommandLoad \
 *     [http://127.0.0.1:8080] [--seconds 20] [--warmup 10] [--idle 5] [--connections 8]
 *     [--in-flight 32] [--furnaces 4096] [--token-file ~/.vitrum/dev-token] [--run ID]
 *     [--node-pid P] [--cassandra-pid P]
 * </pre>
 *
 * <p>The node's pekko-http serves one request per connection at a time ({@code
 * pekko.http.server.pipelining-limit}, default 1): its parallelism is the number of connections,
 * and a deeper pipeline only saves the client's round trips. The idle figures are only meaningful
 * with a pause since the previous run: right after one the node is still catching up (projections).
 * See load-tests/RESULTS.md.
 *
 * <p>{@code --run} names the furnaces ({@code P<run>-<n>}; default: unique to the run, from the
 * clock). Runs that share an id reuse furnaces that earlier runs already started and warmed: a
 * furnace left at 1570 answers its first 1570 with 200 but no change, and toggles from there.
 */
public final class PipelinedCommandLoad {
  private static final int MAX_SECONDS = 600;
  private static final int MAX_CONNECTIONS = 256;
  private static final int MAX_IN_FLIGHT = 1024;
  private static final int MAX_FURNACES = 200_000;
  private static final String NODE_MARKER = "io.vitrum.http.Main";
  private static final String CASSANDRA_MARKER =
      "cassandra"; // its arguments file is under cassandra/
  private static final byte[] CHANGED = "\"setpoint changed\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] CRLF_CRLF = {'\r', '\n', '\r', '\n'};

  private PipelinedCommandLoad() {}

  /** What to run. A pid of 0 means: find it. */
  record Options(
      URI base,
      int seconds,
      int warmup,
      int idle,
      int connections,
      int inFlight,
      int furnaces,
      String token,
      String run,
      long nodePid,
      long cassandraPid) {}

  public static void main(String[] args) throws Exception {
    Options options =
        Cli.parseOrExit(
            args,
            PipelinedCommandLoad::parse,
            "usage: PipelinedCommandLoad [http://127.0.0.1:8080] [--seconds 20] [--warmup 10]"
                + " [--idle 5]"
                + " [--connections 8] [--in-flight 32] [--furnaces 4096]"
                + " [--token-file ~/.vitrum/dev-token] [--run ID] [--node-pid P]"
                + " [--cassandra-pid P]");
    System.exit(run(options) ? 0 : 1);
  }

  static Options parse(String[] args) {
    URI base = URI.create("http://127.0.0.1:8080/");
    int seconds = 20;
    int warmup = 10;
    int idle = 5;
    int connections = 8;
    int inFlight = 32;
    int furnaces = 4096;
    Path tokenFile = null;
    String run = Long.toString(System.currentTimeMillis() / 1000, 36).toUpperCase(Locale.ROOT);
    long nodePid = 0;
    long cassandraPid = 0;
    for (LoadTargets.Arg a : LoadTargets.arguments(args)) {
      String arg = a.name();
      String value = a.value();
      switch (arg) {
        case "" -> base = URI.create(value);
        case "--seconds" -> seconds = (int) LoadTargets.bounded(arg, value, 1, MAX_SECONDS);
        case "--warmup" -> warmup = (int) LoadTargets.bounded(arg, value, 0, MAX_SECONDS);
        case "--idle" -> idle = (int) LoadTargets.bounded(arg, value, 0, MAX_SECONDS);
        case "--connections" ->
            connections = (int) LoadTargets.bounded(arg, value, 1, MAX_CONNECTIONS);
        case "--in-flight" -> inFlight = (int) LoadTargets.bounded(arg, value, 1, MAX_IN_FLIGHT);
        case "--furnaces" -> furnaces = (int) LoadTargets.bounded(arg, value, 1, MAX_FURNACES);
        case "--token-file" -> tokenFile = Path.of(value);
        case "--run" -> {
          if (!value.matches("[A-Za-z0-9]{1,16}")) {
            throw new IllegalArgumentException("--run must be 1 to 16 letters or digits");
          }
          run = value;
        }
        case "--node-pid" -> nodePid = LoadTargets.bounded(arg, value, 1, Long.MAX_VALUE);
        case "--cassandra-pid" -> cassandraPid = LoadTargets.bounded(arg, value, 1, Long.MAX_VALUE);
        default -> throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    LoadTargets.requireLoopback(base);
    if ((long) connections * inFlight > furnaces) {
      throw new IllegalArgumentException(
          "--furnaces must be at least --connections x --in-flight: a furnace has one command in"
              + " flight at most");
    }
    return new Options(
        base,
        seconds,
        warmup,
        idle,
        connections,
        inFlight,
        furnaces,
        BearerToken.resolve(tokenFile),
        run,
        nodePid,
        cassandraPid);
  }

  /** One keep-alive connection, its furnaces, and what it has in flight (in order). */
  private static final class Connection {
    final SocketChannel channel;
    final int[] idle; // a ring of furnace indices with nothing in flight
    int idleHead;
    int idleCount;
    final int[] flightFurnace; // a ring of what is in flight, oldest first
    final long[] flightSent;
    int flightHead;
    int flightCount;
    final ByteBuffer out = ByteBuffer.allocateDirect(1 << 18);
    ByteBuffer in = ByteBuffer.allocate(1 << 16);
    boolean open = true;

    Connection(SocketChannel channel, int[] furnaces, int inFlight) {
      this.channel = channel;
      this.idle = furnaces;
      this.idleCount = furnaces.length;
      this.flightFurnace = new int[inFlight];
      this.flightSent = new long[inFlight];
    }
  }

  /** What the run saw; only responses inside the measured window count. */
  private static final class Tally {
    long[] latencies = new long[1 << 16];
    int count;
    long ok;
    long changed;
    final Map<String, Long> failures = new TreeMap<>();

    void response(int status, boolean setpointChanged, long latencyNanos) {
      if (count == latencies.length) {
        latencies = Arrays.copyOf(latencies, count * 2);
      }
      latencies[count++] = latencyNanos;
      if (status >= 200 && status < 300) {
        ok++;
        if (setpointChanged) {
          changed++;
        }
      } else {
        failures.merge(Integer.toString(status), 1L, Long::sum);
      }
    }

    void failure(String kind, long n) {
      failures.merge(kind, n, Long::sum);
    }
  }

  static boolean run(Options options) throws IOException {
    String run = options.run();
    int port = options.base().getPort() < 0 ? 80 : options.base().getPort();
    long nodePid =
        options.nodePid() > 0 ? options.nodePid() : ProcessCpu.find(NODE_MARKER, port).orElse(0L);
    long cassandraPid =
        options.cassandraPid() > 0
            ? options.cassandraPid()
            : nodePid > 0 ? ProcessCpu.descendant(nodePid, CASSANDRA_MARKER).orElse(0L) : 0L;
    System.out.printf(
        "PipelinedCommandLoad %s: idle %d s, warm-up %d s, then %d s; %d connections x %d in flight;"
            + " %d furnaces (P%s-0 .. P%s-%d); node pid %s, Cassandra pid %s%n",
        options.base(),
        options.idle(),
        options.warmup(),
        options.seconds(),
        options.connections(),
        options.inFlight(),
        options.furnaces(),
        run,
        run,
        options.furnaces() - 1,
        nodePid > 0 ? nodePid : "not found",
        cassandraPid > 0 ? cassandraPid : "not found");

    // Two renderings per furnace: the change to 1570 and the change back to 1560.
    byte[][] toHigh = new byte[options.furnaces()][];
    byte[][] toLow = new byte[options.furnaces()][];
    String host = options.base().getHost() + ":" + port;
    String prefix = options.base().getRawPath();
    for (int f = 0; f < options.furnaces(); f++) {
      String path = prefix + "api/furnaces/P" + run + "-" + f + "/setpoints";
      toHigh[f] = render(path, host, options.token(), 1570);
      toLow[f] = render(path, host, options.token(), 1560);
    }
    boolean[] high = new boolean[options.furnaces()];

    // What node and Cassandra spend without this load (the plant's ingest, projections, ...).
    Snapshot idleFrom = Snapshot.take(nodePid, cassandraPid, System.nanoTime());
    try {
      Thread.sleep(Duration.ofSeconds(options.idle()).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Snapshot idleTo = Snapshot.take(nodePid, cassandraPid, System.nanoTime());

    Selector selector = Selector.open();
    List<Connection> connections = new ArrayList<>();
    InetSocketAddress address = new InetSocketAddress(options.base().getHost(), port);
    for (int c = 0; c < options.connections(); c++) {
      int owned = (options.furnaces() - c + options.connections() - 1) / options.connections();
      int[] furnaces = new int[owned];
      for (int i = 0; i < owned; i++) {
        furnaces[i] = c + i * options.connections();
      }
      SocketChannel channel = SocketChannel.open(address);
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      channel.configureBlocking(false);
      Connection connection = new Connection(channel, furnaces, options.inFlight());
      channel.register(selector, SelectionKey.OP_READ, connection);
      connections.add(connection);
    }

    Tally warm = new Tally();
    Tally measured = new Tally();
    long start = System.nanoTime();
    long measureFrom = start + Duration.ofSeconds(options.warmup()).toNanos();
    long measureTo = measureFrom + Duration.ofSeconds(options.seconds()).toNanos();
    for (Connection connection : connections) {
      fill(connection, toHigh, toLow, high, start);
      flush(connection, selector);
    }
    boolean measuring = false;
    Snapshot before = null;
    while (true) {
      long now = System.nanoTime();
      if (!measuring && now >= measureFrom) {
        measuring = true;
        before = Snapshot.take(nodePid, cassandraPid, now);
      }
      if (now >= measureTo) {
        break;
      }
      long waitMs = Math.max(1, ((measuring ? measureTo : measureFrom) - now) / 1_000_000);
      selector.select(Math.min(waitMs, 100));
      var keys = selector.selectedKeys();
      for (SelectionKey key : keys) {
        Connection connection = (Connection) key.attachment();
        if (!key.isValid()) {
          continue;
        }
        long at = System.nanoTime();
        Tally tally = measuring ? measured : warm;
        if (key.isReadable()) {
          read(connection, tally, high, at);
        }
        if (connection.open) {
          fill(connection, toHigh, toLow, high, at);
          flush(connection, selector);
        } else {
          tally.failure("closed (in flight)", connection.flightCount);
          key.cancel();
        }
      }
      keys.clear();
    }
    Snapshot after = Snapshot.take(nodePid, cassandraPid, System.nanoTime());
    for (Connection connection : connections) {
      connection.channel.close();
    }
    selector.close();
    if (before == null) {
      before = after;
    }
    return report(warm, measured, idleFrom, idleTo, before, after);
  }

  private static byte[] render(String path, String host, String token, int value) {
    String body =
        "{\"parameter\":\"crownTemperature\",\"value\":" + value + ",\"reason\":\"load\"}";
    String head =
        "POST "
            + path
            + " HTTP/1.1\r\nHost: "
            + host
            + "\r\nAuthorization: Bearer "
            + token
            + "\r\nContent-Type: application/json\r\nContent-Length: "
            + body.length()
            + "\r\n\r\n";
    return (head + body).getBytes(StandardCharsets.US_ASCII);
  }

  /** Queues requests for idle furnaces while fewer than K are in flight and the buffer has room. */
  private static void fill(
      Connection c, byte[][] toHigh, byte[][] toLow, boolean[] high, long now) {
    int capacity = c.flightFurnace.length;
    while (c.flightCount < capacity && c.idleCount > 0) {
      int f = c.idle[c.idleHead];
      byte[] request = high[f] ? toLow[f] : toHigh[f];
      if (c.out.remaining() < request.length) {
        return;
      }
      c.out.put(request);
      c.idleHead = (c.idleHead + 1) % c.idle.length;
      c.idleCount--;
      int slot = (c.flightHead + c.flightCount) % capacity;
      c.flightFurnace[slot] = f;
      c.flightSent[slot] = now;
      c.flightCount++;
    }
  }

  /** Writes what is queued (whole requests, in one write where the socket takes it). */
  private static void flush(Connection c, Selector selector) {
    if (c.out.position() == 0) {
      return;
    }
    c.out.flip();
    try {
      c.channel.write(c.out);
    } catch (IOException e) {
      c.open = false;
    }
    c.out.compact();
    SelectionKey key = c.channel.keyFor(selector);
    if (key != null && key.isValid()) {
      key.interestOps(
          c.out.position() > 0
              ? SelectionKey.OP_READ | SelectionKey.OP_WRITE
              : SelectionKey.OP_READ);
    }
  }

  /** Reads what arrived and settles every complete response, oldest request first. */
  private static void read(Connection c, Tally tally, boolean[] high, long now) {
    try {
      int n;
      while ((n = c.channel.read(c.in)) > 0) {
        if (!c.in.hasRemaining()) {
          ByteBuffer bigger = ByteBuffer.allocate(c.in.capacity() * 2);
          c.in.flip();
          bigger.put(c.in);
          c.in = bigger;
        }
      }
      if (n < 0) {
        c.open = false;
      }
    } catch (IOException e) {
      c.open = false;
    }
    byte[] b = c.in.array();
    int end = c.in.position();
    int at = 0;
    try {
      while (true) {
        int used = settle(c, b, at, end, tally, high, now);
        if (used == 0) {
          break;
        }
        at += used;
      }
    } catch (RuntimeException e) {
      tally.failure("unparsable response", 1);
      c.open = false;
    }
    c.in.flip();
    c.in.position(at);
    c.in.compact();
  }

  /** Settles one response starting at {@code from}; its length, or 0 when it is not all there. */
  private static int settle(
      Connection c, byte[] b, int from, int end, Tally tally, boolean[] high, long now) {
    int headEnd = indexOf(b, from, end, CRLF_CRLF);
    if (headEnd < 0) {
      return 0;
    }
    int bodyFrom = headEnd + 4;
    if (bodyFrom - from < 12 || b[from] != 'H') {
      c.open = false; // not HTTP: give up on this connection
      return 0;
    }
    int status = (b[from + 9] - '0') * 100 + (b[from + 10] - '0') * 10 + (b[from + 11] - '0');
    long length = -1;
    boolean chunked = false;
    int line = indexOf(b, from, headEnd, CRLF) + 2;
    while (line < headEnd) {
      int lineEnd = indexOf(b, line, headEnd + 2, CRLF);
      if (lineEnd < 0) {
        lineEnd = headEnd;
      }
      String header = new String(b, line, lineEnd - line, StandardCharsets.US_ASCII);
      int colon = header.indexOf(':');
      if (colon > 0) {
        String name = header.substring(0, colon).trim();
        String value = header.substring(colon + 1).trim();
        if (name.equalsIgnoreCase("Content-Length")) {
          length = Long.parseLong(value);
        } else if (name.equalsIgnoreCase("Transfer-Encoding")
            && value.toLowerCase(Locale.ROOT).contains("chunked")) {
          chunked = true;
        }
      }
      line = lineEnd + 2;
    }
    int next;
    if (chunked) {
      next = bodyFrom;
      while (true) {
        int sizeEnd = indexOf(b, next, end, CRLF);
        if (sizeEnd < 0) {
          return 0;
        }
        String size = new String(b, next, sizeEnd - next, StandardCharsets.US_ASCII);
        int semi = size.indexOf(';');
        int chunk = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
        if (chunk == 0) {
          int trailerEnd = indexOf(b, sizeEnd, end, CRLF_CRLF);
          if (trailerEnd < 0) {
            return 0;
          }
          next = trailerEnd + 4;
          break;
        }
        next = sizeEnd + 2 + chunk + 2;
        if (next > end) {
          return 0;
        }
      }
    } else {
      long bodyEnd = bodyFrom + Math.max(0, length);
      if (bodyEnd > end) {
        return 0;
      }
      next = (int) bodyEnd;
    }
    if (c.flightCount == 0) {
      c.open = false; // a response nobody asked for
      return 0;
    }
    int slot = c.flightHead;
    int f = c.flightFurnace[slot];
    long latency = now - c.flightSent[slot];
    c.flightHead = (slot + 1) % c.flightFurnace.length;
    c.flightCount--;
    boolean changed = indexOf(b, bodyFrom, next, CHANGED) >= 0;
    tally.response(status, changed, latency);
    if (status >= 200 && status < 300) {
      high[f] = !high[f]; // changed, or already there (a furnace of an earlier run with this id)
    }
    c.idle[(c.idleHead + c.idleCount) % c.idle.length] = f;
    c.idleCount++;
    return next - from;
  }

  private static int indexOf(byte[] b, int from, int end, byte[] what) {
    outer:
    for (int i = from; i <= end - what.length; i++) {
      for (int j = 0; j < what.length; j++) {
        if (b[i + j] != what[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** The CPU figures of the generator, the node, Cassandra and the machine at one moment. */
  private record Snapshot(
      long nanos,
      ProcessCpu self,
      Optional<ProcessCpu> node,
      Optional<ProcessCpu> cassandra,
      long[] machine) {
    static Snapshot take(long nodePid, long cassandraPid, long now) {
      return new Snapshot(
          now,
          ProcessCpu.of(ProcessHandle.current().pid()).orElseThrow(),
          nodePid > 0 ? ProcessCpu.of(nodePid) : Optional.empty(),
          cassandraPid > 0 ? ProcessCpu.of(cassandraPid) : Optional.empty(),
          ProcessCpu.machineJiffies());
    }
  }

  private static boolean report(
      Tally warm,
      Tally measured,
      Snapshot idleFrom,
      Snapshot idleTo,
      Snapshot before,
      Snapshot after) {
    double idleSecs = (idleTo.nanos() - idleFrom.nanos()) / 1e9;
    double elapsed = (after.nanos() - before.nanos()) / 1e9;
    long[] all = Arrays.copyOf(measured.latencies, measured.count);
    Arrays.sort(all);
    long failed = measured.failures.values().stream().mapToLong(Long::longValue).sum();
    long commands = Math.max(measured.ok, 1);
    System.out.printf(
        Locale.ROOT,
        "warm-up         %d responses (%d 2xx), failures %s%n",
        warm.count,
        warm.ok,
        warm.failures.isEmpty() ? "none" : warm.failures);
    System.out.printf(Locale.ROOT, "measured        %.1f s%n", elapsed);
    System.out.printf(
        Locale.ROOT,
        "commands        %d 2xx (%.1f/s), %d of them \"setpoint changed\"%n",
        measured.ok,
        measured.ok / Math.max(elapsed, 1e-9),
        measured.changed);
    if (measured.count > 0) {
      System.out.printf(
          Locale.ROOT,
          "latency ms      p50 %.2f  p95 %.2f  p99 %.2f  max %.2f%n",
          LoadTargets.percentile(all, 0.50),
          LoadTargets.percentile(all, 0.95),
          LoadTargets.percentile(all, 0.99),
          all[all.length - 1] / 1e6);
    }
    System.out.println("failures        " + (failed == 0 ? "none" : measured.failures.toString()));
    System.out.printf(
        Locale.ROOT,
        "cpu per command (ms of CPU, cores busy, voluntary / involuntary context switches;"
            + " idle: cores busy in %.0f s without load before, and ms per command above that)%n",
        idleSecs);
    line(
        "generator",
        Optional.of(after.self().since(before.self())),
        Optional.empty(),
        commands,
        elapsed,
        idleSecs);
    line(
        "node",
        since(after.node(), before.node()),
        since(idleTo.node(), idleFrom.node()),
        commands,
        elapsed,
        idleSecs);
    line(
        "cassandra",
        since(after.cassandra(), before.cassandra()),
        since(idleTo.cassandra(), idleFrom.cassandra()),
        commands,
        elapsed,
        idleSecs);
    long busy = after.machine()[0] - before.machine()[0];
    long total = after.machine()[1] - before.machine()[1];
    if (total > 0) {
      int cpus = Runtime.getRuntime().availableProcessors();
      double busyCores = cpus * (double) busy / total;
      System.out.printf(
          Locale.ROOT,
          "  %-10s %7.3f ms   %.2f of %d cores busy%n",
          "machine",
          busyCores * elapsed * 1000 / commands,
          busyCores,
          cpus);
    }
    return measured.ok > 0 && failed == 0;
  }

  private static Optional<ProcessCpu> since(Optional<ProcessCpu> after, Optional<ProcessCpu> b) {
    return after.isPresent() && b.isPresent()
        ? Optional.of(after.get().since(b.get()))
        : Optional.empty();
  }

  private static void line(
      String name,
      Optional<ProcessCpu> spent,
      Optional<ProcessCpu> idle,
      long commands,
      double secs,
      double idleSecs) {
    if (spent.isEmpty()) {
      System.out.printf(Locale.ROOT, "  %-10s not measured (process not found)%n", name);
      return;
    }
    ProcessCpu s = spent.get();
    double cores = s.cpuNanos() / 1e9 / Math.max(secs, 1e-9);
    String above = "";
    if (idle.isPresent() && idleSecs > 0) {
      double idleCores = idle.get().cpuNanos() / 1e9 / idleSecs;
      above =
          String.format(
              Locale.ROOT,
              "   idle %.2f cores, %.3f ms above idle",
              idleCores,
              (cores - idleCores) * secs * 1000 / commands);
    }
    System.out.printf(
        Locale.ROOT,
        "  %-10s %7.3f ms   %.2f cores   %.1f / %.1f cs%s%n",
        name,
        s.cpuNanos() / 1e6 / commands,
        cores,
        (double) s.voluntary() / commands,
        (double) s.involuntary() / commands,
        above);
  }
}
