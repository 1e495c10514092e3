package dev.dialtone.http;

import dev.dialtone.api.ErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Renders every {@link ApiException} into Zendesk's body shape for its code (docs/errors.md). */
public final class ErrorMapper {
  private ErrorMapper() {}

  /** The whole reply for this error: its status, body and headers. */
  public static Reply reply(ApiException e) {
    return new Reply(e.code().status(), body(e), headers(e));
  }

  /** The JSON body, as an ordered map ready for {@link Json}. */
  public static Map<String, Object> body(ApiException e) {
    Map<String, Object> body = new LinkedHashMap<>();
    switch (e.code()) {
      case COULD_NOT_AUTHENTICATE -> body.put("error", e.code().wireName());
      case INVALID_TOKEN -> {
        body.put("error", e.code().wireName());
        body.put("error_description", e.description());
      }
      case FORBIDDEN -> {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("title", e.code().wireName());
        error.put("message", e.description());
        body.put("error", error);
      }
      case RECORD_INVALID -> {
        body.put("error", e.code().wireName());
        body.put("description", e.description());
        body.put("details", e.details());
      }
      default -> {
        body.put("error", e.code().wireName());
        body.put("description", e.description());
      }
    }
    return body;
  }

  /** Headers the response to this error must carry besides the common ones. */
  public static Map<String, String> headers(ApiException e) {
    if (e.code() == ErrorCode.COULD_NOT_AUTHENTICATE) {
      return Map.of("WWW-Authenticate", "Basic realm=\"Web Password\"");
    }
    if (e.retryAfter() != null) {
      // Whole seconds, rounded up, and never 0: "try again now" would invite a busy loop.
      long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
      return Map.of("Retry-After", Long.toString(seconds));
    }
    return Map.of();
  }
}
