package dev.dialtone.route;

import dev.dialtone.http.Json;
import dev.dialtone.http.Reply;
import dev.dialtone.http.Responses;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Zendesk's cache headers on API answers, as Rails' {@code Rack::ETag} and {@code
 * Rack::ConditionalGet} write them: a 200 or 201 with a JSON body carries a weak {@code ETag}, the
 * MD5 of its bytes, and {@code Cache-Control: max-age=0, private, must-revalidate}; any other
 * answer {@code no-cache}; a GET or HEAD whose {@code If-None-Match} names the ETag of its 200
 * answers 304 without a body. Outside the idempotency step, so a replay is tagged by the bytes it
 * replays; inside sign-in and the rate limit, so a 304 needs credentials and is counted.
 */
final class CacheHeaders implements Step {
  static final String REVALIDATE = "max-age=0, private, must-revalidate";

  @Override
  public boolean appliesTo(Route route) {
    return route.kind() == Route.Kind.API && route.surface() == Route.Surface.API;
  }

  @Override
  public @Nullable Reply apply(ApiRequest request, Chain next) {
    Reply reply = next.proceed();
    if (reply == null || reply.headers().containsKey("Cache-Control")) {
      return reply; // a route that decides for itself, such as a secret shown once (no-store)
    }
    Object body = reply.body();
    boolean tagged = reply.status() == 200 || reply.status() == 201;
    if (!tagged || body == null || body instanceof Reply.Page || body instanceof Reply.Bytes) {
      return reply.withHeader("Cache-Control", Responses.NO_CACHE);
    }
    // Serialized here, once: the digest is of the very bytes written.
    byte[] bytes = Json.write(body);
    String etag = "W/\"" + HexFormat.of().formatHex(md5(bytes)) + "\"";
    Map<String, String> headers = new LinkedHashMap<>(reply.headers());
    headers.put("ETag", etag);
    headers.put("Cache-Control", REVALIDATE);
    if (reply.status() == 200 && isRead(request.method()) && matches(request, etag)) {
      return new Reply(304, null, headers);
    }
    return new Reply(reply.status(), new Reply.Bytes(Responses.JSON, bytes), headers);
  }

  private static boolean isRead(String method) {
    return method.equals("GET") || method.equals("HEAD");
  }

  private static boolean matches(ApiRequest request, String etag) {
    List<String> values = request.headers("If-None-Match");
    for (String value : values) {
      if (listMatches(value, etag)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether an {@code If-None-Match} value names {@code etag}: {@code *}, or a comma-separated list
   * of entity tags compared weakly (RFC 9110 §13.1.2: {@code W/} does not matter). A tag sent
   * without its quotes is read as the quoted one, as lenient servers do.
   */
  static boolean listMatches(String value, String etag) {
    String opaque = opaque(etag);
    int i = 0;
    int n = value.length();
    while (i < n) {
      char c = value.charAt(i);
      if (c == ',' || c == ' ' || c == '\t') {
        i++;
        continue;
      }
      int start = i;
      if (value.startsWith("W/", i)) {
        i += 2;
      }
      int end;
      if (i < n && value.charAt(i) == '"') {
        int close = value.indexOf('"', i + 1);
        end = close < 0 ? n : close + 1;
      } else {
        int comma = value.indexOf(',', i);
        end = comma < 0 ? n : comma;
      }
      String tag = value.substring(start, end).strip();
      if (tag.equals("*") || opaque(tag).equals(opaque)) {
        return true;
      }
      i = Math.max(end, i + 1);
    }
    return false;
  }

  /** The tag without {@code W/} and without its quotes. */
  private static String opaque(String tag) {
    String strong = tag.startsWith("W/") ? tag.substring(2) : tag;
    if (strong.length() >= 2 && strong.startsWith("\"") && strong.endsWith("\"")) {
      return strong.substring(1, strong.length() - 1);
    }
    return strong;
  }

  private static byte[] md5(byte[] bytes) {
    try {
      return MessageDigest.getInstance("MD5").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is part of every JDK", e);
    }
  }
}
