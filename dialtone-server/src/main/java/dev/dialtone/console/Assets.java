package dev.dialtone.console;

import dev.dialtone.auth.Access;
import dev.dialtone.http.ApiException;
import dev.dialtone.http.Reply;
import dev.dialtone.route.ApiRequest;
import dev.dialtone.route.Route;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The console's scripts and style sheets, served under names that carry a hash of their content
 * ({@code console.3f2a9c01d4.css}), so a browser may keep each for a year and still never runs an
 * old one after an upgrade.
 */
public final class Assets {
  static final String PREFIX = "/agent/assets/";
  private static final List<String> FILES = List.of("console.css", "console.js");

  @SuppressWarnings("ArrayRecordComponent") // served as is, never compared
  private record Asset(String url, String contentType, byte[] bytes) {}

  private final Map<String, Asset> byName = new LinkedHashMap<>();
  private final Map<String, Asset> byUrlName = new LinkedHashMap<>();

  public Assets() {
    for (String file : FILES) {
      byte[] bytes = read(file);
      int dot = file.lastIndexOf('.');
      String hashed = file.substring(0, dot) + "." + hash(bytes) + file.substring(dot);
      Asset asset = new Asset(PREFIX + hashed, contentType(file), bytes);
      byName.put(file, asset);
      byUrlName.put(hashed, asset);
    }
  }

  /** The URL a page links to for {@code file}, such as {@code console.css}. */
  public String url(String file) {
    return Objects.requireNonNull(byName.get(file), "an asset of FILES").url();
  }

  List<Route> routes() {
    return List.of(
        Route.page("console.assets", PREFIX + "{file}", Access.PUBLIC, this::serve)
            .summary("The console's scripts and styles, cached for a year under hashed names"));
  }

  private Reply serve(ApiRequest request) {
    Asset asset = byUrlName.get(request.pathParam("file"));
    if (asset == null) {
      throw ApiException.invalidEndpoint();
    }
    return Reply.bytes(asset.contentType(), asset.bytes())
        .withHeader("Cache-Control", "public, max-age=31536000, immutable")
        .withHeader("X-Content-Type-Options", "nosniff");
  }

  private static byte[] read(String file) {
    try (InputStream in = Assets.class.getResourceAsStream("/console/" + file)) {
      return Objects.requireNonNull(in, "console/" + file + " is in the jar").readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String hash(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 5);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static String contentType(String file) {
    return file.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
  }
}
