package io.vitrum.streams.ingest.opcua;

import io.vitrum.streams.ingest.opcua.OpcUaSecuritySettings.ServerTrust;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultClientCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.MemoryTrustListManager;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether the engine trusts an OPC UA server's certificate: against the certificates in
 * {@code <dir>/trusted} (DER or PEM files, read at every connect, so an operator can add one
 * without a restart), optionally storing the first one seen there (trust on first use), or trusting
 * everything (tests). A refused certificate is written to {@code <dir>/rejected}.
 */
final class ServerCertificateTrust implements CertificateValidator {
  private static final Logger log = LoggerFactory.getLogger(ServerCertificateTrust.class);

  private final ServerTrust mode;
  private final Path trusted;
  private final Path rejected;

  ServerCertificateTrust(ServerTrust mode, Path dir) {
    this.mode = mode;
    this.trusted = dir.resolve("trusted");
    this.rejected = dir.resolve("rejected");
  }

  @Override
  public void validateCertificateChain(
      List<X509Certificate> chain, String applicationUri, String[] validHostnames)
      throws UaException {
    X509Certificate server = chain.get(0);
    if (mode == ServerTrust.TRUST_ALL) {
      log.warn(
          "OPC UA server certificate {} accepted without checking (server-trust = trust-all)",
          server.getSubjectX500Principal().getName());
      return;
    }
    List<X509Certificate> known = read(trusted);
    if (known.isEmpty() && mode == ServerTrust.TRUST_ON_FIRST_USE) {
      Path stored = write(trusted, server);
      log.warn(
          "OPC UA server certificate {} (sha1 {}) trusted on first use, stored as {}",
          server.getSubjectX500Principal().getName(),
          thumbprint(server),
          stored);
      return;
    }
    MemoryTrustListManager trustList = new MemoryTrustListManager();
    known.forEach(trustList::addTrustedCertificate);
    try {
      new DefaultClientCertificateValidator(trustList, new MemoryCertificateQuarantine())
          .validateCertificateChain(chain, applicationUri, validHostnames);
    } catch (UaException e) {
      Path stored = write(rejected, server);
      log.warn(
          "OPC UA server certificate {} (sha1 {}) refused: {}; stored as {} (move it to {} to"
              + " trust it)",
          server.getSubjectX500Principal().getName(),
          thumbprint(server),
          e.getStatusCode(),
          stored,
          trusted);
      throw e;
    }
  }

  private static List<X509Certificate> read(Path dir) throws UaException {
    List<X509Certificate> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path f : files) {
        if (!Files.isRegularFile(f) || f.getFileName().toString().startsWith(".")) {
          continue;
        }
        try (InputStream in = Files.newInputStream(f)) {
          out.addAll(CertificateUtil.decodeCertificates(in));
        } catch (UaException | IOException e) {
          log.warn("Ignoring {}: not an X.509 certificate ({})", f, e.getMessage());
        }
      }
    } catch (IOException e) {
      throw new UaException(StatusCodes.Bad_ConfigurationError, "cannot read " + dir, e);
    }
    return out;
  }

  private static Path write(Path dir, X509Certificate certificate) throws UaException {
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve(thumbprint(certificate) + ".der");
      Files.write(file, certificate.getEncoded());
      return file;
    } catch (IOException | CertificateEncodingException e) {
      throw new UaException(StatusCodes.Bad_ConfigurationError, "cannot write to " + dir, e);
    }
  }

  private static String thumbprint(X509Certificate certificate) throws UaException {
    return HexFormat.of().formatHex(CertificateUtil.thumbprint(certificate).bytesOrEmpty());
  }
}
