package dev.dialtone.http;

import dev.dialtone.api.ErrorBody;
import dev.dialtone.api.ErrorCode;
import java.util.Map;

/** Renders every {@link ApiException} into Zendesk's body shape for its code (docs/errors.md). */
public final class ErrorMapper {
  private ErrorMapper() {}

  /** The whole reply for this error: its status, body and headers. */
  public static Reply reply(ApiException e) {
    return new Reply(e.code().status(), body(e), headers(e));
  }

  /** The JSON body, in the shape {@link ErrorBody} gives the exception's code. */
  public static ErrorBody body(ApiException e) {
    return ErrorBody.of(e.code(), e.description(), e.details());
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
