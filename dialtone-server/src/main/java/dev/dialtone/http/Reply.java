package dev.dialtone.http;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What a handler answers: a status, a JSON body (or none) and extra headers. */
/** {@code body} is null for a reply without one. */
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

  public Reply withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Reply(status, body, more);
  }
}
