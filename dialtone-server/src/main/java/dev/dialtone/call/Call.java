package dev.dialtone.call;

import dev.dialtone.api.CallField;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One stored call record: a value for every field of the catalogue, null where unset. Ids and
 * counts are {@link Long}, flags {@link Boolean}, timestamps {@link Instant}, the rest {@link
 * String}.
 */
public record Call(Map<CallField, Object> values) {
  public Call {
    EnumMap<CallField, Object> copy = new EnumMap<>(CallField.class);
    for (CallField field : CallField.values()) {
      copy.put(field, values.get(field));
    }
    values = Collections.unmodifiableMap(copy);
  }

  public @Nullable Object value(CallField field) {
    return values.get(field);
  }

  public long id() {
    return (Long) Objects.requireNonNull(values.get(CallField.ID)); // a stored call has an id
  }

  public long accountId() {
    return (Long) Objects.requireNonNull(values.get(CallField.ACCOUNT_ID));
  }

  public @Nullable Long ticketId() {
    return (Long) values.get(CallField.TICKET_ID);
  }

  public @Nullable Long longValue(CallField field) {
    return (Long) values.get(field);
  }

  public @Nullable String stringValue(CallField field) {
    return (String) values.get(field);
  }

  public @Nullable Instant updatedAt() {
    return (Instant) values.get(CallField.UPDATED_AT);
  }
}
