package io.vitrum.streams.ingest.opcua;

import static org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS;
import static org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig.USER_TOKEN_POLICY_USERNAME;

import io.vitrum.streams.ingest.testsupport.FreePorts;
import io.vitrum.streams.ingest.testsupport.QuietLogs;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.CompositeValidator;
import org.eclipse.milo.opcua.sdk.server.identity.IdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.UsernameIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.security.DefaultApplicationGroup;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateStore;
import org.eclipse.milo.opcua.stack.core.security.MemoryTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.RsaSha256CertificateFactory;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.BuildInfo;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;

/**
 * An in-test Milo OPC UA server on 127.0.0.1: namespace 2 with string node ids, Double variables
 * (writable, or read-only), String variables, values with status and source timestamp set by the
 * test. It can be stopped and started again on the same port (values survive), and can offer
 * Basic256Sha256 SignAndEncrypt with a username validator (then None only for discovery). Every
 * client certificate is accepted and recorded.
 */
final class TestOpcUaServer implements AutoCloseable {
  private static final String NAMESPACE_URI = "urn:vitrum:test:plant";
  private static final String APPLICATION_URI = "urn:vitrum:test:opcua-server";

  private enum Kind {
    DOUBLE,
    DOUBLE_READ_ONLY,
    STRING
  }

  private final int port;
  private final boolean secured;
  private final Map<String, String> users;
  private final Map<String, Kind> kinds = new LinkedHashMap<>();
  private final Map<String, DataValue> values = new ConcurrentHashMap<>();
  private final Map<String, UaVariableNode> nodes = new ConcurrentHashMap<>();
  private final List<X509Certificate> clientCertificates = new CopyOnWriteArrayList<>();
  private final KeyPair keyPair;
  private final X509Certificate certificate;
  private volatile OpcUaServer server;

  private TestOpcUaServer(boolean secured, Map<String, String> users) throws Exception {
    QuietLogs.apply();
    this.port = FreePorts.pick();
    this.secured = secured;
    this.users = Map.copyOf(users);
    this.keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
    this.certificate =
        new SelfSignedCertificateBuilder(keyPair)
            .setCommonName("Vitrum test OPC UA server")
            .setOrganization("Vitrum")
            .setApplicationUri(APPLICATION_URI)
            .addDnsName("localhost")
            .addIpAddress("127.0.0.1")
            .build();
  }

  /** A server with security None, anonymous access. */
  static TestOpcUaServer plain() throws Exception {
    return new TestOpcUaServer(false, Map.of());
  }

  /** A server with Basic256Sha256 SignAndEncrypt and these username/password pairs only. */
  static TestOpcUaServer secured(Map<String, String> users) throws Exception {
    return new TestOpcUaServer(true, users);
  }

  /** Adds writable Double variables (value 0, Good). Call before {@link #start()}. */
  TestOpcUaServer doubles(String... tags) {
    for (String t : tags) {
      kinds.put(t, Kind.DOUBLE);
      values.put(t, new DataValue(new Variant(0.0), StatusCode.GOOD, DateTime.now()));
    }
    return this;
  }

  /** Adds read-only Double variables. */
  TestOpcUaServer readOnlyDoubles(String... tags) {
    for (String t : tags) {
      kinds.put(t, Kind.DOUBLE_READ_ONLY);
      values.put(t, new DataValue(new Variant(0.0), StatusCode.GOOD, DateTime.now()));
    }
    return this;
  }

  /** Adds String variables. */
  TestOpcUaServer strings(String... tags) {
    for (String t : tags) {
      kinds.put(t, Kind.STRING);
      values.put(t, new DataValue(new Variant("text"), StatusCode.GOOD, DateTime.now()));
    }
    return this;
  }

  /** Starts (or starts again, same port and values). */
  synchronized TestOpcUaServer start() throws Exception {
    OpcUaServer s = build();
    new Namespace(s).startup();
    s.startup().get(30, TimeUnit.SECONDS);
    server = s;
    return this;
  }

  /** Stops; clients lose their sessions. */
  synchronized void stop() throws Exception {
    OpcUaServer s = server;
    server = null;
    nodes.clear();
    if (s != null) {
      s.shutdown().get(30, TimeUnit.SECONDS);
    }
  }

  @Override
  public void close() throws Exception {
    stop();
  }

  /** {@code opc.tcp://127.0.0.1:<port>/vitrum}. */
  String endpoint() {
    return "opc.tcp://127.0.0.1:" + port + "/vitrum";
  }

  /** The node id text of {@code tag}: {@code ns=2;s=<tag>}. */
  static String nodeId(String tag) {
    return "ns=2;s=" + tag;
  }

  /** Sets a value with a status and a source timestamp. */
  void set(String tag, Object value, StatusCode status, Instant sourceTime) {
    DataValue dv =
        new DataValue(
            value == null ? Variant.NULL_VALUE : new Variant(value),
            status,
            new DateTime(sourceTime),
            DateTime.now());
    values.put(tag, dv);
    UaVariableNode node = nodes.get(tag);
    if (node != null) {
      node.setValue(dv);
    }
  }

  /** Sets a Good value stamped now. */
  void set(String tag, double value) {
    set(tag, value, StatusCode.GOOD, Instant.now());
  }

