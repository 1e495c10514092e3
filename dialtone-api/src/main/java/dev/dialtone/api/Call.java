package dev.dialtone.api;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One call record: a value for every field of the {@link CallField} catalogue, null where unset.
 * Each value has its field's {@link FieldType#javaType()} (ids and counts {@link Long}, flags
 * {@link Boolean}, timestamps {@link Instant}, the rest {@link String}), checked when the call is
 * made, so the typed readers below never fail on a field of the right type. On the wire it is the
 * {@code call} object of docs/api.md ({@link CallCodec}).
 */
@JsonSerialize(using = CallCodec.Encoder.class)
@JsonDeserialize(using = CallCodec.Decoder.class)
public final class Call {
  private final Map<CallField, Object> values;

  private Call(Map<CallField, Object> values) {
    this.values = values;
  }

  /**
   * The call with these values; a field left out is unset.
   *
   * @throws IllegalArgumentException if a value is not of its field's type
   */
  public static Call of(Map<CallField, ?> values) {
    EnumMap<CallField, Object> copy = new EnumMap<>(CallField.class);
    values.forEach(
        (field, value) -> {
          if (value != null) {
            if (!field.type().javaType().isInstance(value)) {
              throw new IllegalArgumentException(
                  field.wireName()
                      + " takes a "
                      + field.type().javaType().getSimpleName()
                      + ", not a "
                      + value.getClass().getSimpleName());
            }
            copy.put(field, value);
          }
        });
    return new Call(Collections.unmodifiableMap(copy));
  }

  /** The value of a field in its Java type, or null: for comparing and rendering any field. */
  public @Nullable Object value(CallField field) {
    return values.get(field);
  }

  /** The value of an {@link FieldType#ID} or {@link FieldType#COUNT} field, or null. */
  public @Nullable Long number(CallField field) {
    return typed(field, Long.class);
  }

  /** The value of a {@link FieldType#BOOLEAN} field, or null. */
  public @Nullable Boolean flag(CallField field) {
    return typed(field, Boolean.class);
  }

  /** The value of a {@link FieldType#STRING}, {@link FieldType#URL} or enum field, or null. */
  public @Nullable String text(CallField field) {
    return typed(field, String.class);
  }

  /** The value of a {@link FieldType#TIMESTAMP} field, or null. */
  public @Nullable Instant instant(CallField field) {
    return typed(field, Instant.class);
  }

  /** The value as JSON shows it: a timestamp as its UTC string, the rest as they are, or null. */
  public @Nullable Object wireValue(CallField field) {
    Object value = values.get(field);
    return value instanceof Instant instant ? Timestamps.render(instant) : value;
  }

  /** The call's id; set on every stored call. */
  public long id() {
    return Objects.requireNonNull(number(CallField.ID), "a call not yet stored has no id");
  }

  /** The account the call belongs to; set on every stored call. */
  public long accountId() {
    return Objects.requireNonNull(number(CallField.ACCOUNT_ID), "a call not yet stored has none");
  }

  /** The ticket the call is linked to, or null. */
  public @Nullable Long ticketId() {
    return number(CallField.TICKET_ID);
  }

  /** When the call was last written; set on every stored call. */
  public Instant updatedAt() {
    return Objects.requireNonNull(instant(CallField.UPDATED_AT), "a call not yet stored has none");
  }

  private <T> @Nullable T typed(CallField field, Class<T> type) {
    if (field.type().javaType() != type) {
      throw new IllegalArgumentException(
          field.wireName() + " is a " + field.type() + " field, not a " + type.getSimpleName());
    }
    return type.cast(values.get(field));
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Call call && values.equals(call.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "Call" + values;
  }
}
