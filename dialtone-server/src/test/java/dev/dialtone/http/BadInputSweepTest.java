package dev.dialtone.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dialtone.api.CallField;
import dev.dialtone.api.FieldType;
import dev.dialtone.testing.Api;
import dev.dialtone.testing.Calls;
import dev.dialtone.testing.RandomText;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.Rows;
import dev.dialtone.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated sweep of malformed requests against the three write routes: wrong types for every
 * catalogue field, huge and exotic strings, truncated bodies, invalid UTF-8, deep nesting,
 * duplicate keys, wrong content types and envelopes. Every one must answer a 4xx JSON error (never
 * a 500) and leave the stored data exactly as it was. The seed is printed; rerun one with the
 * environment variable {@code SWEEP_SEED=N}.
 */
class BadInputSweepTest {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  static final long SEED =
      System.getenv("SWEEP_SEED") != null
          ? Long.parseLong(System.getenv("SWEEP_SEED"))
          : System.nanoTime();
  static final List<String> TABLES =
      List.of("calls", "tickets", "ticket_comments", "ticket_audits", "screen_pops", "users");

  @TempDir static Path dataDir;
  static TestServer server;
  static Api api;
  static long plainCall;
  static long ticketedCall;
  static long endUserId;
  final Random random = new Random(SEED);
  final RandomText text = new RandomText(random);

  /** One request of the sweep. */
  record Case(String why, String method, String path, byte[] body, String contentType) {
    @Override
    public String toString() {
      String text = new String(body, StandardCharsets.UTF_8);
      return why
          + ": "
          + method
          + " "
          + path
          + " "
          + (text.length() > 200 ? text.substring(0, 200) + "…" : text);
    }
  }

  @BeforeAll
  static void start() {
    System.out.println("BadInputSweepTest seed: " + SEED + " (rerun with SWEEP_SEED=" + SEED + ")");
    server = TestServer.start(dataDir);
    api = server.admin();
    endUserId =
        Rows.insertUser(dataDir, Rows.DEFAULT_ACCOUNT, "caller@example.com", "end-user", false);
    plainCall = Calls.create(api);
    ticketedCall = Calls.create(api);
    Calls.commentAndTicket(api, ticketedCall);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  // ---- the sweeps ----

  @Test
  void wrongValuesForEveryCatalogueField_areRefusedAndWriteNothing() {
    List<Case> cases = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      addWrongValues(cases);
    }
    sweep(cases);
  }

  void addWrongValues(List<Case> cases) {
    for (CallField field : CallField.values()) {
      if (field.is(CallField.Flag.SERVER)) {
        continue; // read-only fields are ignored whatever they hold
      }
      for (JsonNode bad : wrongValues(field, false)) {
        ObjectNode create = withExtras(minimalCall());
        create.set(field.wireName(), bad);
        cases.add(
            json("create " + field.wireName(), "POST", "/api/v2/calls", envelope(create, null)));
      }
      for (JsonNode bad : wrongValues(field, true)) {
        ObjectNode patch = withExtras(NODES.objectNode());
        patch.set(field.wireName(), bad);
        long target = random.nextBoolean() ? plainCall : ticketedCall;
        cases.add(
            json(
                "patch " + field.wireName(),
                "PATCH",
                "/api/v2/calls/" + target,
                envelope(patch, null)));
      }
    }
  }

  @Test
  void invalidCommentsAlone_orWithAValidCall_areRefusedAndWriteNothing() {
    List<Case> cases = new ArrayList<>();
    for (int round = 0; round < 4; round++) {
      addInvalidComments(cases);
    }
    sweep(cases);
  }

  void addInvalidComments(List<Case> cases) {
    for (ObjectNode comment : invalidComments()) {
      long target = random.nextBoolean() ? plainCall : ticketedCall;
      cases.add(
          json("comment", "POST", "/api/v2/calls/" + target + "/comments", comment.toString()));
      cases.add(
          json("create with comment", "POST", "/api/v2/calls", envelope(minimalCall(), comment)));
    }
  }

