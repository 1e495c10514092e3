package dev.dialtone.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;

/**
 * An {@link Instant} of a wire type as {@link Timestamps} writes and reads it, so no mapper needs
 * Jackson's date-time module and every timestamp looks the same.
 */
final class TimestampCodec {
  private TimestampCodec() {}

  static final class Encoder extends StdSerializer<Instant> {
    private static final long serialVersionUID = 1L;

    Encoder() {
      super(Instant.class);
    }

    @Override
    public void serialize(Instant instant, JsonGenerator json, SerializerProvider provider)
        throws IOException {
      json.writeString(Timestamps.render(instant));
    }
  }

  static final class Decoder extends StdDeserializer<Instant> {
    private static final long serialVersionUID = 1L;

    Decoder() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext ctxt) throws IOException {
      if (parser.currentToken() != JsonToken.VALUE_STRING) {
        return (Instant) ctxt.handleUnexpectedToken(Instant.class, parser);
      }
      String text = parser.getText();
      return Timestamps.parse(text)
          .orElseThrow(
              () -> ctxt.weirdStringException(text, Instant.class, "not an ISO 8601 date-time"));
    }
  }
}
