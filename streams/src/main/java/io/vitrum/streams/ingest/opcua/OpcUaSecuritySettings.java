package io.vitrum.streams.ingest.opcua;

import com.typesafe.config.Config;
import io.vitrum.core.security.Secret;
import io.vitrum.streams.ingest.Secrets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Security of the OPC UA connection, from {@code vitrum.opcua.security}.
 *
 * @param policy the security policy
 * @param signAndEncrypt with a policy other than none: sign and encrypt (else sign only)
 * @param username the username token's user; blank: anonymous
 * @param password the username token's password ({@code password}, or the file at {@code
 *     password-file}); shown as {@code ****}
 * @param dir where {@code trusted/} and {@code rejected/} server certificates (and a generated
 *     keystore) live
 * @param keystore the PKCS#12 keystore with the application certificate
 * @param keystorePassword its password (also of the key entry), or the file at {@code
 *     keystore-password-file}
 * @param keystoreAlias the key entry's alias
 * @param serverTrust which server certificates are accepted
 */
public record OpcUaSecuritySettings(
    Policy policy,
    boolean signAndEncrypt,
    String username,
    Secret password,
    Path dir,
    Path keystore,
    Secret keystorePassword,
    String keystoreAlias,
    ServerTrust serverTrust) {

  /** The security policies the engine speaks. */
  public enum Policy {
    /** No signing, no encryption. */
    NONE,
    /** Basic256Sha256 (RSA 2048+, SHA-256, AES-256). */
    BASIC256SHA256
  }

  /** Which server certificates the engine accepts. */
  public enum ServerTrust {
    /** Only certificates in {@code <dir>/trusted}. */
    TRUST_LIST,
    /**
     * As {@link #TRUST_LIST}, but while {@code <dir>/trusted} is empty the first certificate seen
     * is stored there and trusted.
     */
    TRUST_ON_FIRST_USE,
    /** Any certificate (logged). For tests. */
    TRUST_ALL
  }

  /** No security, anonymous, certificates under {@code dir}. */
  public static OpcUaSecuritySettings none(Path dir) {
    return new OpcUaSecuritySettings(
        Policy.NONE,
        true,
        "",
        Secret.NONE,
        dir,
        dir.resolve("vitrum-client.p12"),
        Secret.of("vitrum"),
        "vitrum-client",
        ServerTrust.TRUST_LIST);
  }

  /** Reads a {@code vitrum.opcua.security} block. */
  public static OpcUaSecuritySettings create(Config c) {
    String dirText = c.getString("dir");
    Path dir =
        dirText.startsWith("~/")
            ? Path.of(System.getProperty("user.home"), dirText.substring(2))
            : Path.of(dirText);
    String keystore = c.getString("keystore").trim();
    String mode = c.getString("mode").trim().toLowerCase(Locale.ROOT);
    if (!mode.equals("sign-and-encrypt") && !mode.equals("sign")) {
      throw new IllegalArgumentException(
          "vitrum.opcua.security.mode '" + mode + "' is not sign-and-encrypt or sign");
    }
    return new OpcUaSecuritySettings(
        choice(Policy.class, c.getString("policy"), "policy"),
        mode.equals("sign-and-encrypt"),
        c.getString("username").trim(),
        Secrets.read(c, "password"),
        dir,
        keystore.isEmpty() ? dir.resolve("vitrum-client.p12") : Path.of(keystore),
        Secrets.read(c, "keystore-password"),
        c.getString("keystore-alias"),
        choice(ServerTrust.class, c.getString("server-trust"), "server-trust"));
  }

  /** These settings with another policy and mode. */
  public OpcUaSecuritySettings withPolicy(Policy otherPolicy, boolean encrypt) {
    return new OpcUaSecuritySettings(
        otherPolicy,
        encrypt,
        username,
        password,
        dir,
        keystore,
        keystorePassword,
        keystoreAlias,
        serverTrust);
  }

  /** These settings with a username identity (blank user: anonymous). */
  public OpcUaSecuritySettings withUser(String user, Secret pass) {
    return new OpcUaSecuritySettings(
        policy,
        signAndEncrypt,
        user,
        pass,
        dir,
        keystore,
        keystorePassword,
        keystoreAlias,
        serverTrust);
  }

  /** These settings with another server trust and directory (keystore under it). */
  public OpcUaSecuritySettings withTrust(ServerTrust trust, Path otherDir) {
    return new OpcUaSecuritySettings(
        policy,
        signAndEncrypt,
        username,
        password,
        otherDir,
        otherDir.resolve("vitrum-client.p12"),
        keystorePassword,
        keystoreAlias,
        trust);
  }

  /** Whether the connection is signed (and maybe encrypted), needing a certificate. */
  public boolean secured() {
    return policy != Policy.NONE;
  }

  /** Whether a username token is sent. */
  public boolean hasUser() {
    return !username.isBlank();
  }

  private static <E extends Enum<E>> E choice(Class<E> type, String text, String key) {
    String wanted = text.trim().replace('-', '_');
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(wanted)) {
        return e;
      }
    }
    throw new IllegalArgumentException(
        "vitrum.opcua.security."
            + key
            + " '"
            + text
            + "' is not one of "
            + java.util.Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .toList());
  }
}
