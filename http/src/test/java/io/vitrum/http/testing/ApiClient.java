package io.vitrum.http.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A blocking HTTP/1.1 client for one base URL, as an integrator would call the API: real sockets,
 * the JDK client, bodies read with a plain Jackson mapper (not the server's).
 */
public final class ApiClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final URI base;
  private final String token;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** A client that sends the tests' admin token. */
  public ApiClient(URI base) {
    this(base, TestSecurity.admin());
  }

  /** A client that sends {@code token} as its bearer token, or none when it is null. */
  public ApiClient(URI base, String token) {
    this.base = base;
    this.token = token;
  }

  /** This client with {@code other} as its bearer token (null: none). */
  public ApiClient withToken(String other) {
    return new ApiClient(base, other);
  }

  /** The bearer token this client sends, or null. */
  public String token() {
    return token;
  }

  /** A response: status, headers (names case-insensitive) and body text. */
  public record Reply(int status, HttpHeaders headers, String body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    public Optional<String> header(String name) {
      return headers.firstValue(name);
    }

    public String contentType() {
      return header("Content-Type").orElse("");
    }

    @Override
    public String toString() {
      return status + " " + body;
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
        HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).method(method, body);
    boolean authorization = false;
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
      authorization |= headers[i].equalsIgnoreCase("Authorization");
    }
    if (token != null && !authorization) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> response = client.send(request.build(), BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /**
   * POSTs the head of a request whose JSON body declares {@code contentLength} bytes, sends none of
   * the body, and reads the answer: how a server that refuses a body by its declared size answers
   * without reading it. A raw socket, because a client that insists on writing a large body sees a
   * broken pipe instead of the answer once the server closes (the JDK client does, and its Expect:
   * 100-continue waits forever for a final status in JDK 17).
   */
  public Reply postDeclaringLength(String path, long contentLength, String... headers) {
    StringBuilder head =
        new StringBuilder("POST ")
            .append(base.resolve(path).getRawPath())
            .append(" HTTP/1.1\r\nHost: ")
            .append(base.getHost())
            .append(':')
            .append(base.getPort())
            .append("\r\nContent-Type: application/json\r\nContent-Length: ")
            .append(contentLength)
            .append("\r\n");
    if (token != null) {
      head.append("Authorization: Bearer ").append(token).append("\r\n");
    }
    for (int i = 0; i < headers.length; i += 2) {
      head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
    }
    head.append("\r\n");
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout((int) TIMEOUT.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return readResponse(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException("POST " + path + " failed", e);
    }
  }

  /**
   * Writes {@code request} as it is to a new connection, leaves the connection open and reads one
   * response: for requests that the JDK client refuses to send (malformed request lines, bad
   * percent-encoding, unknown methods) or bodies that stop short of their declared length.
   */
  public Reply sendRaw(byte[] request) {
    return sendRawAsIs(withToken(request));
  }

  /** {@link #sendRaw(byte[])} without adding this client's token. */
  public Reply sendRawAsIs(byte[] request) {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout((int) TIMEOUT.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(request);
      out.flush();
      return readResponse(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException("raw request failed", e);
    }
  }

  /** {@code request} with this client's token after its request line, unless it carries one. */
  private byte[] withToken(byte[] request) {
    String text = new String(request, StandardCharsets.ISO_8859_1);
    int line = text.indexOf("\r\n");
    if (token == null
        || line < 0
        || text.toLowerCase(java.util.Locale.ROOT).contains("\nauthorization:")) {
      return request;
    }
    return (text.substring(0, line + 2)
            + "Authorization: Bearer "
            + token
            + "\r\n"
            + text.substring(line + 2))
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  /** {@link #sendRaw(byte[])} of {@code request}, whose characters are all ISO-8859-1. */
  public Reply sendRaw(String request) {
    return sendRaw(request.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static Reply readResponse(InputStream in) throws IOException {
    String statusLine = readLine(in);
    int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
      int colon = line.indexOf(':');
      headers
          .computeIfAbsent(line.substring(0, colon).trim(), k -> new ArrayList<>())
          .add(line.substring(colon + 1).trim());
    }
    int length = Integer.parseInt(headers.getOrDefault("Content-Length", List.of("0")).get(0));
    byte[] body = in.readNBytes(length);
    return new Reply(
        status,
        HttpHeaders.of(headers, (name, value) -> true),
        new String(body, StandardCharsets.UTF_8));
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed in the response head");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }
}
