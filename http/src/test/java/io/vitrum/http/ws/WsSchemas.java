package io.vitrum.http.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.util.Set;

/**
 * The schemas of {@code openapi/websocket.yaml}, as the OpenAPI document will hold them (under
 * {@code components.schemas}), ready to validate messages.
 */
final class WsSchemas {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final JsonNode SCHEMAS = load();

  private WsSchemas() {}

  private static JsonNode load() {
    try (InputStream in = WsSchemas.class.getResourceAsStream("/openapi/websocket.yaml")) {
      return YAML.readTree(in);
    } catch (Exception e) {
      throw new IllegalStateException("cannot read openapi/websocket.yaml", e);
    }
  }

  static JsonNode all() {
    return SCHEMAS;
  }

  /** The schema {@code name}, with every other one reachable by its {@code $ref}. */
  static JsonSchema schema(String name) {
    ObjectNode root = YAML.createObjectNode();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.put("$ref", "#/components/schemas/" + name);
    root.putObject("components").set("schemas", SCHEMAS);
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
  }

  static Set<ValidationMessage> validate(String name, JsonNode message) {
    return schema(name).validate(message);
  }
}
