package dev.dialtone.http;

import dev.dialtone.api.FieldError;
import dev.dialtone.api.FieldErrorCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects every failing field of one request, so a 422 names them all at once. The map it builds
 * is exactly the {@code details} of Zendesk's {@code RecordInvalid}.
 */
public final class FieldErrors {
  private final Map<String, List<FieldError>> byField = new LinkedHashMap<>();

  public FieldErrors add(String field, String label, FieldErrorCode code, String message) {
    byField
        .computeIfAbsent(field, f -> new ArrayList<>())
        .add(new FieldError(label + ": " + message, code));
    return this;
  }

  public boolean has(String field) {
    return byField.containsKey(field);
  }

  public boolean isEmpty() {
    return byField.isEmpty();
  }

  public ApiException toException() {
    return ApiException.recordInvalid(byField);
  }

  /** Throws the collected errors as one 422 if there are any. */
  public void throwIfAny() {
    if (!byField.isEmpty()) {
      throw toException();
    }
  }
}
