package io.vitrum.http.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * The schemas of the OpenAPI document ({@code components/schemas}) as JSON Schema 2020-12, to check
 * real messages against them.
 */
public final class Schemas {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  private Schemas() {}

  private static final java.util.Map<String, JsonSchema> BUILT =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** The named schema, its references resolved within the document. */
  public static JsonSchema named(String name) {
    return BUILT.computeIfAbsent(name, Schemas::build);
  }

  private static JsonSchema build(String name) {
    JsonNode components = OpenApi.load().path("components").path("schemas");
    if (!components.has(name)) {
      throw new AssertionError("no schema " + name + " in the OpenAPI document");
    }
    try {
      // Components become $defs of one schema whose root is the named one.
      String defs =
          JSON.writeValueAsString(components).replace("#/components/schemas/", "#/$defs/");
      ObjectNode root = JSON.createObjectNode();
      root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
      root.set("$defs", JSON.readTree(defs));
      root.put("$ref", "#/$defs/" + name);
      return FACTORY.getSchema(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Asserts that {@code message} (JSON text) is valid against the schema {@code name}. */
  public static void assertValid(String name, String message) {
    try {
      Set<ValidationMessage> errors = named(name).validate(JSON.readTree(message));
      assertTrue(errors.isEmpty(), name + ": " + errors + " in " + message);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + message, e);
    }
  }

  /** What is wrong with {@code message} against the schema {@code name}; empty when valid. */
  public static Set<ValidationMessage> validate(String name, JsonNode message) {
    return named(name).validate(message);
  }

  /** Whether {@code message} is valid against the schema {@code name}. */
  public static boolean valid(String name, String message) {
    try {
      return named(name).validate(JSON.readTree(message)).isEmpty();
    } catch (IOException e) {
      return false;
    }
  }
}
