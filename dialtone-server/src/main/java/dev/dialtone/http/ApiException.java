package dev.dialtone.http;

import dev.dialtone.api.ErrorCode;
import dev.dialtone.api.FieldError;
import dev.dialtone.api.FieldErrorCode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The one failure every request ends in when it does not succeed. It carries a code from the closed
 * catalogue, a description, and for validation the per-field details; {@link ErrorMapper} renders
 * it. Build them with the static factories so call sites read {@code throw notFound()}.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final Map<String, List<FieldError>> details;
  private final @Nullable Duration retryAfter;

  private ApiException(
      ErrorCode code,
      String description,
      Map<String, List<FieldError>> details,
      @Nullable Duration retryAfter) {
    super(description, null, false, false);
    this.code = code;
    this.details = details;
    this.retryAfter = retryAfter;
  }

  private ApiException(ErrorCode code, String description, Map<String, List<FieldError>> details) {
    this(code, description, details, null);
  }

  /** A 429 or 503 that tells the client when to try again ({@code Retry-After}). */
  public static ApiException retryLater(ErrorCode code, String description, Duration after) {
    return new ApiException(code, description, Map.of(), after);
  }

  public static ApiException of(ErrorCode code, String description) {
    return new ApiException(code, description, Map.of());
  }

  public static ApiException notFound() {
    return of(ErrorCode.RECORD_NOT_FOUND, "Not found");
  }

  public static ApiException invalidEndpoint() {
    return of(ErrorCode.INVALID_ENDPOINT, "Not found");
  }

  public static ApiException couldNotAuthenticate() {
    return of(ErrorCode.COULD_NOT_AUTHENTICATE, "");
  }

  public static ApiException invalidToken() {
    return of(
        ErrorCode.INVALID_TOKEN,
        "The access token provided is expired, revoked, malformed or invalid for other reasons.");
  }

  public static ApiException forbidden() {
    return of(
        ErrorCode.FORBIDDEN,
        "You do not have access to this page. Please contact the account owner of this help desk"
            + " for further help.");
  }

  public static ApiException invalidJson(String description) {
    return of(ErrorCode.INVALID_JSON, description);
  }

  /** A 422 naming one field; for several, collect them in {@link FieldErrors}. */
  public static ApiException invalid(
      String field, String label, FieldErrorCode code, String message) {
    return new FieldErrors().add(field, label, code, message).toException();
  }

  static ApiException recordInvalid(Map<String, List<FieldError>> details) {
    return new ApiException(
        ErrorCode.RECORD_INVALID, "Record validation errors", new LinkedHashMap<>(details));
  }

  public ErrorCode code() {
    return code;
  }

  public String description() {
    // Every factory takes a non-null description, which is the message.
    return Objects.requireNonNull(getMessage());
  }

  public Map<String, List<FieldError>> details() {
    return details;
  }

  /** When the client may try again, for a {@code Retry-After} header; null when not said. */
  public @Nullable Duration retryAfter() {
    return retryAfter;
  }
}
