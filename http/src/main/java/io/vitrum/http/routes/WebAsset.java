package io.vitrum.http.routes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;
import org.apache.pekko.http.javadsl.model.ContentType;

/**
 * One file of the dashboard's build, held in memory as it is served: its bytes, the same gzipped
 * (once, at load; {@code null} where gzip would not make it smaller) and a strong entity tag.
 */
record WebAsset(ContentType contentType, byte[] bytes, byte[] gzipped, String etag) {

  static WebAsset of(ContentType contentType, byte[] bytes) {
    byte[] gz = gzip(bytes);
    return new WebAsset(contentType, bytes, gz.length < bytes.length ? gz : null, etagOf(bytes));
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static String etagOf(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
