package io.vitrum.http.routes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The API's OpenAPI 3.1 document, {@code openapi/vitrum.yaml} on the classpath, read once. */
public final class OpenApiDocument {
  /** Where the document lies on the classpath. */
  public static final String RESOURCE = "/openapi/vitrum.yaml";

  private static final byte[] YAML = load();

  private OpenApiDocument() {}

  /** The document's bytes (UTF-8 YAML). */
  public static byte[] yaml() {
    return YAML.clone();
  }

  private static byte[] load() {
    try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
