package io.vitrum.streams.ingest.opcua;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's OPC UA application instance certificate and key: read from a PKCS#12 keystore, or
 * generated (self-signed, RSA 2048, valid 3 years) and written there when the keystore file does
 * not exist yet, so that the server sees the same certificate after every restart (the server's
 * administrator trusts it once).
 *
 * @param keyPair the key pair
 * @param chain the certificate chain, the application certificate first
 * @param applicationUri the application URI in the certificate (the client must present it)
 */
record ApplicationCertificate(KeyPair keyPair, X509Certificate[] chain, String applicationUri) {

  private static final Logger log = LoggerFactory.getLogger(ApplicationCertificate.class);

  /** The application certificate itself. */
  X509Certificate certificate() {
    return chain[0];
  }

  /**
   * Loads the keystore of {@code security}, creating it first if it does not exist.
   *
   * @param applicationUri the URI a generated certificate carries
   * @param applicationName the common name of a generated certificate
   */
  static synchronized ApplicationCertificate loadOrCreate(
      OpcUaSecuritySettings security, String applicationUri, String applicationName)
      throws IOException, GeneralSecurityException {
    Path file = security.keystore();
    char[] password = security.keystorePassword().revealChars();
    if (!Files.exists(file)) {
      create(file, password, security.keystoreAlias(), applicationUri, applicationName);
    }
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, password);
    }
    String alias = security.keystoreAlias();
    if (!store.isKeyEntry(alias)) {
      throw new GeneralSecurityException("keystore " + file + " has no key entry '" + alias + "'");
    }
    Key key = store.getKey(alias, password);
    Certificate[] certs = store.getCertificateChain(alias);
    if (!(key instanceof PrivateKey privateKey) || certs == null || certs.length == 0) {
      throw new GeneralSecurityException("keystore " + file + ": '" + alias + "' has no key/chain");
    }
    X509Certificate[] chain =
        Arrays.stream(certs).map(X509Certificate.class::cast).toArray(X509Certificate[]::new);
    String uri = CertificateUtil.getSanUri(chain[0]).orElse(applicationUri);
    if (!uri.equals(applicationUri)) {
      log.warn(
          "OPC UA certificate in {} carries application URI {} (configured: {}); using the"
              + " certificate's",
          file,
          uri,
          applicationUri);
    }
    return new ApplicationCertificate(new KeyPair(chain[0].getPublicKey(), privateKey), chain, uri);
  }

  private static void create(
      Path file, char[] password, String alias, String applicationUri, String applicationName)
      throws IOException, GeneralSecurityException {
    KeyPair keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
    SelfSignedCertificateBuilder builder =
        new SelfSignedCertificateBuilder(keyPair)
            .setCommonName(applicationName)
            .setOrganization("Vitrum")
            .setApplicationUri(applicationUri)
            .addDnsName("localhost")
            .addIpAddress("127.0.0.1");
    hostname().ifPresent(builder::addDnsName);
    X509Certificate certificate;
    try {
      certificate = builder.build();
    } catch (Exception e) {
      throw new GeneralSecurityException("could not generate the OPC UA certificate", e);
    }
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, password);
    store.setKeyEntry(alias, keyPair.getPrivate(), password, new X509Certificate[] {certificate});
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".vitrum-client", ".p12");
    try (OutputStream out = Files.newOutputStream(tmp)) {
      store.store(out, password);
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    log.info(
        "Generated the OPC UA application certificate {} ({}) in {}",
        certificate.getSubjectX500Principal().getName(),
        applicationUri,
        file);
  }

  private static Optional<String> hostname() {
    try {
      String name = InetAddress.getLocalHost().getHostName();
      return name == null || name.isBlank() || name.equals("localhost")
          ? Optional.empty()
          : Optional.of(name);
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
