package io.vitrum.loadtests.plant;

import io.vitrum.core.physics.Setpoints;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.BuildInfo;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plant's Eclipse Milo OPC UA server on {@code opc.tcp://127.0.0.1:<port>}: security policy
 * None, anonymous users, the {@link PlantNamespace} of the OPC UA furnaces.
 */
public final class OpcUaPlantServer implements PlantOutput, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OpcUaPlantServer.class);
  private static final String HOST = "127.0.0.1";
  private static final String APPLICATION_URI = "urn:vitrum:plant";

  private final OpcUaServer server;
  private final PlantNamespace namespace;
  private final String endpointUrl;

  private OpcUaPlantServer(OpcUaServer server, PlantNamespace namespace, String endpointUrl) {
    this.server = server;
    this.namespace = namespace;
    this.endpointUrl = endpointUrl;
  }

  /**
   * Starts a server listening on 127.0.0.1:{@code port} for {@code furnaces}, returning once it
   * accepts connections.
   *
   * @param setpoints the furnaces' setpoints now, the initial values of the setpoint variables
   * @param gate where the items written to the lines' reject outputs are kicked
   */
  public static OpcUaPlantServer start(
      int port,
      List<String> furnaces,
      Map<String, Setpoints> setpoints,
      SetpointInbox inbox,
      RejectGate gate)
      throws Exception {
    EndpointConfig endpoint =
        EndpointConfig.newBuilder()
            .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
            .setBindAddress(HOST)
            .setBindPort(port)
            .setHostname(HOST)
            .setPath("")
            .setSecurityPolicy(SecurityPolicy.None)
            .setSecurityMode(MessageSecurityMode.None)
            .addTokenPolicies(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS)
            .build();
    OpcUaServerConfig config =
        OpcUaServerConfig.builder()
            .setApplicationUri(APPLICATION_URI)
            .setProductUri(APPLICATION_URI)
            .setApplicationName(LocalizedText.english("Vitrum simulated plant"))
            .setBuildInfo(
                new BuildInfo(
                    APPLICATION_URI,
                    "Vitrum",
                    "Vitrum simulated plant",
                    OpcUaServer.SDK_VERSION,
                    "",
                    DateTime.now()))
            .setEndpoints(Set.of(endpoint))
            .setCertificateManager(new DefaultCertificateManager(new MemoryCertificateQuarantine()))
            .setIdentityValidator(AnonymousIdentityValidator.INSTANCE)
            .build();
    OpcUaServer server =
        new OpcUaServer(
            config,
            profile -> new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder().build()));
    PlantNamespace namespace = new PlantNamespace(server, furnaces, setpoints, inbox, gate);
    namespace.startup();
    server.startup().get(30, TimeUnit.SECONDS);
    String url = "opc.tcp://" + HOST + ":" + port;
    log.info("OPC UA server listening on {} for {}", url, furnaces);
    return new OpcUaPlantServer(server, namespace, url);
  }

  /** Where clients connect. */
  public String endpointUrl() {
    return endpointUrl;
  }

  @Override
  public void onTick(PlantTick tick) {
    namespace.publish(tick);
  }

  @Override
  public void close() {
    try {
      namespace.shutdown();
      server.shutdown().get(10, TimeUnit.SECONDS);
      log.info("OPC UA server stopped");
    } catch (ExecutionException | TimeoutException e) {
      log.warn("OPC UA server did not stop cleanly: {}", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
