package io.vitrum.http.routes;

import io.vitrum.http.auth.Endpoint;
import io.vitrum.http.errors.Problem;
import io.vitrum.http.errors.ProblemException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.ContentEncoding;
import org.apache.pekko.http.javadsl.model.headers.ETag;
import org.apache.pekko.http.javadsl.model.headers.EntityTag;
import org.apache.pekko.http.javadsl.model.headers.HttpEncodings;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The operator's dashboard (built from {@code http/web/}), which anyone may load; every call it
 * makes to {@code /api} and {@code /ws} carries the signed-in user's token. {@code /} and each
 * view's own address ({@code /furnaces/F1}, {@code /incidents/...}) answer the page, which is
 * revalidated on every load ({@code no-cache} with an entity tag); {@code /assets/*} are the
 * content-hashed scripts and styles, cached for a year as immutable. Both are sent gzipped to
 * clients that accept it (compressed once, at first load).
 */
public final class DashboardRoutes extends AllDirectives {
  /** The page and the files it loads: public, not secured. */
  public static final List<Endpoint> ENDPOINTS =
      List.of(
          Endpoint.get("/", Endpoint.Scope.PLANT),
          Endpoint.get("/{view}", Endpoint.Scope.PLANT),
          Endpoint.get("/assets/{file}", Endpoint.Scope.PLANT));

  /** The first path segment of each view of the dashboard (its router has the same table). */
  static final Set<String> VIEWS =
      Set.of("furnaces", "twin", "incidents", "inspection", "models", "ingest", "audit", "ask");

  /**
   * Scripts only from this node; styles may be inline (the chart and graph libraries set them); the
   * page may talk only to this node (its API and WebSocket) and be framed by no one.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
          + "img-src 'self' data: blob:; connect-src 'self'; worker-src 'self' blob:; "
          + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

  private static final String PAGE_CACHE = "no-cache";
  private static final String ASSET_CACHE = "public, max-age=31536000, immutable";

  private final WebAssets assets;

  public DashboardRoutes() {
    this(new WebAssets(DashboardRoutes.class.getClassLoader()));
  }

  DashboardRoutes(WebAssets assets) {
    this.assets = assets;
  }

  public Route routes() {
    return concat(
        pathSingleSlash(() -> RouteTemplate.named("/", () -> get(this::page))),
        pathPrefix(
            "assets",
            () ->
                extractUnmatchedPath(
                    rest ->
                        RouteTemplate.named(
                            "/assets/{file}",
                            () -> get(() -> asset("assets" + rest, ASSET_CACHE))))),
        pathPrefix(
            PathMatchers.segment(),
            view ->
                VIEWS.contains(view)
                    ? RouteTemplate.named("/{view}", () -> get(this::page))
                    : reject()));
  }

  private Route page() {
    return respondWithHeaders(
        List.of(
            RawHeader.create("Content-Security-Policy", CONTENT_SECURITY_POLICY),
            RawHeader.create("X-Content-Type-Options", "nosniff"),
            RawHeader.create("Referrer-Policy", "no-referrer")),
        () -> asset(WebAssets.INDEX, PAGE_CACHE));
  }

  private Route asset(String name, String cacheControl) {
    return extractRequest(
        request -> {
          Optional<WebAsset> found = assets.find(name);
          if (found.isEmpty()) {
            return name.equals(WebAssets.INDEX) ? notBuilt() : noSuchAsset(name);
          }
          return complete(response(found.get(), request, cacheControl));
        });
  }

  static HttpResponse response(WebAsset asset, HttpRequest request, String cacheControl) {
    ETag etag = ETag.create(EntityTag.create(asset.etag(), false));
    HttpHeader cache = RawHeader.create("Cache-Control", cacheControl);
    HttpHeader vary = RawHeader.create("Vary", "Accept-Encoding");
    String ifNoneMatch = header(request, "if-none-match");
    if (ifNoneMatch.contains("\"" + asset.etag() + "\"")) {
      return HttpResponse.create()
          .withStatus(StatusCodes.NOT_MODIFIED)
          .addHeaders(List.of(etag, cache, vary));
    }
    boolean gzip =
        asset.gzipped() != null
            && header(request, "accept-encoding").toLowerCase(Locale.ROOT).contains("gzip");
    HttpResponse response =
        HttpResponse.create()
            .withEntity(
                HttpEntities.create(asset.contentType(), gzip ? asset.gzipped() : asset.bytes()))
            .addHeaders(List.of(etag, cache, vary));
    return gzip ? response.addHeader(ContentEncoding.create(HttpEncodings.GZIP)) : response;
  }

  private static String header(HttpRequest request, String name) {
    return request.getHeader(name).map(HttpHeader::value).orElse("");
  }

  private Route noSuchAsset(String name) {
    throw new ProblemException(
        Problem.of(
            404,
            "asset-not-found",
            "No such file of the dashboard",
            "the dashboard's build has no file " + name.substring(name.indexOf('/') + 1)));
  }

  private Route notBuilt() {
    throw new ProblemException(
        Problem.of(
            503,
            "dashboard-not-built",
            "The dashboard is not built",
            "this node's classpath has no io/vitrum/http/web/index.html: build the http module"
                + " (mvn package runs npm in http/web)"));
  }
}
