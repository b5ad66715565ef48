package io.vitrum.http.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.ConfigFactory;
import io.vitrum.http.testing.TestApi;
import io.vitrum.http.testing.TestSecurity;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With a keystore configured the API speaks HTTPS only: a client that trusts the server's
 * certificate (and checks its name) is served; plain HTTP on the same port is not.
 */
class TlsTest {
  private static final String PASSWORD = "changeit-" + Long.toHexString(System.nanoTime());
  private static Path keystore;
  private static TestApi api;

  @BeforeAll
  static void start() throws Exception {
    Path dir = Files.createDirectories(Path.of("target/tls-test"));
    keystore = dir.resolve("server-" + System.nanoTime() + ".p12");
    Path passwordFile = dir.resolve("password-" + System.nanoTime());
    Files.writeString(passwordFile, PASSWORD + "\n");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "vitrum",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                PASSWORD)
            .redirectErrorStream(true)
            .start();
    assertEquals(0, keytool.waitFor(), new String(keytool.getInputStream().readAllBytes()));
    api =
        TestApi.start(
            "TlsTest",
            ConfigFactory.parseString(
                "vitrum.http.tls { keystore = \""
                    + keystore.toAbsolutePath()
                    + "\", keystore-password-file = \""
                    + passwordFile.toAbsolutePath()
                    + "\" }"));
  }

  @AfterAll
  static void stop() {
    if (api != null) {
      api.close();
    }
  }

  private static SSLContext trusting() throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, PASSWORD.toCharArray());
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  @Test
  void theApiIsServedOverHttps() throws Exception {
    HttpClient client =
        HttpClient.newBuilder()
            .sslContext(trusting())
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    HttpResponse<String> reply =
        client.send(
            HttpRequest.newBuilder(
                    URI.create("https://127.0.0.1:" + api.port() + "/api/furnaces/F1"))
                .header("Authorization", "Bearer " + TestSecurity.admin())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, reply.statusCode(), reply.body());
    assertEquals("TLSv1.3", reply.sslSession().orElseThrow().getProtocol());
  }

  @Test
  void plainHttpIsNotServed() {
    assertThrows(UncheckedIOException.class, () -> api.client().get("/api/furnaces/F1").status());
  }
}