  @Test
  void bodiesTruncatedEveryFewBytes_areRefused() {
    ObjectNode comment = NODES.objectNode();
    comment.put("title", "Inbound call \u2615");
    comment.set("call_fields", NODES.arrayNode().add("from_line").add("duration"));
    String create = envelope(minimalCall(), comment);
    String patch = "{\"call\":{\"duration\":120,\"queue_name\":\"Sales\",\"voicemail\":false}}";
    String commentBody = comment.toString();
    List<Case> cases = new ArrayList<>();
    for (int length = 0; length < create.length(); length += 1 + random.nextInt(3)) {
      cases.add(bytes("truncated create", "POST", "/api/v2/calls", prefix(create, length)));
    }
    for (int length = 0; length < patch.length(); length += 1 + random.nextInt(3)) {
      cases.add(
          bytes("truncated patch", "PATCH", "/api/v2/calls/" + plainCall, prefix(patch, length)));
    }
    for (int length = 0; length < commentBody.length(); length += 1 + random.nextInt(3)) {
      cases.add(
          bytes(
              "truncated comment",
              "POST",
              "/api/v2/calls/" + plainCall + "/comments",
              prefix(commentBody, length)));
    }
    sweep(cases);
  }

  @Test
  void bodiesThatAreNotUtf8_areRefused() {
    byte[][] invalid = {
      {(byte) 0xFF},
      {(byte) 0xFE},
      {(byte) 0x80},
      {(byte) 0xC3, (byte) 0x28},
      {(byte) 0xE2, (byte) 0x82},
      {(byte) 0xF0, (byte) 0x9F, (byte) 0x98},
      {(byte) 0xC0, (byte) 0xAF},
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
      {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
      {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}
    };
    List<Case> cases = new ArrayList<>();
    for (byte[] bad : invalid) {
      for (int i = 0; i < 4; i++) {
        String marker = "MARK";
        ObjectNode call = minimalCall();
        call.put(randomStringField().wireName(), "ab" + marker + "cd");
        cases.add(
            bytes(
                "bad utf-8 in create",
                "POST",
                "/api/v2/calls",
                splice(envelope(call, null), marker, bad)));
        ObjectNode patch = NODES.objectNode();
        patch.put(randomStringField().wireName(), marker);
        cases.add(
            bytes(
                "bad utf-8 in patch",
                "PATCH",
                "/api/v2/calls/" + plainCall,
                splice(envelope(patch, null), marker, bad)));
        cases.add(
            bytes(
                "bad utf-8 in comment",
                "POST",
                "/api/v2/calls/" + plainCall + "/comments",
                splice("{\"title\":\"" + marker + "\"}", marker, bad)));
      }
    }
    sweep(cases);
  }

  @Test
  void deepNestingDuplicateKeysAndBrokenSyntax_areRefused() {
    List<String> bodies = new ArrayList<>();
    for (int depth : new int[] {33, 100, 1_000, 50_000}) {
      bodies.add("{\"call\":{\"x\":" + "[".repeat(depth) + "]".repeat(depth) + "}}");
      bodies.add("{\"call\":{\"x\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}}");
      bodies.add("[".repeat(depth) + "]".repeat(depth));
      bodies.add("{\"call\":" + "[".repeat(depth));
    }
    String call = "{" + Calls.MINIMAL_FIELDS;
    bodies.add("{\"call\":" + call + ",\"direction\":\"outbound\"}}");
    bodies.add("{\"call\":" + call + ",\"app_id\":1}}");
    bodies.add("{\"call\":" + call + "},\"call\":" + call + "}}");
    bodies.add("{\"call\":" + call + "},\"comment\":{\"title\":\"a\",\"title\":\"b\"}}");
    bodies.add("{\"call\":" + call + "}} trailing");
    bodies.add("{\"call\":" + call + "}}{\"call\":{}}");
    bodies.add("{\"call\":" + call + ",}}");
    bodies.add("{\"call\":" + call + ",\"duration\":NaN}}");
    bodies.add("{\"call\":" + call + ",\"duration\":Infinity}}");
    bodies.add("{\"call\":" + call + ",\"duration\":0x10}}");
    bodies.add("{\"call\":" + call + ",\"duration\":01}}");
    bodies.add("{\"call\":" + call + ",\"duration\":1" + "0".repeat(5_000) + "}}");
    bodies.add("{\"call\":" + call + ",\"duration\":1e999999999}}");
    bodies.add("{\"call\":" + call + ",/* comment */\"duration\":1}}");
    bodies.add("{'call':{'app_id':1}}");
    bodies.add("{call:{}}");
    bodies.add("{\"call\":" + call + ",\"queue_name\":\"tab\tinside\"}}");
    bodies.add("{\"call\":" + call + ",\"queue_name\":\"bad \\x escape\"}}");
    bodies.add("{\"call\":" + call + ",\"queue_name\":\"\\uZZZZ\"}}");
    bodies.add("");
    bodies.add("   \n\t ");
    bodies.add("null");
    bodies.add("true");
    bodies.add("42");
    bodies.add("\"call\"");
    bodies.add("[]");
    bodies.add("[" + "{\"call\":" + call + "}}" + "]");
    for (String envelopeValue : List.of("[]", "\"x\"", "1", "null", "true", "[" + call + "}]")) {
      bodies.add("{\"call\":" + envelopeValue + "}");
    }
    for (String commentValue : List.of("[]", "\"x\"", "1", "true", "[{\"title\":\"x\"}]")) {
      bodies.add("{\"call\":" + call + "},\"comment\":" + commentValue + "}");
    }
    List<Case> cases = new ArrayList<>();
    for (String body : bodies) {
      cases.add(json("create", "POST", "/api/v2/calls", body));
      cases.add(
          json(
              "patch",
              "PATCH",
              "/api/v2/calls/" + plainCall,
              body.replace("\"comment\"", "\"call\"")));
    }
    for (String body :
        List.of(
            "",
            "[]",
            "null",
            "\"title\"",
            "1",
            "[{\"title\":\"x\"}]",
            "{\"title\":\"a\",\"title\":\"b\"}",
            "{\"title\":" + "[".repeat(200) + "]".repeat(200) + "}",
            "{\"title\":\"x\"} {}")) {
      cases.add(json("comment", "POST", "/api/v2/calls/" + plainCall + "/comments", body));
    }
    sweep(cases);
  }

  @Test
  void validBodiesWithAContentTypeThatIsNotJson_areRefused() {
    String create = Calls.MINIMAL;
    String patch = "{\"call\":{\"duration\":1}}";
    String comment = "{\"title\":\"x\"}";
    List<Case> cases = new ArrayList<>();
    for (String type :
        List.of(
            "text/plain",
            "text/json",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=xyz",
            "application/octet-stream",
            "application/jsonx",
            "json",
            ";;;",
            "text/html; charset=utf-8")) {
      cases.add(new Case("type " + type, "POST", "/api/v2/calls", utf8(create), type));
      cases.add(new Case("type " + type, "PATCH", "/api/v2/calls/" + plainCall, utf8(patch), type));
      cases.add(
          new Case(
              "type " + type,
              "POST",
              "/api/v2/calls/" + plainCall + "/comments",
              utf8(comment),
              type));
    }
    sweep(cases);
  }

  // ---- running a sweep ----

  void sweep(List<Case> cases) {
    JsonNode plainBefore = Calls.get(api, plainCall);
    JsonNode ticketedBefore = Calls.get(api, ticketedCall);
    List<Long> countsBefore = counts();
    System.out.println("BadInputSweepTest: " + cases.size() + " requests");
    List<String> failures = new ArrayList<>();
    for (Case c : cases) {
      Response response = send(c);
      String problem = problem(response);
      if (problem != null) {
        failures.add(problem + " <- " + c);
      }
    }
    assertThat(failures)
        .as(
            "seed %d: %d of %d requests were not refused as they should be",
            SEED, failures.size(), cases.size())
        .isEmpty();
    assertThat(counts()).as("seed %d: row counts of %s", SEED, TABLES).isEqualTo(countsBefore);
    assertThat(Calls.get(api, plainCall)).as("seed %d", SEED).isEqualTo(plainBefore);
    assertThat(Calls.get(api, ticketedCall)).as("seed %d", SEED).isEqualTo(ticketedBefore);
  }

  static Response send(Case c) {
    Api client = c.contentType() == null ? api : api.withHeader("Content-Type", c.contentType());
    return client.sendBytes(c.method(), c.path(), c.body(), true);
  }

  /** What is wrong with this answer to a malformed request, or null when it is right. */
  static String problem(Response response) {
    if (response.status() < 400 || response.status() > 499) {
      return "status " + response.status() + " " + abbreviate(response.body());
    }
    if (!"application/json".equals(response.mediaType())) {
      return "content type " + response.header("Content-Type");
    }
    try {
      JsonNode body = MAPPER.readTree(response.body());
      if (body == null || !body.isObject() || !body.has("error")) {
        return "no error key: " + abbreviate(response.body());
      }
    } catch (Exception e) {
      return "not JSON: " + abbreviate(response.body());
    }
    return null;
  }

  static List<Long> counts() {
    return TABLES.stream().map(table -> Rows.count(dataDir, table)).toList();
  }

  // ---- generating values ----

  /** Values the field must refuse; on PATCH a null for an optional field would be valid. */
  List<JsonNode> wrongValues(CallField field, boolean patch) {
    List<JsonNode> values = new ArrayList<>();
    values.add(NODES.arrayNode().add(randomValue()));
    values.add(NODES.objectNode().set("v", randomValue()));
    FieldType type = field.type();
    if (type.isInteger()) {
      values.add(NODES.textNode(String.valueOf(random.nextInt(1000))));
      values.add(NODES.numberNode(new BigDecimal(random.nextInt(1000) + ".5")));
      values.add(NODES.booleanNode(random.nextBoolean()));
      values.add(NODES.numberNode(new BigInteger("1" + "0".repeat(19 + random.nextInt(40)))));
      values.add(
          NODES.numberNode(type == FieldType.ID ? -random.nextInt(5) : -1 - random.nextInt(1000)));
      values.add(NODES.textNode(unicode(1 + random.nextInt(20))));
    } else if (type == FieldType.BOOLEAN) {
      values.add(NODES.textNode(random.nextBoolean() ? "true" : "false"));
      values.add(NODES.numberNode(random.nextInt(2)));
      values.add(NODES.textNode(unicode(1 + random.nextInt(20))));
    } else {
      values.add(NODES.numberNode(random.nextInt()));
      values.add(NODES.numberNode(new BigDecimal("1.25")));
      values.add(NODES.booleanNode(random.nextBoolean()));
      values.add(NODES.textNode(unicodeOfLength(field.maxLength() + 1 + random.nextInt(50))));
      if (type == FieldType.ENUM || type == FieldType.TIMESTAMP) {
        values.add(NODES.textNode("\u2603" + unicode(random.nextInt(30))));
      }
    }
    if (field.isMandatory()) {
      values.add(NODES.nullNode());
      if (!type.isInteger()) {
        values.add(NODES.textNode(" ".repeat(random.nextInt(4))));
      }
    }
    if (field == CallField.TICKET_ID && !patch) {
      values.add(NODES.nullNode());
      values.add(NODES.numberNode(1));
    }
    if (field.reference().isPresent()) {
      values.add(NODES.numberNode(1 + random.nextInt(1_000_000)));
    }
    if (field == CallField.AGENT_ID) {
      values.add(NODES.numberNode(endUserId));
    }
    if (field == CallField.APP_ID && patch) {
      values.add(NODES.numberNode(735264019863524L + 1 + random.nextInt(100)));
    }
    return values;
  }

  List<ObjectNode> invalidComments() {
    List<ObjectNode> comments = new ArrayList<>();
    for (JsonNode title :
        List.of(
            NODES.nullNode(),
            NODES.textNode(""),
            NODES.textNode("   "),
            NODES.numberNode(1),
            NODES.booleanNode(true),
            NODES.arrayNode().add("t"),
            NODES.textNode(unicodeOfLength(256 + random.nextInt(100))))) {
      ObjectNode comment = randomCommentExtras();
      comment.set("title", title);
      comments.add(comment);
    }
    ObjectNode noTitle = randomCommentExtras();
    noTitle.remove("title");
    comments.add(noTitle);
    for (String key : List.of("call_fields", "author_id", "display_to_agent", "subject")) {
      for (JsonNode bad : badCommentValues(key)) {
        ObjectNode comment = randomCommentExtras();
        comment.put("title", unicode(1 + random.nextInt(40)));
        comment.set(key, bad);
        comments.add(comment);
      }
    }
    return comments;
  }

  List<JsonNode> badCommentValues(String key) {
    return switch (key) {
      case "call_fields" ->
          List.of(
              NODES.textNode("from_line"),
              NODES.numberNode(1),
              NODES.objectNode(),
              NODES.arrayNode().add(1),
              NODES.arrayNode().add(NODES.nullNode()),
              NODES.arrayNode().add(NODES.arrayNode()),
              repeatedArray(101));
      case "author_id", "display_to_agent" ->
          List.of(
              NODES.textNode("1"),
              NODES.numberNode(0),
              NODES.numberNode(-5),
              NODES.numberNode(1.5),
              NODES.numberNode(new BigInteger("99999999999999999999")),
              NODES.numberNode(999),
              key.equals("display_to_agent")
                  ? NODES.numberNode(endUserId)
                  : NODES.booleanNode(true));
      default ->
          List.of(
              NODES.numberNode(1),
              NODES.arrayNode(),
              NODES.textNode(unicodeOfLength(256 + random.nextInt(10))));
    };
  }

  JsonNode repeatedArray(int size) {
    var array = NODES.arrayNode();
    for (int i = 0; i < size; i++) {
      array.add("from_line");
    }
    return array;
  }

  ObjectNode randomCommentExtras() {
    ObjectNode comment = NODES.objectNode();
    if (random.nextBoolean()) {
      comment.set("call_fields", NODES.arrayNode().add("from_line").add(unicode(5)));
    }
    if (random.nextInt(3) == 0) {
      comment.set(unicode(1 + random.nextInt(8)), randomValue());
    }
    return comment;
  }

  ObjectNode minimalCall() {
    try {
      return (ObjectNode) MAPPER.readTree("{" + Calls.MINIMAL_FIELDS + "}");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Adds up to three random entries: any field (read-only ones too) or an unknown key. */
  ObjectNode withExtras(ObjectNode call) {
    int extras = random.nextInt(4);
    for (int i = 0; i < extras; i++) {
      String key =
          random.nextBoolean()
              ? CallField.values()[random.nextInt(CallField.values().length)].wireName()
              : unicode(1 + random.nextInt(12));
      call.set(key, randomValue());
    }
    return call;
  }

  JsonNode randomValue() {
    return switch (random.nextInt(9)) {
      case 0 -> NODES.nullNode();
      case 1 -> NODES.numberNode(random.nextLong());
      case 2 -> NODES.numberNode(new BigDecimal(random.nextDouble() * 1e6));
      case 3 -> NODES.booleanNode(random.nextBoolean());
      case 4 -> NODES.textNode(unicode(random.nextInt(40)));
      case 5 -> NODES.textNode(unicodeOfLength(random.nextInt(5_000)));
      case 6 -> NODES.arrayNode().add(unicode(3)).add(random.nextInt());
      case 7 -> NODES.objectNode().put(unicode(3), unicode(3));
      default -> NODES.textNode("");
    };
  }

  CallField randomStringField() {
    List<CallField> strings =
        Arrays.stream(CallField.values()).filter(f -> f.type() == FieldType.STRING).toList();
    return strings.get(random.nextInt(strings.size()));
  }

  String unicode(int codePoints) {
    return text.unicode(codePoints);
  }

  String unicodeOfLength(int codePoints) {
    return text.unicodeOfLength(codePoints);
  }

  static String envelope(ObjectNode call, ObjectNode comment) {
    ObjectNode body = NODES.objectNode();
    body.set("call", call);
    if (comment != null) {
      body.set("comment", comment);
    }
    return body.toString();
  }

  static Case json(String why, String method, String path, String body) {
    return new Case(why, method, path, utf8(body), null);
  }

  static Case bytes(String why, String method, String path, byte[] body) {
    return new Case(why, method, path, body, null);
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] prefix(String text, int length) {
    return Arrays.copyOf(utf8(text), length);
  }

  /** The text as UTF-8 with the marker replaced by raw bytes. */
  static byte[] splice(String text, String marker, byte[] raw) {
    int at = text.indexOf(marker);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(utf8(text.substring(0, at)));
    out.writeBytes(raw);
    out.writeBytes(utf8(text.substring(at + marker.length())));
    return out.toByteArray();
  }

  static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
