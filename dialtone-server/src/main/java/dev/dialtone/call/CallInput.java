package dev.dialtone.call;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dialtone.api.CallField;
import dev.dialtone.api.CallField.Flag;
import dev.dialtone.api.FieldErrorCode;
import dev.dialtone.api.Timestamps;
import dev.dialtone.http.FieldErrors;
import dev.dialtone.http.HttpUrl;
import dev.dialtone.http.Json;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@code call} object of a POST or PATCH against the catalogue (docs/api.md): types,
 * ranges, closed sets, lengths, timestamps, mandatory and read-only rules. Every failing field is
 * collected so one 422 names them all. References to other records are checked afterwards, inside
 * the write's transaction, by {@link CallReferences}.
 */
final class CallInput {
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  /** The values to store, and the keys that named no field. */
  record Parsed(Map<CallField, Object> values, List<String> unknownKeys) {}

  private CallInput() {}

  static Parsed forCreate(ObjectNode call, FieldErrors errors) {
    Parsed parsed = read(call, errors);
    if (call.has(CallField.TICKET_ID.wireName())) {
      // Zendesk rejects ticket_id on create even when null: docs/decisions.md.
      errors.add(
          CallField.TICKET_ID.wireName(),
          CallField.TICKET_ID.label(),
          FieldErrorCode.NotAllowed,
          "cannot be set when creating a call; create the call first, then link a ticket with"
              + " PATCH or add a comment");
      parsed.values().remove(CallField.TICKET_ID);
    }
    for (CallField field : CallField.mandatory()) {
      if (!errors.has(field.wireName()) && isBlank(parsed.values().get(field))) {
        errors.add(field.wireName(), field.label(), FieldErrorCode.BlankValue, "cannot be blank");
      }
    }
    return parsed;
  }

  static Parsed forPatch(ObjectNode call, Call stored, FieldErrors errors) {
    Parsed parsed = read(call, errors);
    for (Map.Entry<CallField, Object> entry : parsed.values().entrySet()) {
      CallField field = entry.getKey();
      if (field.isMandatory() && isBlank(entry.getValue())) {
        errors.add(field.wireName(), field.label(), FieldErrorCode.BlankValue, "cannot be blank");
      } else if (field.is(Flag.CREATE_ONLY)
          && !java.util.Objects.equals(entry.getValue(), stored.value(field))) {
        errors.add(
            field.wireName(),
            field.label(),
            FieldErrorCode.NotAllowed,
            "cannot be changed after the call is created");
      }
    }
    return parsed;
  }

  private static Parsed read(ObjectNode call, FieldErrors errors) {
    Map<CallField, Object> values = new EnumMap<>(CallField.class);
    List<String> unknown = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : call.properties()) {
      CallField field = CallField.byName(entry.getKey()).orElse(null);
      if (field == null) {
        unknown.add(entry.getKey());
      } else if (!field.is(Flag.SERVER)) {
        Object value = value(field, entry.getValue(), errors);
        if (!errors.has(field.wireName())) {
          values.put(field, value);
        }
      }
    }
    return new Parsed(values, unknown);
  }

  /** The value to store for one field, or null with an error added. */
  private static @Nullable Object value(CallField field, JsonNode node, FieldErrors errors) {
    if (node.isNull()) {
      return null;
    }
    String name = field.wireName();
    String label = field.label();
    switch (field.type()) {
      case ID, COUNT -> {
        if (!node.isIntegralNumber()) {
          errors.add(
              name,
              label,
              FieldErrorCode.InvalidType,
              "must be an integer, not " + Json.kind(node));
          return null;
        }
        BigInteger number = node.bigIntegerValue();
        boolean id = field.type() == dev.dialtone.api.FieldType.ID;
        if (number.signum() < 0 || (id && number.signum() == 0)) {
          errors.add(
              name,
              label,
              FieldErrorCode.InvalidValue,
              id ? "must be greater than 0" : "must be 0 or more");
          return null;
        }
        if (number.compareTo(LONG_MAX) > 0) {
          errors.add(
              name,
              label,
              FieldErrorCode.InvalidValue,
              "is too large (maximum is " + Long.MAX_VALUE + ")");
          return null;
        }
        return number.longValue();
      }
      case BOOLEAN -> {
        if (!node.isBoolean()) {
          errors.add(
              name,
              label,
              FieldErrorCode.InvalidType,
              "must be true or false, not " + Json.kind(node));
          return null;
        }
        return node.booleanValue();
      }
      case STRING, URL, ENUM, TIMESTAMP -> {
        if (!node.isTextual()) {
          errors.add(
              name, label, FieldErrorCode.InvalidType, "must be a string, not " + Json.kind(node));
          return null;
        }
        return text(field, node.textValue(), errors);
      }
    }
    throw new IllegalStateException("unhandled type " + field.type());
  }

  private static @Nullable Object text(CallField field, String text, FieldErrors errors) {
    String name = field.wireName();
    String label = field.label();
    if (text.codePointCount(0, text.length()) > field.maxLength()) {
      errors.add(
          name,
          label,
          FieldErrorCode.TooLong,
          "is too long (maximum is " + field.maxLength() + " characters)");
      return null;
    }
    switch (field.type()) {
      case ENUM -> {
        if (text.isEmpty() && field.is(Flag.EMPTY_ALLOWED)) {
          return null; // completion_status is empty while a call is in progress
        }
        if (text.isBlank() && field.isMandatory()) {
          return text; // the mandatory check reports it as BlankValue (docs/api.md)
        }
        if (!field.allowedValues().contains(text)) {
          errors.add(
              name,
              label,
              FieldErrorCode.InvalidValue,
              "is not one of " + String.join(", ", field.allowedValues()));
          return null;
        }
        return text;
      }
      case URL -> {
        if (text.isBlank()) {
          return null; // like an optional timestamp: "" clears the field
        }
        if (!HttpUrl.isValid(text)) {
          errors.add(name, label, FieldErrorCode.InvalidFormat, HttpUrl.NOT_A_URL);
          return null;
        }
        return text;
      }
      case TIMESTAMP -> {
        if (text.isBlank()) {
          return field.isMandatory() ? text : null; // the mandatory check reports a blank one
        }
        return Timestamps.parse(text)
            .map(Object.class::cast)
            .orElseGet(
                () -> {
                  errors.add(
                      name,
                      label,
                      FieldErrorCode.InvalidFormat,
                      "is not an ISO 8601 date-time such as 2022-01-27T15:31:40+01:00");
                  return null;
                });
      }
      default -> {
        return text;
      }
    }
  }

  private static boolean isBlank(@Nullable Object value) {
    return value == null || (value instanceof String s && s.isBlank());
  }
}
