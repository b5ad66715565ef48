package io.vitrum.http.routes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpCharsets;
import org.apache.pekko.http.javadsl.model.MediaTypes;

/**
 * The dashboard's built files, read from the classpath under {@code io/vitrum/http/web/} (where the
 * build puts Vite's output) the first time each is asked for and kept: the build is a few hundred
 * kilobytes, fixed for the life of the node. Only plain relative names are looked up (letters,
 * digits, {@code . _ -} and single slashes, no {@code ..}), so a request can never leave the
 * folder.
 */
final class WebAssets {
  static final String ROOT = "io/vitrum/http/web/";
  static final String INDEX = "index.html";

  private static final Pattern SAFE_NAME =
      Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]*(/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*");
  private static final Map<String, ContentType> TYPES =
      Map.of(
          "html", ContentTypes.TEXT_HTML_UTF8,
          "js", ContentTypes.create(MediaTypes.APPLICATION_JAVASCRIPT, HttpCharsets.UTF_8),
          "css", ContentTypes.create(MediaTypes.TEXT_CSS, HttpCharsets.UTF_8),
          "svg", ContentTypes.create(MediaTypes.IMAGE_SVG_XML),
          "png", ContentTypes.create(MediaTypes.IMAGE_PNG),
          "woff2", ContentTypes.create(MediaTypes.applicationBinary("font-woff2", false)),
          "json", ContentTypes.APPLICATION_JSON,
          "wasm", ContentTypes.create(MediaTypes.applicationBinary("wasm", false)));

  private final ClassLoader loader;
  private final Map<String, Optional<WebAsset>> loaded = new ConcurrentHashMap<>();

  WebAssets(ClassLoader loader) {
    this.loader = loader;
  }

  /** The file {@code name} (e.g. {@code assets/index-3f2a.js}), if the build has it. */
  Optional<WebAsset> find(String name) {
    if (!SAFE_NAME.matcher(name).matches() || name.contains("..")) {
      return Optional.empty();
    }
    return loaded.computeIfAbsent(name, this::load);
  }

  private Optional<WebAsset> load(String name) {
    int dot = name.lastIndexOf('.');
    ContentType type = dot < 0 ? null : TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    if (type == null) {
      return Optional.empty();
    }
    try (InputStream in = loader.getResourceAsStream(ROOT + name)) {
      return in == null ? Optional.empty() : Optional.of(WebAsset.of(type, in.readAllBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the dashboard file " + name, e);
    }
  }
}
