package io.vitrum.http.server;

import com.typesafe.config.Config;
import io.vitrum.core.security.Secret;
import io.vitrum.streams.ingest.Secrets;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * HTTPS for the public API, from {@code vitrum.http.tls}: on when a keystore is configured. The
 * keystore password comes from {@code keystore-password} or, preferred, the file at {@code
 * keystore-password-file}; it is never logged.
 *
 * @param keystore the PKCS12 (or JKS) keystore holding the server's key and certificate chain
 * @param type the keystore type
 * @param password the keystore and key password
 */
public record TlsSettings(Path keystore, String type, Secret password) {

  /** The settings, when a keystore is configured. */
  public static Optional<TlsSettings> create(Config config) {
    Config c = config.getConfig("vitrum.http.tls");
    String keystore = c.getString("keystore");
    if (keystore.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        new TlsSettings(
            Path.of(keystore),
            c.getString("keystore-type"),
            Secrets.read(config, "vitrum.http.tls.keystore-password")));
  }

  /** The server's TLS context (TLS 1.2 and 1.3 as the JDK allows). */
  public SSLContext sslContext() {
    try (InputStream in = Files.newInputStream(keystore)) {
      KeyStore store = KeyStore.getInstance(type);
      store.load(in, password.revealChars());
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, password.revealChars());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the keystore " + keystore, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("unusable keystore " + keystore + ": " + e.getMessage(), e);
    }
  }
}
