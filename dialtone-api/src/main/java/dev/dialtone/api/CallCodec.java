package dev.dialtone.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code call} object on the wire (docs/api.md), driven by the catalogue: every field, nulls
 * included, keys sorted; ids and counts as integers, flags as booleans, timestamps through {@link
 * Timestamps}. Decoding takes any offset the API accepts and ignores keys that name no field, so a
 * client keeps working when the server adds one.
 */
final class CallCodec {
  /** The fields in the order of their keys on the wire. */
  private static final List<CallField> SORTED =
      Arrays.stream(CallField.values()).sorted(Comparator.comparing(CallField::wireName)).toList();

  private CallCodec() {}

  /** Writes one field's value, or null, as its JSON type. */
  static void write(JsonGenerator json, Call call, CallField field) throws IOException {
    Object value = call.wireValue(field);
    if (value == null) {
      json.writeNull();
    } else if (value instanceof Long number) {
      json.writeNumber(number);
    } else if (value instanceof Boolean flag) {
      json.writeBoolean(flag);
    } else {
      json.writeString((String) value);
    }
  }

  /** Reads one field's value from its JSON, or null; a value of the wrong type fails. */
  static @Nullable Object read(
      CallField field, JsonNode node, JsonParser parser, DeserializationContext ctxt)
      throws IOException {
    if (node.isNull()) {
      return null;
    }
    switch (field.type()) {
      case ID, COUNT -> {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
          return node.longValue();
        }
      }
      case BOOLEAN -> {
        if (node.isBoolean()) {
          return node.booleanValue();
        }
      }
      case TIMESTAMP -> {
        if (node.isTextual()) {
          var instant = Timestamps.parse(node.textValue());
          if (instant.isPresent()) {
            return instant.get();
          }
        }
      }
      case STRING, URL, ENUM -> {
        if (node.isTextual()) {
          return node.textValue();
        }
      }
    }
    return ctxt.reportInputMismatch(
        Call.class, "%s is not a %s: %s", field.wireName(), field.type(), node);
  }

  static final class Encoder extends StdSerializer<Call> {
    private static final long serialVersionUID = 1L;

    Encoder() {
      super(Call.class);
    }

    @Override
    public void serialize(Call call, JsonGenerator json, SerializerProvider provider)
        throws IOException {
      json.writeStartObject();
      for (CallField field : SORTED) {
        json.writeFieldName(field.wireName());
        write(json, call, field);
      }
      json.writeEndObject();
    }
  }

  static final class Decoder extends StdDeserializer<Call> {
    private static final long serialVersionUID = 1L;

    Decoder() {
      super(Call.class);
    }

    @Override
    public Call deserialize(JsonParser parser, DeserializationContext ctxt) throws IOException {
      JsonNode node = parser.readValueAsTree();
      if (node == null || !node.isObject()) {
        return (Call) ctxt.handleUnexpectedToken(Call.class, parser);
      }
      Map<CallField, Object> values = new EnumMap<>(CallField.class);
      var entries = node.properties().iterator();
      while (entries.hasNext()) {
        var entry = entries.next();
        CallField field = CallField.byName(entry.getKey()).orElse(null);
        if (field != null) {
          values.put(field, read(field, entry.getValue(), parser, ctxt));
        }
      }
      return Call.of(values);
    }
  }
}
