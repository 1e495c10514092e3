package dev.dialtone.call;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dialtone.api.Call;
import dev.dialtone.api.CallField;
import dev.dialtone.api.CallField.Flag;
import dev.dialtone.api.FieldErrorCode;
import dev.dialtone.http.FieldErrors;
import dev.dialtone.http.InputObject;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@code call} object of a POST or PATCH against the catalogue (docs/api.md): types,
 * ranges, closed sets, lengths, timestamps, mandatory and read-only rules, all read from {@link
 * CallField} and read by {@link InputObject}. Every failing field is collected so one 422 names
 * them all. References to other records are checked afterwards, inside the write's transaction, by
 * {@link CallReferences}.
 */
final class CallInput {
  /** The values to store, and the keys that named no field. */
  record Parsed(Map<CallField, Object> values, List<String> unknownKeys) {}

  private CallInput() {}

  static Parsed forCreate(ObjectNode call, FieldErrors errors) {
    Parsed parsed = read(call, errors);
    for (CallField field : CallField.values()) {
      if (field.is(Flag.NOT_ON_CREATE) && call.has(field.wireName())) {
        // Zendesk rejects ticket_id on create even when null: docs/decisions.md.
        errors.add(
            field.wireName(),
            field.label(),
            FieldErrorCode.NotAllowed,
            "cannot be set when creating a call; create the call first, then link a ticket with"
                + " PATCH or add a comment");
        parsed.values().remove(field);
      }
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
          && !Objects.equals(entry.getValue(), stored.value(field))) {
        errors.add(
            field.wireName(),
            field.label(),
            FieldErrorCode.NotAllowed,
            "cannot be changed after the call is created");
      }
    }
    return parsed;
  }

  /** Reads the sent keys in the order sent, so details list them in that order. */
  private static Parsed read(ObjectNode call, FieldErrors errors) {
    InputObject input = new InputObject(call, errors);
    Map<CallField, Object> values = new EnumMap<>(CallField.class);
    call.fieldNames()
        .forEachRemaining(
            name ->
                CallField.byName(name)
                    .ifPresent(
                        field -> {
                          if (field.is(Flag.SERVER)) {
                            input.has(name); // known, so not reported ignored; never stored
                            return;
                          }
                          Object value = value(field, input);
                          if (!errors.has(name)) {
                            values.put(field, value);
                          }
                        }));
    return new Parsed(values, input.unknownKeys());
  }

  /** The value to store for one field as the catalogue types it, or null with an error added. */
  private static @Nullable Object value(CallField field, InputObject input) {
    String name = field.wireName();
    String label = field.label();
    return switch (field.type()) {
      case ID -> input.id(name, label);
      case COUNT -> input.count(name, label);
      case BOOLEAN -> input.bool(name, label);
      case STRING -> input.text(name, label, field.maxLength());
      case URL -> input.url(name, label, field.maxLength());
      case TIMESTAMP -> input.timestamp(name, label);
      case ENUM -> {
        String text = input.text(name, label, field.maxLength());
        if (text == null
            || (text.isEmpty() && field.is(Flag.EMPTY_ALLOWED))
            || (text.isBlank() && field.isMandatory())) {
          // "" is unset for completion_status while a call is in progress; a blank mandatory
          // value is reported as BlankValue by the mandatory check (docs/api.md).
          yield null;
        }
        yield input.allowed(name, label, text, field.allowedValues());
      }
    };
  }

  private static boolean isBlank(@Nullable Object value) {
    return value == null || (value instanceof String s && s.isBlank());
  }
}
