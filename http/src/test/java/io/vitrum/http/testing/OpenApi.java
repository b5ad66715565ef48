package io.vitrum.http.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vitrum.http.routes.OpenApiDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The committed OpenAPI document as the tests read it: its operations, with their roles and scope
 * ({@code x-vitrum-roles}, {@code x-vitrum-scope}), and a way to call each one on a real server.
 */
public final class OpenApi {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

  private OpenApi() {}

  /** One documented operation. */
  public record Operation(
      String method,
      String template,
      boolean isPublic,
      List<String> roles,
      String scope,
      Set<String> responses) {
    @Override
    public String toString() {
      return method + " " + template;
    }
  }

  /** The document on the classpath. */
  public static JsonNode load() {
    return parse(new String(OpenApiDocument.yaml(), StandardCharsets.UTF_8));
  }

  public static JsonNode parse(String yaml) {
    try {
      return YAML.readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException("not YAML", e);
    }
  }

  /** Every operation of the document. */
  public static List<Operation> operations() {
    JsonNode doc = load();
    List<Operation> ops = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
          methods.hasNext(); ) {
        Map.Entry<String, JsonNode> m = methods.next();
        if (!METHODS.contains(m.getKey())) {
          continue;
        }
        JsonNode op = m.getValue();
        List<String> roles = new ArrayList<>();
        op.path("x-vitrum-roles").forEach(r -> roles.add(r.asText()));
        List<String> codes = new ArrayList<>();
        op.path("responses").fieldNames().forEachRemaining(codes::add);
        ops.add(
            new Operation(
                m.getKey().toUpperCase(java.util.Locale.ROOT),
                path.getKey(),
                op.has("security") && op.path("security").isEmpty(),
                roles,
                op.path("x-vitrum-scope").asText(),
                Set.copyOf(codes)));
      }
    }
    return ops;
  }

  /** The operation {@code method template}. */
  public static Operation operation(String method, String template) {
    return operations().stream()
        .filter(o -> o.method().equals(method) && o.template().equals(template))
        .findFirst()
        .orElseThrow(() -> new AssertionError(method + " " + template + " is not documented"));
  }

  /**
   * The path of {@code op} for objects of {@code furnace}: a furnace id, a tag of that furnace, or
   * the first allowed value of a path parameter with an enum, or a made-up id for other parameters.
   */
  public static String path(Operation op, String furnace) {
    String path = op.template();
    if (op.scope().equals("sensor")) {
      path = path.replaceFirst("\\{id}", furnace + ".crown.T1");
    }
    path = path.replaceFirst("\\{id}", furnace).replace("{furnace}", furnace);
    for (JsonNode parameter :
        load()
            .path("paths")
            .path(op.template())
            .path(op.method().toLowerCase(java.util.Locale.ROOT))
            .path("parameters")) {
      JsonNode allowed = parameter.path("schema").path("enum");
      if (parameter.path("in").asText().equals("path") && allowed.size() > 0) {
        path = path.replace("{" + parameter.path("name").asText() + "}", allowed.get(0).asText());
      }
    }
    return path.replaceAll("\\{[A-Za-z]+}", "x1");
  }

  /**
   * Calls {@code op} on {@code client} for {@code furnace}, with an empty JSON body if it takes
   * one.
   */
  public static ApiClient.Reply call(ApiClient client, Operation op, String furnace) {
    String path = path(op, furnace);
    return switch (op.method()) {
      case "GET", "DELETE" -> client.send(op.method(), path, BodyPublishers.noBody());
      default ->
          client.send(
              op.method(),
              path,
              BodyPublishers.ofString("{}"),
              "Content-Type",
              "application/json",
              "X-Vitrum-Furnace",
              furnace);
    };
  }
}
