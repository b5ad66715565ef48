package io.vitrum.loadtests.plant;

import io.vitrum.core.plant.FurnaceTags;
import io.vitrum.core.plant.Reading;
import io.vitrum.core.plant.TagId;
import io.vitrum.core.plant.TagSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT furnaces' link to the broker (Paho): every tick one JSON array per furnace of that
 * tick's readings to {@code vitrum/<furnace>/readings} (QoS 1; a sample lost to a dropout is not
 * sent, a stuck one is sent with its stuck value), and setpoint commands from {@code
 * vitrum/<furnace>/setpoints} into the {@link SetpointInbox}; a malformed command is logged and
 * ignored. Connects in the background, retrying until the broker is up, then reconnects by itself
 * and subscribes again. Readings published while disconnected are dropped and counted.
 */
public final class MqttPlantLink implements PlantOutput, AutoCloseable, MqttCallbackExtended {
  private static final Logger log = LoggerFactory.getLogger(MqttPlantLink.class);
  private static final int QOS = 1;
  private static final int MAX_INFLIGHT = 1000;
  private static final long DROP_LOG_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final String url;
  private final List<String> furnaces;
  private final SetpointInbox inbox;
  private final Duration retry;
  private final Map<String, String> units = new HashMap<>();
  private final MqttAsyncClient client;
  private final ScheduledExecutorService connector =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "plant-mqtt-connect");
            t.setDaemon(true);
            return t;
          });
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private volatile boolean closed;
  private long droppedLogged;
  private long lastDropLog = System.nanoTime();
  private final AtomicInteger failedAttempts = new AtomicInteger();
  private final PlantCredentials credentials;

  /**
   * A link to the broker at {@code url} for {@code furnaces}, not connected yet.
   *
   * @param retry pause between connection attempts until the first one succeeds
   */
  public MqttPlantLink(String url, List<String> furnaces, SetpointInbox inbox, Duration retry)
      throws MqttException {
    this(url, furnaces, inbox, retry, PlantCredentials.NONE);
  }

  /**
   * A link that authenticates with {@code credentials} (anonymous when they hold no user name).
   *
   * @param retry pause between connection attempts until the first one succeeds
   */
  public MqttPlantLink(
      String url,
      List<String> furnaces,
      SetpointInbox inbox,
      Duration retry,
      PlantCredentials credentials)
      throws MqttException {
    this.credentials = credentials;
    this.url = url;
    this.furnaces = List.copyOf(furnaces);
    this.inbox = inbox;
    this.retry = retry;
    for (String f : furnaces) {
      for (TagSpec spec : FurnaceTags.of(f)) {
        units.put(spec.tag(), spec.unit());
      }
    }
    this.client =
        new MqttAsyncClient(
            url, "vitrum-plant-" + ProcessHandle.current().pid(), new MemoryPersistence());
    client.setCallback(this);
  }

  /** The topic of {@code furnace}'s readings. */
  public static String readingsTopic(String furnace) {
    return "vitrum/" + furnace + "/readings";
  }

  /** The topic of {@code furnace}'s setpoint commands. */
  public static String setpointsTopic(String furnace) {
    return "vitrum/" + furnace + "/setpoints";
  }

  /** Starts connecting in the background; returns at once. */
  public void start() {
    connector.execute(this::connect);
  }

  /** Whether the link is connected now. */
  public boolean isConnected() {
    return client.isConnected();
  }

  /** Reading messages handed to the client. */
  public long published() {
    return published.get();
  }

  /** Reading messages dropped because the link was down. */
  public long dropped() {
    return dropped.get();
  }

  private void connect() {
    if (closed) {
      return;
    }
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setAutomaticReconnect(true);
    options.setMaxReconnectDelay((int) Math.max(1000, retry.toMillis()));
    options.setMaxInflight(MAX_INFLIGHT);
    options.setConnectionTimeout(5);
    options.setKeepAliveInterval(30);
    if (credentials.present()) {
      options.setUserName(credentials.username());
      options.setPassword(credentials.password().revealChars());
    }
    try {
      client.connect(
          options,
          null,
          new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
              failedAttempts.set(0);
            }

            @Override
            public void onFailure(IMqttToken token, Throwable cause) {
              retryLater(cause);
            }
          });
    } catch (MqttException e) {
      retryLater(e);
    }
  }

  private void retryLater(Throwable cause) {
    if (closed) {
      return;
    }
    if (failedAttempts.getAndIncrement() % 30 == 0) {
      log.warn(
          "MQTT broker {} not reachable ({}); retrying every {} ms",
          url,
          cause.getMessage(),
          retry.toMillis());
    }
    connector.schedule(this::connect, retry.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void connectComplete(boolean reconnect, String serverUri) {
    log.info(
        "MQTT {} {} for {}", reconnect ? "reconnected to" : "connected to", serverUri, furnaces);
    String[] topics = furnaces.stream().map(MqttPlantLink::setpointsTopic).toArray(String[]::new);
    int[] qos = new int[topics.length];
    Arrays.fill(qos, QOS);
    try {
      client.subscribe(topics, qos);
    } catch (MqttException e) {
      log.warn("MQTT subscribe to {} failed: {}", List.of(topics), e.toString());
    }
  }

  @Override
  public void connectionLost(Throwable cause) {
    if (!closed) {
      log.warn("MQTT connection to {} lost ({}); reconnecting", url, String.valueOf(cause));
    }
  }

  @Override
  public void messageArrived(String topic, MqttMessage message) {
    String[] parts = topic.split("/");
    String furnace = parts.length == 3 ? parts[1] : "";
    try {
      SetpointCommand command = SetpointCommand.parse(furnace, message.getPayload());
      SetpointInbox.Verdict verdict =
          inbox.submit(command.furnace(), command.parameter(), command.value(), "mqtt");
      if (verdict != SetpointInbox.Verdict.ACCEPTED) {
        log.warn(
            "MQTT setpoint command on {} refused ({}): {} = {}",
            topic,
            verdict,
            command.parameter().key(),
            command.value());
      }
    } catch (IllegalArgumentException e) {
      log.warn(
          "MQTT setpoint command on {} ignored: {}: {}",
          topic,
          e.getMessage(),
          abbreviate(message.getPayload()));
    }
  }

  private static String abbreviate(byte[] payload) {
    String text = new String(payload, StandardCharsets.UTF_8);
    return text.length() > 200 ? text.substring(0, 200) + "..." : text;
  }

  @Override
  public void deliveryComplete(IMqttDeliveryToken token) {}

  @Override
  public void onTick(PlantTick tick) {
    Map<String, List<Reading>> byFurnace = new LinkedHashMap<>();
    for (PlantStep step : tick.steps()) {
      for (Reading r : step.readings()) {
        if (units.containsKey(r.tag())) {
          byFurnace.computeIfAbsent(TagId.furnaceOf(r.tag()), f -> new ArrayList<>()).add(r);
        }
      }
    }
    byFurnace.forEach(this::publish);
    logDrops();
  }

  private void publish(String furnace, List<Reading> readings) {
    if (!client.isConnected()) {
      dropped.incrementAndGet();
      return;
    }
    MqttMessage message = new MqttMessage(ReadingsPayload.encode(readings, units));
    message.setQos(QOS);
    try {
      client.publish(readingsTopic(furnace), message);
      published.incrementAndGet();
    } catch (MqttException e) {
      dropped.incrementAndGet();
    }
  }

  private void logDrops() {
    long now = System.nanoTime();
    if (now - lastDropLog >= DROP_LOG_NANOS && dropped.get() > droppedLogged) {
      log.warn(
          "MQTT: {} reading messages dropped while not connected to {} ({} in all)",
          dropped.get() - droppedLogged,
          url,
          dropped.get());
      droppedLogged = dropped.get();
      lastDropLog = now;
    }
  }

  @Override
  public void close() {
    closed = true;
    connector.shutdownNow();
    try {
      if (client.isConnected()) {
        client.disconnect(2000).waitForCompletion(3000);
      }
    } catch (MqttException e) {
      log.debug("MQTT disconnect: {}", e.toString());
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      log.debug("MQTT close: {}", e.toString());
    }
    log.info("MQTT link closed ({} reading messages published, {} dropped)", published, dropped);
  }
}
