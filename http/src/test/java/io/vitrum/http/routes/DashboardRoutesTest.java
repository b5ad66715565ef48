package io.vitrum.http.routes;

import static io.vitrum.http.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrum.http.testing.ApiClient;
import io.vitrum.http.testing.ApiClient.Reply;
import io.vitrum.http.testing.TestApi;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dashboard as the node serves it from its classpath (the build's real output): the page at
 * {@code /} and at every view's address without a token, revalidated by entity tag; the hashed
 * assets cached as immutable and gzipped on request (the same bytes once unzipped); anything
 * outside the build, or outside the views, is a 404 problem.
 */
@ExtendWith(LogCapturingExtension.class)
class DashboardRoutesTest {
  private static final Pattern SCRIPT = Pattern.compile("src=\"/(assets/[^\"]+\\.js)\"");

  private static TestApi api;
  private static ApiClient anonymous;

  @BeforeAll
  static void start() throws Exception {
    api = TestApi.start("DashboardRoutesTest");
    anonymous = api.client().withToken(null);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void thePageIsServedToAnyoneAtTheRootAndAtEveryView() {
    Reply root = anonymous.get("/");
    assertEquals(200, root.status(), root::toString);
    assertTrue(root.contentType().startsWith("text/html"), root.contentType());
    assertTrue(root.body().contains("<div id=\"app\">"), root.body());
    assertEquals("no-cache", root.header("Cache-Control").orElseThrow());
    String csp = root.header("Content-Security-Policy").orElseThrow();
    assertTrue(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"), csp);
    for (String view :
        new String[] {"/furnaces/F1", "/furnaces/F1/explanations", "/twin/F2", "/incidents/x-1"}) {
      Reply page = anonymous.get(view);
      assertEquals(200, page.status(), view);
      assertEquals(root.body(), page.body(), view);
    }
  }

  @Test
  void anUnchangedPageIsNotSentAgain() {
    String etag = anonymous.get("/").header("ETag").orElseThrow();
    Reply again = anonymous.get("/", "If-None-Match", etag);
    assertEquals(304, again.status(), again::toString);
    assertEquals("", again.body());
    assertEquals(200, anonymous.get("/", "If-None-Match", "\"something-else\"").status());
  }

  @Test
  void assetsAreImmutableAndGzippedForClientsThatAcceptIt()
      throws IOException, InterruptedException {
    Matcher script = SCRIPT.matcher(anonymous.get("/").body());
    assertTrue(script.find(), "the page loads a hashed script");
    String path = "/" + script.group(1);
    Reply plain = anonymous.get(path);
    assertEquals(200, plain.status(), plain::toString);
    assertTrue(plain.contentType().startsWith("application/javascript"), plain.contentType());
    assertEquals(
        "public, max-age=31536000, immutable", plain.header("Cache-Control").orElseThrow());
    assertTrue(plain.header("Content-Encoding").isEmpty(), "no gzip unless asked");

    HttpResponse<byte[]> zipped =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                    .header("Accept-Encoding", "gzip, deflate, br")
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, zipped.statusCode());
    assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElseThrow());
    byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes();
    assertTrue(zipped.body().length < unzipped.length / 2, "the script compresses well");
    assertArrayEquals(plain.body().getBytes(StandardCharsets.UTF_8), unzipped);
  }

  @Test
  void filesOutsideTheBuildAndUnknownViewsAreNotFound() {
    assertProblem(anonymous.get("/assets/nothing-here.js"), 404, "asset-not-found");
    assertProblem(anonymous.get("/assets/..%2Fapplication.conf"), 404, "asset-not-found");
    assertEquals(404, anonymous.get("/assets/../../reference.conf").status());
    assertProblem(anonymous.get("/assets/index.html.class"), 404, "asset-not-found");
    assertProblem(anonymous.get("/no-such-view"), 404, "not-found");
    assertEquals(405, anonymous.post("/furnaces/F1").status(), "the page is only read");
  }

  @Test
  void onlyTheClassesOfTheWebFolderAreReachable() {
    WebAssets assets = new WebAssets(DashboardRoutesTest.class.getClassLoader());
    assertTrue(assets.find(WebAssets.INDEX).isPresent());
    assertTrue(assets.find("../reference.conf").isEmpty());
    assertTrue(assets.find("/etc/passwd").isEmpty());
    assertTrue(assets.find("assets//x.js").isEmpty());
  }
}
