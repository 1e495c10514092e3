package dev.dialtone.http;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a handler answers: a status, a body (or none) and extra headers. The body is written as
 * JSON, except a {@link Page}, which is an HTML page of the agent console; {@code body} is null for
 * a reply without one.
 */
public record Reply(int status, @Nullable Object body, Map<String, String> headers) {
  public Reply {
    headers = Map.copyOf(headers);
  }

  public static Reply ok(Object body) {
    return new Reply(200, body, Map.of());
  }

  public static Reply created(Object body, String location) {
    return new Reply(201, body, Map.of("Location", location));
  }

  public static Reply created(Object body) {
    return new Reply(201, body, Map.of());
  }

  /** A reply with this status and no body at all. */
  public static Reply empty(int status) {
    return new Reply(status, null, Map.of());
  }

  /** An HTML document, already rendered (and escaped) by a template. */
  public record Page(String html) {}

  /**
   * A file as it is stored, such as a script or a style sheet of the console. Written out as is and
   * never compared, so the array's identity equality does not matter.
   */
  @SuppressWarnings("ArrayRecordComponent")
  public record Bytes(String contentType, byte[] bytes) {}

  public static Reply bytes(String contentType, byte[] bytes) {
    return new Reply(200, new Bytes(contentType, bytes), Map.of());
  }

  public static Reply html(int status, String html) {
    return new Reply(status, new Page(html), Map.of());
  }

  /** 303 See Other: after a form, the browser loads {@code location} with a GET. */
  public static Reply redirect(String location) {
    return new Reply(303, null, Map.of("Location", location));
  }

  /** This reply shows a secret once: {@code Cache-Control: no-store}, and no {@code ETag}. */
  public Reply noStore() {
    return withHeader("Cache-Control", Responses.NO_STORE);
  }

  public Reply withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Reply(status, body, more);
  }
}
