package dev.dialtone.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The call object on the wire: what the server encodes, a client decodes to the same call. */
class CallCodecTest {
  /** A plain mapper, as a client builds one: the wire types need no configuration of it. */
  static final ObjectMapper JSON = new ObjectMapper();

  static Call stored() {
    Map<CallField, Object> values = new EnumMap<>(CallField.class);
    values.put(CallField.ID, 12L);
    values.put(CallField.ACCOUNT_ID, 1L);
    values.put(CallField.APP_ID, 7L);
    values.put(CallField.DIRECTION, "inbound");
    values.put(CallField.FROM_LINE, "+16617480123");
    values.put(CallField.TO_LINE, "+14948848487");
    values.put(CallField.CALL_STARTED_AT, Instant.parse("2022-01-27T14:31:40Z"));
    values.put(CallField.CREATED_AT, Instant.parse("2022-01-27T14:32:00Z"));
    values.put(CallField.UPDATED_AT, Instant.parse("2022-01-27T14:32:00Z"));
    values.put(CallField.DURATION, 0L);
    values.put(CallField.VOICEMAIL, false);
    values.put(CallField.EXCEEDED_QUEUE_TIME, true);
    values.put(CallField.TRANSCRIPT, "Hello\n\"there\" ☎");
    return Call.of(values);
  }

  @Test
  void aCall_survivesARoundTripThroughJson() throws Exception {
    Call call = stored();

    Call decoded = JSON.readValue(JSON.writeValueAsString(call), Call.class);

    assertThat(decoded).isEqualTo(call);
    assertThat(decoded.number(CallField.DURATION)).isZero();
    assertThat(decoded.flag(CallField.VOICEMAIL)).isFalse();
    assertThat(decoded.instant(CallField.CALL_STARTED_AT))
        .isEqualTo(Instant.parse("2022-01-27T14:31:40Z"));
  }

  @Test
  void encoding_writesEveryField_nullsIncluded_keysSorted_typesAsTheCatalogueSays()
      throws Exception {
    JsonNode json = JSON.readTree(JSON.writeValueAsString(stored()));

    List<String> keys = new ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).hasSize(CallField.values().length).isSorted();
    assertThat(json.get("id").isIntegralNumber()).isTrue();
    assertThat(json.get("voicemail").isBoolean()).isTrue();
    assertThat(json.get("call_started_at").textValue()).isEqualTo("2022-01-27T14:31:40Z");
    assertThat(json.get("ticket_id").isNull()).isTrue();
  }

  @Test
  void aTimestampWithAnOffset_decodesToTheSameInstant() throws Exception {
    Call call = JSON.readValue("{\"call_started_at\":\"2022-01-27T15:31:40+01:00\"}", Call.class);

    assertThat(call.instant(CallField.CALL_STARTED_AT))
        .isEqualTo(Instant.parse("2022-01-27T14:31:40Z"));
    assertThat(JSON.readTree(JSON.writeValueAsString(call)).get("call_started_at").textValue())
        .isEqualTo("2022-01-27T14:31:40Z");
  }

  @Test
  void unknownKeys_areIgnored_soAClientOutlivesANewField() throws Exception {
    Call call =
        JSON.readValue(
            "{\"id\":3,\"a_field_of_tomorrow\":{\"nested\":[1,2]},\"dnis\":\"123\"}", Call.class);

    assertThat(call).isEqualTo(Call.of(Map.of(CallField.ID, 3L, CallField.DNIS, "123")));
  }

  @Test
  void envelope_wrapsTheCallUnderItsKey() throws Exception {
    String json = JSON.writeValueAsString(new CallEnvelope(stored()));

    assertThat(json).startsWith("{\"call\":{\"account_id\":1,\"agent_id\":null,");
    assertThat(JSON.readValue(json, CallEnvelope.class).call()).isEqualTo(stored());
  }

  @Test
  void aValueOfTheWrongType_failsToDecode() {
    assertThatThrownBy(() -> JSON.readValue("{\"duration\":\"42\"}", Call.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("duration");
    assertThatThrownBy(() -> JSON.readValue("{\"created_at\":\"yesterday\"}", Call.class))
        .isInstanceOf(MismatchedInputException.class);
  }

  @Test
  void aValueOfTheWrongJavaType_isRefusedWhenTheCallIsMade() {
    assertThatThrownBy(() -> Call.of(Map.of(CallField.DURATION, 42)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duration");
  }

  @Test
  void aTypedReader_ofAnotherType_isRefused() {
    assertThatThrownBy(() -> stored().text(CallField.DURATION))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
