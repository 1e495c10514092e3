package dev.dialtone.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@code data} object of a {@link VoiceComment} (docs/api.md): the call's {@code app_id},
 * {@code external_id} and {@code recording_url} (empty rather than null), the comment's own keys,
 * then each field the comment shows, in the order it was asked for.
 *
 * @param call the call as it is now; a decoded one holds only the fields {@code data} carries
 * @param title the comment's title
 * @param authorId the author the request named, or null when it named none
 * @param viaId 45 for a call that came in, 46 for one the team made
 * @param shown the fields the comment shows besides the three always present
 */
@JsonSerialize(using = VoiceCommentData.Encoder.class)
@JsonDeserialize(using = VoiceCommentData.Decoder.class)
public record VoiceCommentData(
    Call call, @Nullable String title, @Nullable Long authorId, int viaId, List<CallField> shown) {
  /** The call fields {@code data} always carries, first. */
  static final Set<CallField> ALWAYS =
      Set.of(CallField.APP_ID, CallField.EXTERNAL_ID, CallField.RECORDING_URL);

  static final String CALL_ID = "call_id";
  static final String TITLE = "title";
  static final String AUTHOR_ID = "author_id";
  static final String VIA_ID = "via_id";

  public VoiceCommentData {
    shown = shown.stream().filter(f -> !ALWAYS.contains(f)).distinct().toList();
  }

  static final class Encoder extends StdSerializer<VoiceCommentData> {
    private static final long serialVersionUID = 1L;

    Encoder() {
      super(VoiceCommentData.class);
    }

    @Override
    public void serialize(VoiceCommentData data, JsonGenerator json, SerializerProvider provider)
        throws IOException {
      Call call = data.call();
      json.writeStartObject();
      json.writeFieldName(CallField.APP_ID.wireName());
      CallCodec.write(json, call, CallField.APP_ID);
      json.writeNumberField(CALL_ID, call.id());
      json.writeStringField(TITLE, data.title());
      json.writeFieldName(AUTHOR_ID);
      if (data.authorId() == null) {
        json.writeNull();
      } else {
        json.writeNumber(data.authorId());
      }
      json.writeNumberField(VIA_ID, data.viaId());
      json.writeFieldName(CallField.EXTERNAL_ID.wireName());
      CallCodec.write(json, call, CallField.EXTERNAL_ID);
      String recordingUrl = call.text(CallField.RECORDING_URL);
      json.writeStringField(
          CallField.RECORDING_URL.wireName(), recordingUrl == null ? "" : recordingUrl);
      for (CallField field : data.shown()) {
        json.writeFieldName(field.wireName());
        CallCodec.write(json, call, field);
      }
      json.writeEndObject();
    }
  }

  static final class Decoder extends StdDeserializer<VoiceCommentData> {
    private static final long serialVersionUID = 1L;

    Decoder() {
      super(VoiceCommentData.class);
    }

    @Override
    public VoiceCommentData deserialize(JsonParser parser, DeserializationContext ctxt)
        throws IOException {
      JsonNode node = parser.readValueAsTree();
      if (node == null || !node.isObject()) {
        return (VoiceCommentData) ctxt.handleUnexpectedToken(VoiceCommentData.class, parser);
      }
      Map<CallField, Object> values = new EnumMap<>(CallField.class);
      List<CallField> shown = new ArrayList<>();
      var entries = node.properties().iterator();
      while (entries.hasNext()) {
        var entry = entries.next();
        CallField field = CallField.byName(entry.getKey()).orElse(null);
        if (field != null) {
          Object value = CallCodec.read(field, entry.getValue(), parser, ctxt);
          values.put(field, field == CallField.RECORDING_URL && "".equals(value) ? null : value);
          shown.add(field);
        }
      }
      JsonNode callId = node.path(CALL_ID);
      if (callId.canConvertToLong()) {
        values.put(CallField.ID, callId.longValue());
      }
      JsonNode authorId = node.path(AUTHOR_ID);
      return new VoiceCommentData(
          Call.of(values),
          node.path(TITLE).isTextual() ? node.path(TITLE).textValue() : null,
          authorId.canConvertToLong() && authorId.isIntegralNumber() ? authorId.longValue() : null,
          node.path(VIA_ID).asInt(),
          shown);
    }
  }
}
