package dev.dialtone.call;

import static dev.dialtone.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dialtone.api.CallField;
import dev.dialtone.api.FieldType;
import dev.dialtone.testing.Api;
import dev.dialtone.testing.Calls;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.Rows;
import dev.dialtone.testing.TestServer;
import dev.dialtone.testing.Urls;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The input rules of the call object (docs/api.md), each 422 compared whole. The per-field tests
 * are driven from the catalogue, so a field added to {@link CallField} is covered at once.
 */
class CallInputRulesTest {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @TempDir static Path dataDir;
  static TestServer server;
  static Api api;
  static long callId;
  static long endUserId;
  static long agentId;
  static long organizationId;
  static long brandId;
  static long ticketId;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
    api = server.admin();
    callId = Calls.create(api);
    endUserId =
        Rows.insertUser(dataDir, Rows.DEFAULT_ACCOUNT, "caller@example.com", "end-user", false);
    agentId = Rows.insertUser(dataDir, Rows.DEFAULT_ACCOUNT, "agent@example.com", "agent", false);
    organizationId = Rows.insertOrganization(dataDir, Rows.DEFAULT_ACCOUNT, "Initech");
    brandId = Rows.defaultBrand(dataDir, Rows.DEFAULT_ACCOUNT);
    ticketId = Calls.commentAndTicket(api, Calls.create(api));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  // ---- helpers ----

  /** The readable label a field has in messages: "call_started_at" is "Call started at". */
  static String label(String wireName) {
    String spaced = wireName.replace('_', ' ');
    return spaced.substring(0, 1).toUpperCase(Locale.ROOT) + spaced.substring(1);
  }

