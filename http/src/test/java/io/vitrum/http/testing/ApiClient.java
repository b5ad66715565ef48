package io.vitrum.http.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Optional;

/**
 * A blocking HTTP/1.1 client for one base URL, as an integrator would call the API: real sockets,
 * the JDK client, bodies read with a plain Jackson mapper (not the server's).
 */
public final class ApiClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  public ApiClient(URI base) {
    this.base = base;
  }

  /** A response with its body as text; {@link #json()} parses it. */
  public record Reply(int status, HttpResponse<String> raw) {
    public String body() {
      return raw.body();
    }

    public JsonNode json() {
      try {
        return JSON.readTree(raw.body());
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + raw.body(), e);
      }
    }

    public Optional<String> header(String name) {
      return raw.headers().firstValue(name);
    }

    public String contentType() {
      return header("Content-Type").orElse("");
    }

    @Override
    public String toString() {
      return status + " " + raw.body();
    }
  }

  public Reply get(String path, String... headers) {
    return send("GET", path, BodyPublishers.noBody(), headers);
  }

  /** POST without a body. */
  public Reply post(String path, String... headers) {
    return send("POST", path, BodyPublishers.noBody(), headers);
  }

  public Reply delete(String path, String... headers) {
    return send("DELETE", path, BodyPublishers.noBody(), headers);
  }

  public Reply postJson(String path, String json, String... headers) {
    return sendJson("POST", path, json, headers);
  }

  public Reply putJson(String path, String json, String... headers) {
    return sendJson("PUT", path, json, headers);
  }

  public Reply sendJson(String method, String path, String json, String... headers) {
    String[] all = new String[headers.length + 2];
    all[0] = "Content-Type";
    all[1] = "application/json";
    System.arraycopy(headers, 0, all, 2, headers.length);
    return send(method, path, BodyPublishers.ofString(json), all);
  }

  /** Sends {@code method path} with {@code body}; {@code headers} are name, value pairs. */
  public Reply send(String method, String path, BodyPublisher body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(20))
            .method(method, body);
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> response = client.send(request.build(), BodyHandlers.ofString());
      return new Reply(response.statusCode(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