  /** The variable's current value (what a client wrote, for writable ones). */
  Object value(String tag) {
    UaVariableNode node = nodes.get(tag);
    DataValue dv = node != null ? node.getValue() : values.get(tag);
    return dv.value().value();
  }

  /** The client certificates seen in secure channels. */
  List<X509Certificate> clientCertificates() {
    return List.copyOf(clientCertificates);
  }

  /** The server's certificate. */
  X509Certificate certificate() {
    return certificate;
  }

  private OpcUaServer build() throws Exception {
    var trustList = new MemoryTrustListManager();
    var quarantine = new MemoryCertificateQuarantine();
    var factory =
        new RsaSha256CertificateFactory() {
          @Override
          protected KeyPair createRsaSha256KeyPair() {
            return keyPair;
          }

          @Override
          protected X509Certificate[] createRsaSha256CertificateChain(KeyPair kp) {
            return new X509Certificate[] {certificate};
          }
        };
    var group =
        DefaultApplicationGroup.createAndInitialize(
            trustList,
            new MemoryCertificateStore(),
            factory,
            (chain, uri, hostnames) -> clientCertificates.add(chain.get(0)));
    var certificates = new DefaultCertificateManager(quarantine, group);

    Set<EndpointConfig> endpoints = new LinkedHashSet<>();
    EndpointConfig.Builder base =
        EndpointConfig.newBuilder()
            .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
            .setBindAddress("127.0.0.1")
            .setBindPort(port)
            .setHostname("127.0.0.1")
            .setPath("/vitrum")
            .setCertificate(certificate);
    IdentityValidator identity;
    if (secured) {
      endpoints.add(
          base.copy()
              .setSecurityPolicy(SecurityPolicy.Basic256Sha256)
              .setSecurityMode(MessageSecurityMode.SignAndEncrypt)
              .addTokenPolicies(USER_TOKEN_POLICY_USERNAME)
              .build());
      endpoints.add(
          base.copy()
              .setPath("/vitrum/discovery")
              .setSecurityPolicy(SecurityPolicy.None)
              .setSecurityMode(MessageSecurityMode.None)
              .build());
      identity =
          new UsernameIdentityValidator(
              challenge ->
                  challenge.getPassword() != null
                      && challenge.getPassword().equals(users.get(challenge.getUsername())));
    } else {
      endpoints.add(
          base.copy()
              .setSecurityPolicy(SecurityPolicy.None)
              .setSecurityMode(MessageSecurityMode.None)
              .addTokenPolicies(USER_TOKEN_POLICY_ANONYMOUS, USER_TOKEN_POLICY_USERNAME)
              .build());
      identity =
          new CompositeValidator(
              AnonymousIdentityValidator.INSTANCE, new UsernameIdentityValidator(c -> true));
    }
    OpcUaServerConfig config =
        OpcUaServerConfig.builder()
            .setApplicationUri(APPLICATION_URI)
            .setApplicationName(LocalizedText.english("Vitrum test plant"))
            .setProductUri("urn:vitrum:test")
            .setBuildInfo(
                new BuildInfo("urn:vitrum:test", "vitrum", "test plant", "1", "1", DateTime.now()))
            .setEndpoints(endpoints)
            .setCertificateManager(certificates)
            .setIdentityValidator(identity)
            .build();
    return new OpcUaServer(
        config,
        profile -> new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder().build()));
  }

  /** Namespace 2: the variables, sampled by Milo's subscription model. */
  private final class Namespace extends ManagedNamespaceWithLifecycle {
    private final SubscriptionModel subscriptions;

    Namespace(OpcUaServer server) {
      super(server, NAMESPACE_URI);
      subscriptions = new SubscriptionModel(server, this);
      getLifecycleManager().addLifecycle(subscriptions);
      getLifecycleManager().addStartupTask(this::addNodes);
    }

    private void addNodes() {
      kinds.forEach(
          (tag, kind) -> {
            NodeId id = newNodeId(tag);
            var access = kind == Kind.DOUBLE ? AccessLevel.READ_WRITE : AccessLevel.READ_ONLY;
            // the user may write everything: a read-only variable refuses as Bad_NotWritable
            UaVariableNode node =
                new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
                    .setNodeId(id)
                    .setAccessLevel(access)
                    .setUserAccessLevel(AccessLevel.READ_WRITE)
                    .setBrowseName(newQualifiedName(tag))
                    .setDisplayName(LocalizedText.english(tag))
                    .setDataType(kind == Kind.STRING ? NodeIds.String : NodeIds.Double)
                    .setTypeDefinition(NodeIds.BaseDataVariableType)
                    .build();
            node.setValue(values.get(tag));
            getNodeManager().addNode(node);
            nodes.put(tag, node);
          });
    }

    @Override
    public void onDataItemsCreated(List<DataItem> dataItems) {
      subscriptions.onDataItemsCreated(dataItems);
    }

    @Override
    public void onDataItemsModified(List<DataItem> dataItems) {
      subscriptions.onDataItemsModified(dataItems);
    }

    @Override
    public void onDataItemsDeleted(List<DataItem> dataItems) {
      subscriptions.onDataItemsDeleted(dataItems);
    }

    @Override
    public void onMonitoringModeChanged(List<MonitoredItem> monitoredItems) {
      subscriptions.onMonitoringModeChanged(monitoredItems);
    }
  }
}
