package dev.dialtone.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The voice comment and the error bodies: encoded in Zendesk's key order, decoded back. */
class WireTypesTest {
  static final ObjectMapper JSON = CallCodecTest.JSON;

  static VoiceComment comment(List<CallField> shown) {
    VoiceCommentData data =
        new VoiceCommentData(CallCodecTest.stored(), "Call ended", null, 45, shown);
    return new VoiceComment(
        5,
        false,
        9,
        "Call ended",
        "Call ended\n\nSummary",
        "<div></div>",
        data,
        "+1 (661) 748-0123",
        "+1 (494) 884-8487",
        false,
        6,
        Map.of("channel", "voice"),
        Instant.parse("2022-01-27T14:32:00.5Z"),
        metadata());
  }

  private static Map<String, Object> metadata() {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("system", Map.of());
    metadata.put("custom", Map.of());
    return metadata;
  }

  @Test
  void voiceComment_keysInZendesksOrder_dataWithItsFixedKeysFirst() throws Exception {
    String json = JSON.writeValueAsString(comment(List.of(CallField.DNIS, CallField.APP_ID)));

    assertThat(json)
        .startsWith(
            "{\"id\":5,\"type\":\"TpeVoiceComment\",\"public\":false,\"author_id\":9,"
                + "\"title\":\"Call ended\",")
        .contains(
            "\"data\":{\"app_id\":7,\"call_id\":12,\"title\":\"Call ended\",\"author_id\":null,"
                + "\"via_id\":45,\"external_id\":null,\"recording_url\":\"\",\"dnis\":null},")
        .endsWith(
            "\"transcription_visible\":false,\"trusted\":true,\"attachments\":[],\"audit_id\":6,"
                + "\"via\":{\"channel\":\"voice\"},\"created_at\":\"2022-01-27T14:32:00Z\","
                + "\"metadata\":{\"system\":{},\"custom\":{}}}");
  }

  @Test
  void voiceComment_decodes_toWhatWasEncoded() throws Exception {
    VoiceComment comment = comment(List.of(CallField.TRANSCRIPT, CallField.DIRECTION));

    VoiceComment decoded = JSON.readValue(JSON.writeValueAsString(comment), VoiceComment.class);

    assertThat(decoded.id()).isEqualTo(5);
    assertThat(decoded.createdAt()).isEqualTo(Instant.parse("2022-01-27T14:32:00Z"));
    assertThat(decoded.data().shown()).containsExactly(CallField.TRANSCRIPT, CallField.DIRECTION);
    assertThat(decoded.data().call().text(CallField.TRANSCRIPT)).isEqualTo("Hello\n\"there\" ☎");
    assertThat(decoded.data().call().id()).isEqualTo(12);
    assertThat(decoded.data().call().text(CallField.RECORDING_URL)).isNull();
    assertThat(decoded.data().viaId()).isEqualTo(45);
    assertThat(decoded.via()).isEqualTo(Map.of("channel", "voice"));
  }

  @Test
  void voiceComment_withoutViaAndMetadata_asZendeskAnswersItsPost_decodesWithEmptyOnes()
      throws Exception {
    ObjectNode json =
        (ObjectNode) JSON.readTree(JSON.writeValueAsString(comment(List.of(CallField.DIRECTION))));
    json.remove("via");
    json.remove("metadata");

    VoiceComment decoded = JSON.treeToValue(json, VoiceComment.class);

    assertThat(decoded.id()).isEqualTo(5);
    assertThat(decoded.via()).isEmpty();
    assertThat(decoded.metadata()).isEmpty();
  }

  @Test
  void errorBodies_takeTheShapeOfTheirCode_andDecodeBackToIt() throws Exception {
    Map<String, List<FieldError>> details = new LinkedHashMap<>();
    details.put(
        "to_line", List.of(new FieldError("To line: cannot be blank", FieldErrorCode.BlankValue)));
    details.put(
        "direction",
        List.of(new FieldError("Direction: is not one of …", FieldErrorCode.InvalidValue)));
    Map<ErrorCode, String> expected =
        Map.of(
            ErrorCode.RECORD_NOT_FOUND,
            "{\"error\":\"RecordNotFound\",\"description\":\"Not found\"}",
            ErrorCode.COULD_NOT_AUTHENTICATE,
            "{\"error\":\"Couldn't authenticate you\"}",
            ErrorCode.INVALID_TOKEN,
            "{\"error\":\"invalid_token\",\"error_description\":\"Not found\"}",
            ErrorCode.FORBIDDEN,
            "{\"error\":{\"title\":\"Forbidden\",\"message\":\"Not found\"}}",
            ErrorCode.RECORD_INVALID,
            "{\"error\":\"RecordInvalid\",\"description\":\"Not found\",\"details\":{"
                + "\"to_line\":[{\"description\":\"To line: cannot be blank\","
                + "\"error\":\"BlankValue\"}],\"direction\":[{\"description\":"
                + "\"Direction: is not one of …\",\"error\":\"InvalidValue\"}]}}");
    for (var entry : expected.entrySet()) {
      ErrorBody body = ErrorBody.of(entry.getKey(), "Not found", details);
      String json = JSON.writeValueAsString(body);

      assertThat(json).as(entry.getKey().name()).isEqualTo(entry.getValue());
      assertThat(JSON.readValue(json, ErrorBody.class)).as(entry.getKey().name()).isEqualTo(body);
    }
  }
}