  /** One detail entry: {@code {"description":"Label: message","error":"Code"}}. */
  static Map<String, Object> detail(String field, String code, String message) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("description", label(field) + ": " + message);
    entry.put("error", code);
    return entry;
  }

  /** The whole 422 body naming these fields, each with one entry. */
  static JsonNode recordInvalid(Object... fieldCodeMessage) {
    Map<String, Object> details = new LinkedHashMap<>();
    for (int i = 0; i < fieldCodeMessage.length; i += 3) {
      String field = (String) fieldCodeMessage[i];
      details.put(
          field,
          List.of(
              detail(field, (String) fieldCodeMessage[i + 1], (String) fieldCodeMessage[i + 2])));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", "RecordInvalid");
    body.put("description", "Record validation errors");
    body.put("details", details);
    return MAPPER.valueToTree(body);
  }

  static void assertInvalid(Response response, JsonNode expected) {
    assertThat(response.status()).as(response.toString()).isEqualTo(422);
    assertThat(response.json()).isEqualTo(expected);
  }

  static ObjectNode minimalCall() {
    try {
      return (ObjectNode) MAPPER.readTree("{" + Calls.MINIMAL_FIELDS + "}");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String envelope(ObjectNode call) {
    return NODES.objectNode().set("call", call).toString();
  }

  static Response create(ObjectNode call) {
    return api.post("/api/v2/calls", envelope(call));
  }

  static Response createWith(String field, JsonNode value) {
    ObjectNode call = minimalCall();
    call.set(field, value);
    return create(call);
  }

  static Response patch(long id, String field, JsonNode value) {
    ObjectNode call = NODES.objectNode();
    call.set(field, value);
    return api.patch("/api/v2/calls/" + id, envelope(call));
  }

  static Response patch(String field, JsonNode value) {
    return patch(callId, field, value);
  }

  static JsonNode text(String value) {
    return NODES.textNode(value);
  }

  static Stream<CallField> writable() {
    return Arrays.stream(CallField.values()).filter(f -> !f.is(CallField.Flag.SERVER));
  }

  static String kindOf(JsonNode node) {
    if (node.isTextual()) return "a string";
    if (node.isBoolean()) return "a boolean";
    if (node.isIntegralNumber()) return "an integer";
    if (node.isNumber()) return "a decimal number";
    if (node.isArray()) return "an array";
    return "an object";
  }

  // ---- types, from the catalogue ----

  /** For every writable field, each JSON value of a type it does not take. */
  static Stream<Arguments> wrongTypes() {
    List<Arguments> cases = new ArrayList<>();
    writable()
        .forEach(
            field -> {
              List<JsonNode> wrong = new ArrayList<>();
              String expected;
              if (field.type().isInteger()) {
                wrong.addAll(
                    List.of(
                        text("12"),
                        NODES.numberNode(new BigDecimal("1.5")),
                        NODES.booleanNode(true)));
                expected = "must be an integer, not ";
              } else if (field.type() == FieldType.BOOLEAN) {
                wrong.addAll(List.of(text("true"), NODES.numberNode(1), NODES.numberNode(0)));
                expected = "must be true or false, not ";
              } else {
                wrong.addAll(
                    List.of(
                        NODES.numberNode(12),
                        NODES.booleanNode(false),
                        NODES.numberNode(new BigDecimal("2.5"))));
                expected = "must be a string, not ";
              }
              wrong.add(NODES.arrayNode().add(1));
              wrong.add(NODES.objectNode().put("a", 1));
              for (JsonNode value : wrong) {
                cases.add(Arguments.of(field.wireName(), value, expected + kindOf(value)));
              }
            });
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("wrongTypes")
  void patch_withAValueOfTheWrongType_isInvalidType(String field, JsonNode value, String message) {
    assertInvalid(patch(field, value), recordInvalid(field, "InvalidType", message));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("wrongTypes")
  void create_withAValueOfTheWrongType_isInvalidType(String field, JsonNode value, String message) {
    Response response = createWith(field, value);
    if (field.equals("ticket_id")) {
      // ticket_id is refused on create whatever its value: two entries for it.
      assertThat(response.status()).isEqualTo(422);
      assertThat(response.json().get("details").get("ticket_id").get(0))
          .isEqualTo(MAPPER.valueToTree(detail(field, "InvalidType", message)));
      return;
    }
    assertInvalid(response, recordInvalid(field, "InvalidType", message));
  }

  static Stream<String> idFields() {
    return writable().filter(f -> f.type() == FieldType.ID).map(CallField::wireName);
  }

  static Stream<String> countFields() {
    return writable().filter(f -> f.type() == FieldType.COUNT).map(CallField::wireName);
  }

  @ParameterizedTest
  @MethodSource("idFields")
  void ids_mustBeGreaterThanZero(String field) {
    for (long value : new long[] {0, -1, Long.MIN_VALUE}) {
      assertInvalid(
          patch(field, NODES.numberNode(value)),
          recordInvalid(field, "InvalidValue", "must be greater than 0"));
    }
  }

  @ParameterizedTest
  @MethodSource("countFields")
  void counts_mustBeZeroOrMore(String field) {
    assertInvalid(
        patch(field, NODES.numberNode(-1)),
        recordInvalid(field, "InvalidValue", "must be 0 or more"));
    Response zero = patch(field, NODES.numberNode(0));
    assertThat(zero.status()).as(zero.toString()).isEqualTo(200);
    assertThat(zero.json().get("call").get(field).asLong()).isZero();
  }

  @ParameterizedTest
  @MethodSource({"idFields", "countFields"})
  void integers_largerThan64Bits_areInvalidValue(String field) {
    assertInvalid(
        patch(field, NODES.numberNode(new BigInteger("9223372036854775808"))),
        recordInvalid(field, "InvalidValue", "is too large (maximum is 9223372036854775807)"));
  }

  @ParameterizedTest
  @MethodSource("countFields")
  void counts_acceptLargeValuesAndStoreThemExactly(String field) {
    Response response = patch(field, NODES.numberNode(Long.MAX_VALUE));
    assertThat(response.json().get("call").get(field).asLong()).isEqualTo(Long.MAX_VALUE);
    assertThat(Calls.get(api, callId).get(field).asLong()).isEqualTo(Long.MAX_VALUE);
  }

  static Stream<String> booleanFields() {
    return writable().filter(f -> f.type() == FieldType.BOOLEAN).map(CallField::wireName);
  }

  @ParameterizedTest
  @MethodSource("booleanFields")
  void booleans_takeTrueAndFalse(String field) {
    assertThat(patch(field, NODES.booleanNode(true)).json().get("call").get(field).asBoolean())
        .isTrue();
    assertThat(patch(field, NODES.booleanNode(false)).json().get("call").get(field).asBoolean())
        .isFalse();
    assertThat(Calls.get(api, callId).get(field).isBoolean()).isTrue();
  }

  // ---- closed sets ----

  static Stream<Arguments> closedSetValues() {
    return writable()
        .filter(f -> f.type() == FieldType.ENUM)
        .flatMap(f -> f.allowedValues().stream().map(v -> Arguments.of(f.wireName(), v)));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("closedSetValues")
  void closedSets_acceptEachAllowedValue(String field, String value) {
    Response response = patch(field, text(value));

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(Calls.get(api, callId).get(field).asText()).isEqualTo(value);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "direction, sideways, 'inbound, outbound, internal, callback'",
    "direction, Inbound, 'inbound, outbound, internal, callback'",
    "call_recording_consent, sometimes, 'always, opt_in, opt_out, never'",
    "callback_source, web_widget, 'queue, web widget'",
    "completion_status, done, 'completed, abandoned_in_queue, abandoned_in_ivr,"
        + " abandoned_in_voicemail, abandoned_on_hold, pending_voicemail, missed, declined,"
        + " dropped, dropped_by_caller, dropped_by_agent'"
  })
  void closedSets_rejectAnyOtherValue(String field, String value, String allowed) {
    assertInvalid(
        patch(field, text(value)),
        recordInvalid(field, "InvalidValue", "is not one of " + allowed));
  }

  @Test
  void completionStatus_mayBeEmptyWhileTheCallIsInProgress() {
    patch("completion_status", text("completed"));

    Response response = patch("completion_status", text(""));

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(Calls.get(api, callId).get("completion_status").isNull()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"call_recording_consent", "callback_source"})
  void otherClosedSets_rejectTheEmptyString(String field) {
    String allowed = String.join(", ", CallField.byName(field).orElseThrow().allowedValues());

    assertInvalid(
        patch(field, text("")), recordInvalid(field, "InvalidValue", "is not one of " + allowed));
  }

  // ---- lengths ----

  static Stream<Arguments> stringLimits() {
    return writable()
        .filter(f -> f.type() == FieldType.STRING)
        .map(f -> Arguments.of(f.wireName(), f.maxLength()));
  }

  @Test
  void limits_areThoseOfBehaviour() {
    assertThat(CallField.RECORDING_URL.maxLength()).isEqualTo(2_048);
    assertThat(CallField.TRANSCRIPT.maxLength()).isEqualTo(1_000_000);
    assertThat(CallField.FROM_LINE.maxLength()).isEqualTo(255);
  }

  @ParameterizedTest(name = "{0} ≤ {1}")
  @MethodSource("stringLimits")
  void strings_upToTheLimit_areAcceptedAndOneMoreIsTooLong(String field, int limit) {
    String atLimit = "x".repeat(limit);
    Response accepted = patch(field, text(atLimit));
    assertThat(accepted.status()).as(field).isEqualTo(200);
    assertThat(Calls.get(api, callId).get(field).asText()).isEqualTo(atLimit);

    assertInvalid(
        patch(field, text(atLimit + "y")),
        recordInvalid(field, "TooLong", "is too long (maximum is " + limit + " characters)"));
  }

  @Test
  void lengths_countCharactersNotBytesOrUtf16Units() {
    String emoji = "\uD83D\uDCDE".repeat(255); // 255 characters, 510 UTF-16 units, 1020 bytes

    Response response = patch("queue_name", text(emoji));

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(Calls.get(api, callId).get("queue_name").asText()).isEqualTo(emoji);
    assertThat(patch("queue_name", text(emoji + "x")).status()).isEqualTo(422);
  }

  @Test
  void strings_keepLineBreaksAndUnicodeExactly() {
    String transcript = "Line one\nLine two — ça va? 日本語 \uD83D\uDE00\ttab \"quoted\" \\";

    patch("transcript", text(transcript));

    assertThat(Calls.get(api, callId).get("transcript").asText()).isEqualTo(transcript);
  }

  // ---- URLs ----

  static Stream<String> urlFields() {
    return writable().filter(f -> f.type() == FieldType.URL).map(CallField::wireName);
  }

  static Stream<Arguments> refusedUrls() {
    return urlFields().flatMap(f -> Urls.REFUSED.stream().map(url -> Arguments.of(f, url)));
  }

  static Stream<Arguments> acceptedUrls() {
    return urlFields().flatMap(f -> Urls.ACCEPTED.stream().map(url -> Arguments.of(f, url)));
  }

  @Test
  void urlFields_areTheRecordingUrl() {
    assertThat(urlFields()).containsExactly("recording_url");
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("refusedUrls")
  void urls_thatAreNotAbsoluteHttpWithAHost_areInvalidFormat_andChangeNothing(
      String field, String url) {
    JsonNode expected =
        recordInvalid(field, "InvalidFormat", "is not an absolute http or https URL");
    long callsBefore = Rows.count(dataDir, "calls");
    JsonNode before = Calls.get(api, callId);

    assertInvalid(patch(field, text(url)), expected);
    assertInvalid(createWith(field, text(url)), expected);

    assertThat(Calls.get(api, callId)).isEqualTo(before);
    assertThat(Rows.count(dataDir, "calls")).isEqualTo(callsBefore);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("acceptedUrls")
  void urls_absoluteHttpOrHttps_areStoredAsSent(String field, String url) {
    Response patched = patch(field, text(url));
    assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
    assertThat(Calls.get(api, callId).get(field).asText()).isEqualTo(url);

    Response created = createWith(field, text(url));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().get("call").get(field).asText()).isEqualTo(url);
  }

  @ParameterizedTest
  @MethodSource("urlFields")
  void urls_upToTheLimit_areAcceptedAndOneMoreIsTooLong(String field) {
    int limit = CallField.byName(field).orElseThrow().maxLength();
    String prefix = "https://pbx.example.com/";
    String atLimit = prefix + "x".repeat(limit - prefix.length());

    Response accepted = patch(field, text(atLimit));
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    assertThat(Calls.get(api, callId).get(field).asText()).isEqualTo(atLimit);

    assertInvalid(
        patch(field, text(atLimit + "y")),
        recordInvalid(field, "TooLong", "is too long (maximum is " + limit + " characters)"));
  }

  @ParameterizedTest
  @MethodSource("urlFields")
  void urls_sentEmpty_clearTheField(String field) {
    patch(field, text(Urls.ACCEPTED.get(0)));

    for (String empty : List.of("", "  ")) {
      Response response = patch(field, text(empty));
      assertThat(response.status()).as(response.toString()).isEqualTo(200);
      assertThat(Calls.get(api, callId).get(field).isNull()).isTrue();
    }
  }

  // ---- timestamps ----

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "2022-01-27T15:31:40Z, 2022-01-27T15:31:40Z",
    "2022-01-27T15:31:40+01, 2022-01-27T14:31:40Z",
    "2022-01-27T15:31:40-04, 2022-01-27T19:31:40Z",
    "2022-01-27T15:31:40+0130, 2022-01-27T14:01:40Z",
    "2022-01-27T15:31:40+01:30, 2022-01-27T14:01:40Z",
    "2022-01-27T15:31:40-04:00, 2022-01-27T19:31:40Z",
    "2022-01-27T15:31:40.123Z, 2022-01-27T15:31:40Z",
    "2022-01-27T15:31:40.999999999+01:00, 2022-01-27T14:31:40Z",
    "2022-01-27T15:31:40, 2022-01-27T15:31:40Z",
    "2022-01-27T00:30:00+01, 2022-01-26T23:30:00Z",
    "9999-12-31T23:59:59Z, 9999-12-31T23:59:59Z",
    "0000-01-01T00:00:00Z, 0000-01-01T00:00:00Z"
  })
  void timestamps_inEveryAcceptedForm_renderInUtcToTheSecond(String input, String rendered) {
    for (String field : List.of("call_started_at", "call_ended_at")) {
      Response response = patch(field, text(input));
      assertThat(response.status()).as(response.toString()).isEqualTo(200);
      assertThat(response.json().get("call").get(field).asText()).isEqualTo(rendered);
      assertThat(Calls.get(api, callId).get(field).asText()).isEqualTo(rendered);
    }
  }

  @Test
  void timestamps_onCreate_renderInUtc() {
    ObjectNode call = minimalCall();
    call.put("call_started_at", "2022-01-27T15:31:40+01:30");
    call.put("call_ended_at", "2022-01-27T15:32:40.5-0100");

    JsonNode created = create(call).json().get("call");

    assertThat(created.get("call_started_at").asText()).isEqualTo("2022-01-27T14:01:40Z");
    assertThat(created.get("call_ended_at").asText()).isEqualTo("2022-01-27T16:32:40Z");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2022-01-27",
        "garbage",
        "2022-13-27T15:31:40Z",
        "2022-02-30T10:00:00Z",
        "2022-01-27T25:00:00Z",
        "2022-01-27T15:61:00Z",
        "2022-01-27T15:31:40+25:00",
        "2022-01-27T15:31:40+01:75",
        "27/01/2022 15:31",
        "2022-01-27T15:31:40ZZ",
        "1643297500",
        " 2022-01-27T15:31:40Z",
        "9999-12-31T23:59:59-01:00",
        "0000-01-01T00:30:00+01:00"
      })
  void timestamps_thatAreNotDateTimes_areInvalidFormat(String input) {
    String message = "is not an ISO 8601 date-time such as 2022-01-27T15:31:40+01:00";
    assertInvalid(
        patch("call_ended_at", text(input)),
        recordInvalid("call_ended_at", "InvalidFormat", message));
    assertInvalid(
        patch("call_started_at", text(input)),
        recordInvalid("call_started_at", "InvalidFormat", message));
  }

  // ---- mandatory fields ----

  static final List<String> MANDATORY =
      List.of("app_id", "call_started_at", "direction", "from_line", "to_line");

  @Test
  void mandatoryFields_areTheReferencesFive() {
    assertThat(CallField.mandatory().stream().map(CallField::wireName))
        .containsExactlyElementsOf(MANDATORY);
  }

  static JsonNode allBlank() {
    Object[] expected = new Object[MANDATORY.size() * 3];
    for (int i = 0; i < MANDATORY.size(); i++) {
      expected[i * 3] = MANDATORY.get(i);
      expected[i * 3 + 1] = "BlankValue";
      expected[i * 3 + 2] = "cannot be blank";
    }
    return recordInvalid(expected);
  }

  @Test
  void create_withNoFields_namesEveryMandatoryFieldInOneResponse() {
    assertInvalid(api.post("/api/v2/calls", "{\"call\": {}}"), allBlank());
  }

  @Test
  void create_withEveryMandatoryFieldNull_namesThemAll() {
    ObjectNode call = NODES.objectNode();
    MANDATORY.forEach(call::putNull);

    assertInvalid(create(call), allBlank());
  }

  @Test
  void create_withBlankStringsForMandatoryFields_namesThemAllAsBlank() {
    ObjectNode call = NODES.objectNode();
    call.putNull("app_id");
    call.put("call_started_at", "");
    call.put("direction", "");
    call.put("from_line", "   ");
    call.put("to_line", "\t");

    assertInvalid(create(call), allBlank());
  }

  @ParameterizedTest
  @ValueSource(strings = {"app_id", "call_started_at", "direction", "from_line", "to_line"})
  void create_missingOneMandatoryField_namesIt(String field) {
    ObjectNode missing = minimalCall();
    missing.remove(field);
    ObjectNode nulled = minimalCall();
    nulled.putNull(field);

    JsonNode expected = recordInvalid(field, "BlankValue", "cannot be blank");
    assertInvalid(create(missing), expected);
    assertInvalid(create(nulled), expected);
    if (!field.equals("app_id")) {
      ObjectNode blank = minimalCall();
      blank.put(field, " ");
      assertInvalid(create(blank), expected);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"app_id", "call_started_at", "direction", "from_line", "to_line"})
  void patch_cannotClearAMandatoryField(String field) {
    JsonNode before = Calls.get(api, callId);

    JsonNode expected = recordInvalid(field, "BlankValue", "cannot be blank");
    assertInvalid(patch(field, NODES.nullNode()), expected);
    if (!field.equals("app_id")) {
      assertInvalid(patch(field, text("")), expected);
    }
    assertThat(Calls.get(api, callId).get(field)).isEqualTo(before.get(field));
  }

  @Test
  void patch_mayChangeMandatoryFields() {
    long id = Calls.create(api);

    Response response =
        api.patch(
            "/api/v2/calls/" + id,
            json(
                "{'call': {'direction': 'outbound', 'from_line': '+15550000001',"
                    + " 'to_line': '+15550000002', 'call_started_at': '2023-05-01T10:00:00Z'}}"));

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonNode call = Calls.get(api, id);
    assertThat(call.get("direction").asText()).isEqualTo("outbound");
    assertThat(call.get("from_line").asText()).isEqualTo("+15550000001");
    assertThat(call.get("call_started_at").asText()).isEqualTo("2023-05-01T10:00:00Z");
  }

  // ---- read-only, app_id, ticket_id ----

  @Test
  void create_ignoresReadOnlyFields() {
    ObjectNode call = minimalCall();
    call.put("id", 1);
    call.put("account_id", 999);
    call.put("created_at", "2000-01-01T00:00:00Z");
    call.put("updated_at", "2000-01-01T00:00:00Z");

    Response response = create(call);

    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    JsonNode created = response.json().get("call");
    assertThat(created.get("id").asLong()).isNotEqualTo(1);
    assertThat(created.get("account_id").asLong()).isEqualTo(Rows.DEFAULT_ACCOUNT);
    assertThat(created.get("created_at").asText()).doesNotStartWith("2000");
    assertThat(created.get("updated_at").asText()).doesNotStartWith("2000");
    assertThat(response.header("X-Dialtone-Ignored-Fields")).isNull();
  }

  @Test
  void patch_ignoresReadOnlyFields() {
    long id = Calls.create(api);
    JsonNode before = Calls.get(api, id);

    Response response =
        api.patch(
            "/api/v2/calls/" + id,
            json(
                "{'call': {'id': 5, 'account_id': 2, 'created_at': '2000-01-01T00:00:00Z',"
                    + " 'updated_at': '2000-01-01T00:00:00Z'}}"));

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonNode after = Calls.get(api, id);
    assertThat(after.get("id")).isEqualTo(before.get("id"));
    assertThat(after.get("account_id")).isEqualTo(before.get("account_id"));
    assertThat(after.get("created_at")).isEqualTo(before.get("created_at"));
    assertThat(after.get("updated_at").asText()).doesNotStartWith("2000");
  }

  @Test
  void patch_withTheSameAppId_isAccepted() {
    Response response = patch("app_id", NODES.numberNode(735264019863524L));

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
  }

  @Test
  void patch_withAnotherAppId_isNotAllowed() {
    assertInvalid(
        patch("app_id", NODES.numberNode(735264019863525L)),
        recordInvalid("app_id", "NotAllowed", "cannot be changed after the call is created"));
    assertThat(Calls.get(api, callId).get("app_id").asLong()).isEqualTo(735264019863524L);
  }

  static final String TICKET_ID_ON_CREATE =
      "cannot be set when creating a call; create the call first, then link a ticket with PATCH"
          + " or add a comment";

  @Test
  void create_withTicketId_isNotAllowedEvenWhenNull() {
    long callsBefore = Rows.count(dataDir, "calls");

    assertInvalid(
        createWith("ticket_id", NODES.numberNode(ticketId)),
        recordInvalid("ticket_id", "NotAllowed", TICKET_ID_ON_CREATE));
    assertInvalid(
        createWith("ticket_id", NODES.nullNode()),
        recordInvalid("ticket_id", "NotAllowed", TICKET_ID_ON_CREATE));
    assertThat(Rows.count(dataDir, "calls")).isEqualTo(callsBefore);
  }

  @Test
  void patch_ticketId_mustNameATicketOfTheAccount() {
    long id = Calls.create(api);

    assertInvalid(
        patch(id, "ticket_id", NODES.numberNode(ticketId + 1000)),
        recordInvalid("ticket_id", "InvalidValue", "does not name a ticket of this account"));
    Response linked = patch(id, "ticket_id", NODES.numberNode(ticketId));
    assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
    assertThat(Calls.get(api, id).get("ticket_id").asLong()).isEqualTo(ticketId);
  }

  // ---- references ----

  @Test
  void agentId_mustBeAnAgentOrAdmin() {
    assertInvalid(
        patch("agent_id", NODES.numberNode(endUserId)),
        recordInvalid("agent_id", "InvalidValue", "does not name an agent of this account"));
    assertInvalid(
        patch("agent_id", NODES.numberNode(agentId + 1000)),
        recordInvalid("agent_id", "InvalidValue", "does not name an agent of this account"));
    assertThat(patch("agent_id", NODES.numberNode(agentId)).status()).isEqualTo(200);
    assertThat(patch("agent_id", NODES.numberNode(Rows.DEFAULT_ADMIN)).status()).isEqualTo(200);
  }

  @Test
  void endUserId_mayNameAnyUserOfTheAccount() {
    assertInvalid(
        patch("end_user_id", NODES.numberNode(endUserId + 1000)),
        recordInvalid("end_user_id", "InvalidValue", "does not name a user of this account"));
    assertThat(patch("end_user_id", NODES.numberNode(endUserId)).status()).isEqualTo(200);
    assertThat(patch("end_user_id", NODES.numberNode(agentId)).status()).isEqualTo(200);
  }

  @Test
  void brandAndOrganization_mustExistInTheAccount() {
    assertInvalid(
        patch("brand_id", NODES.numberNode(brandId + 1000)),
        recordInvalid("brand_id", "InvalidValue", "does not name a brand of this account"));
    assertInvalid(
        patch("organization_id", NODES.numberNode(organizationId + 1000)),
        recordInvalid(
            "organization_id", "InvalidValue", "does not name an organization of this account"));
    assertThat(patch("brand_id", NODES.numberNode(brandId)).status()).isEqualTo(200);
    assertThat(patch("organization_id", NODES.numberNode(organizationId)).status()).isEqualTo(200);
  }

  @Test
  void create_withEveryReferenceWrong_namesThemAllAndWritesNothing() {
    long callsBefore = Rows.count(dataDir, "calls");
    ObjectNode call = minimalCall();
    call.put("agent_id", endUserId);
    call.put("end_user_id", 1);
    call.put("brand_id", 1);
    call.put("organization_id", 1);

    assertInvalid(
        create(call),
        recordInvalid(
            "agent_id",
            "InvalidValue",
            "does not name an agent of this account",
            "brand_id",
            "InvalidValue",
            "does not name a brand of this account",
            "end_user_id",
            "InvalidValue",
            "does not name a user of this account",
            "organization_id",
            "InvalidValue",
            "does not name an organization of this account"));
    assertThat(Rows.count(dataDir, "calls")).isEqualTo(callsBefore);
  }

  @Test
  void create_withTypeAndReferenceErrors_namesEveryFailingFieldAtOnce() {
    ObjectNode call = minimalCall();
    call.put("duration", "long");
    call.put("direction", "sideways");
    call.put("brand_id", 1);
    call.remove("to_line");

    JsonNode details = create(call).json().get("details");

    assertThat(fieldNamesOf(details))
        .containsExactlyInAnyOrder("duration", "direction", "brand_id", "to_line");
  }

  // ---- partial merge ----

  @Test
  void patch_nullClearsAnOptionalField_andLeavesTheRest() {
    long id = Calls.create(api);
    api.patch(
        "/api/v2/calls/" + id,
        json("{'call': {'duration': 60, 'queue_name': 'Sales', 'voicemail': true}}"));

    Response response = api.patch("/api/v2/calls/" + id, json("{'call': {'duration': null}}"));

    assertThat(response.status()).isEqualTo(200);
    JsonNode call = Calls.get(api, id);
    assertThat(call.get("duration").isNull()).isTrue();
    assertThat(call.get("queue_name").asText()).isEqualTo("Sales");
    assertThat(call.get("voicemail").asBoolean()).isTrue();
  }

  @ParameterizedTest
  @MethodSource("optionalFields")
  void patch_nullClearsEveryOptionalField(String field) {
    assertThat(patch(field, NODES.nullNode()).status()).isEqualTo(200);
    assertThat(Calls.get(api, callId).get(field).isNull()).isTrue();
  }

  static Stream<String> optionalFields() {
    return writable().filter(f -> !f.isMandatory()).map(CallField::wireName);
  }

  @Test
  void patch_withAnEmptyCallObject_changesNothingButTheRecordStaysReadable() {
    JsonNode before = Calls.get(api, callId);

    Response response = api.patch("/api/v2/calls/" + callId, "{\"call\": {}}");

    assertThat(response.status()).isEqualTo(200);
    JsonNode after = Calls.get(api, callId);
    for (String name : fieldNamesOf(before)) {
      if (!name.equals("updated_at")) {
        assertThat(after.get(name)).as(name).isEqualTo(before.get(name));
      }
    }
  }

  // ---- unknown keys ----

  @Test
  void unknownKeys_areIgnoredAndNamedInAHeader() {
    ObjectNode call = minimalCall();
    call.put("colour", "blue");
    call.put("direktion", "inbound");
    ObjectNode body = NODES.objectNode();
    body.set("call", call);
    body.put("extra", 1);

    Response response = api.post("/api/v2/calls", body.toString());

    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    assertThat(response.header("X-Dialtone-Ignored-Fields")).isEqualTo("extra,colour,direktion");
    assertThat(response.json().get("call").has("colour")).isFalse();
  }

  @Test
  void unknownKeysOnPatch_areNamedInTheHeader() {
    Response response = api.patch("/api/v2/calls/" + callId, json("{'call': {'durration': 5}}"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("X-Dialtone-Ignored-Fields")).isEqualTo("durration");
  }

  @Test
  void knownKeysOnly_carryNoIgnoredFieldsHeader() {
    assertThat(api.post("/api/v2/calls", Calls.MINIMAL).header("X-Dialtone-Ignored-Fields"))
        .isNull();
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource({
    "'a\r\nX-Injected: yes', a%0D%0AX-Injected%3A%20yes",
    "caf\u00e9, caf%C3%A9",
    "'a,b', a%2Cb",
    "\u65e5\u672c, %E6%97%A5%E6%9C%AC",
    "nice_key-1.x~, nice_key-1.x~"
  })
  void unknownKeysThatCannotBeAHeaderValue_arePercentEncodedInTheHeader(String key, String shown) {
    ObjectNode call = minimalCall();
    call.put(key, 1);

    Response response = create(call);

    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    assertThat(response.header("X-Injected")).isNull();
    assertThat(response.header("X-Dialtone-Ignored-Fields")).isEqualTo(shown);
  }

  static List<String> fieldNamesOf(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
