package io.vitrum.streams.ingest.opcua;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.Stack;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.UserTokenType;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.UserTokenPolicy;
import org.eclipse.milo.opcua.stack.core.util.EndpointUtil;

/**
 * Builds and connects Milo clients as the settings say: endpoint discovery, the endpoint with the
 * configured security policy and mode (its URL's host and port replaced by the configured ones, so
 * a server advertising another hostname is still reached), the application certificate, the server
 * certificate trust and the identity (username or anonymous). Both the source and the setpoint
 * writer connect through here.
 */
final class OpcUaClients {
  private OpcUaClients() {}

  /**
   * Discovers, builds and connects a client, off the caller's thread (discovery and connect block).
   * The future fails with the cause in the OPC UA status where there is one (e.g. {@code
   * Bad_UserAccessDenied} for a wrong password).
   */
  static CompletableFuture<OpcUaClient> connect(OpcUaSettings settings) {
    return CompletableFuture.supplyAsync(
            () -> {
              try {
                return create(settings);
              } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
              }
            },
            Stack.sharedExecutor())
        .thenCompose(
            client ->
                client
                    .connectAsync()
                    .whenComplete(
                        (c, e) -> {
                          if (e != null) {
                            client.disconnectAsync();
                          }
                        }));
  }

  /** A client for {@code settings}, not connected yet (blocks for endpoint discovery). */
  static OpcUaClient create(OpcUaSettings settings) throws Exception {
    OpcUaSecuritySettings security = settings.security();
    SecurityPolicy policy =
        security.policy() == OpcUaSecuritySettings.Policy.NONE
            ? SecurityPolicy.None
            : SecurityPolicy.Basic256Sha256;
    MessageSecurityMode mode =
        policy == SecurityPolicy.None
            ? MessageSecurityMode.None
            : security.signAndEncrypt()
                ? MessageSecurityMode.SignAndEncrypt
                : MessageSecurityMode.Sign;
    ApplicationCertificate certificate =
        security.secured()
            ? ApplicationCertificate.loadOrCreate(
                security, settings.applicationUri(), settings.applicationName())
            : null;
    String endpoint = settings.endpoint();
    String host = EndpointUtil.getHost(endpoint);
    int port = EndpointUtil.getPort(endpoint);
    UserTokenType token = security.hasUser() ? UserTokenType.UserName : UserTokenType.Anonymous;
    return OpcUaClient.create(
        endpoint,
        endpoints -> select(endpoints, policy, mode, token).map(e -> relocate(e, host, port)),
        transport -> transport.setConnectTimeout(uint(settings.connectTimeout().toMillis())),
        client -> {
          client
              .setApplicationName(LocalizedText.english(settings.applicationName()))
              .setApplicationUri(
                  certificate != null ? certificate.applicationUri() : settings.applicationUri())
              .setProductUri("urn:vitrum")
              .setRequestTimeout(uint(settings.requestTimeout().toMillis()))
              .setIdentityProvider(
                  security.hasUser()
                      ? new UsernameProvider(security.username(), security.password().reveal())
                      : AnonymousProvider.INSTANCE);
          if (certificate != null) {
            client
                .setKeyPair(certificate.keyPair())
                .setCertificate(certificate.certificate())
                .setCertificateChain(certificate.chain())
                .setCertificateValidator(
                    new ServerCertificateTrust(security.serverTrust(), security.dir()));
          }
        });
  }

  private static Optional<EndpointDescription> select(
      List<EndpointDescription> endpoints,
      SecurityPolicy policy,
      MessageSecurityMode mode,
      UserTokenType token) {
    Optional<EndpointDescription> match =
        endpoints.stream()
            .filter(e -> policy.getUri().equals(e.getSecurityPolicyUri()))
            .filter(e -> e.getSecurityMode() == mode)
            .filter(e -> offers(e, token))
            .findFirst();
    if (match.isEmpty()) {
      throw new java.util.concurrent.CompletionException(
          new UaException(
              StatusCodes.Bad_SecurityPolicyRejected,
              "the server offers no endpoint with "
                  + policy
                  + "/"
                  + mode
                  + " and a "
                  + token
                  + " token; it offers "
                  + endpoints.stream()
                      .map(
                          e ->
                              SecurityPolicy.fromUriSafe(e.getSecurityPolicyUri())
                                      .map(Enum::name)
                                      .orElse(e.getSecurityPolicyUri())
                                  + "/"
                                  + e.getSecurityMode()
                                  + tokens(e))
                      .distinct()
                      .toList()));
    }
    return match;
  }

  private static boolean offers(EndpointDescription e, UserTokenType token) {
    UserTokenPolicy[] policies = e.getUserIdentityTokens();
    return policies != null && Stream.of(policies).anyMatch(p -> p.getTokenType() == token);
  }

  private static String tokens(EndpointDescription e) {
    UserTokenPolicy[] policies = e.getUserIdentityTokens();
    return policies == null
        ? "[]"
        : Arrays.toString(Stream.of(policies).map(UserTokenPolicy::getTokenType).toArray());
  }

  private static EndpointDescription relocate(EndpointDescription e, String host, int port) {
    return host == null ? e : EndpointUtil.updateUrl(e, host, port);
  }
}
