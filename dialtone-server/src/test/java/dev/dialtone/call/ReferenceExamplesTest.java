package dev.dialtone.call;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dialtone.api.CallField;
import dev.dialtone.testing.Api;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.Rows;
import dev.dialtone.testing.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example request of calls-api-reference.txt, sent as written (bodies verbatim, the curl
 * samples to their {@code .json} routes), answered as docs/api.md says. The reference's example
 * responses show offsets such as {@code +01}; Dialtone renders UTC {@code Z} (§2).
 */
class ReferenceExamplesTest {
  /** "Create a Call Object", Example body. */
  static final String CREATE_EXAMPLE_BODY =
      """
      {
      "call": {
      "app_id": 735264019863524,
      "call_ended_at": "2022-01-27T15:32:40+01",
      "call_started_at": "2022-01-27T15:31:40+01",
      "direction": "inbound",
      "from_line": "+183808333456",
      "from_line_nickname": "Sales",
      "to_line": "+149488484873",
      "to_line_nickname": "Technical Support"
      },
      "comment": {
      "call_fields": [
      "from_line",
      "to_line",
      "call_started_at"
      ],
      "title": "This is the ticket comment"
      }
      }
      """;

  /** "curl - call object". */
  static final String CURL_CALL_ONLY =
      """
      {"call": { "from_line": "+183808333456", "to_line": "+149488484873", \
      "call_started_at": "2022-01-27T15:31:40+01", "direction": "inbound", \
      "app_id": 735264019863524 }}""";

  /** "curl - call object and comment in one". */
  static final String CURL_CALL_AND_COMMENT =
      """
      {"call": { "from_line": "+183808333456", "to_line": "+149488484873", \
      "call_started_at": "2022-01-27T15:31:40+01", "direction": "inbound", \
      "app_id": 735264019863524 }, "comment": { "title": "testing comment and call in 1", \
      "call_fields": ["from_line", "to_line", "call_started_at", "direction", "duration"]}}""";

  /** "Update a Call", Example body. */
  static final String PATCH_EXAMPLE_BODY =
      """
      {
      "call": {
      "app_id": 735264019863524,
      "call_ended_at": "2022-01-27T15:32:40+01",
      "call_started_at": "2022-01-27T15:31:40+01",
      "direction": "inbound",
      "duration": 120,
      "from_line": "+183808333456",
      "from_line_nickname": "Sales",
      "recording_url": "http://external.site.com/recordings/abcdef",
      "to_line": "+149488484873",
      "to_line_nickname": "Technical Support"
      }
      }
      """;

  /** "Update a Call", curl. */
  static final String CURL_PATCH = "{\"call\": { \"call_ended_at\": \"2022-04-16T09:15:37Z\" }}";

  /** "Creates a Voice Comment on a Ticket", Example body. */
  static final String COMMENT_EXAMPLE_BODY =
      """
      {
      "call_fields": [
      "from_line",
      "to_line",
      "call_started_at",
      "call_ended_at",
      "direction"
      ],
      "title": "this is the title"
      }
      """;

  /** "Creates a Voice Comment on a Ticket", curl: not valid JSON as printed in the reference. */
  static final String CURL_COMMENT_MALFORMED =
      """
      {"title": "this is the title", "call_fields": {["from_line", "to_line", \
      "call_started_at", "call_ended_at", "direction"]}}""";

  @TempDir static Path dataDir;
  static TestServer server;
  static Api api;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
    api = server.admin();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void curlCallObject_createsTheCallWithEveryFieldAndUtcTimestamps() {
    Response response = api.post("/api/v2/calls.json", CURL_CALL_ONLY);

    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    JsonNode call = response.json().get("call");
    assertThat(fieldNames(call))
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(CallField.values()).map(CallField::wireName).toList());
    assertThat(call.get("app_id").asLong()).isEqualTo(735264019863524L);
    assertThat(call.get("call_started_at").asText()).isEqualTo("2022-01-27T14:31:40Z");
    assertThat(call.get("direction").asText()).isEqualTo("inbound");
    assertThat(call.get("from_line").asText()).isEqualTo("+183808333456");
    assertThat(call.get("to_line").asText()).isEqualTo("+149488484873");
    assertThat(call.get("account_id").asLong()).isEqualTo(Rows.DEFAULT_ACCOUNT);
    assertThat(call.get("ticket_id").isNull()).isTrue();
    assertThat(call.get("call_ended_at").isNull()).isTrue();
    assertThat(call.get("created_at").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(response.header("Location")).as("Zendesk's answer has none").isNull();
  }

  @Test
  void createExampleBody_createsTheCallAndATicketWithTheComment() {
    long ticketsBefore = Rows.count(dataDir, "tickets");

    Response response = api.post("/api/v2/calls", CREATE_EXAMPLE_BODY);

    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    JsonNode call = response.json().get("call");
    assertThat(call.get("call_ended_at").asText()).isEqualTo("2022-01-27T14:32:40Z");
    assertThat(call.get("from_line_nickname").asText()).isEqualTo("Sales");
    assertThat(call.get("to_line_nickname").asText()).isEqualTo("Technical Support");
    long ticketId = call.get("ticket_id").asLong();
    assertThat(ticketId).isPositive();
    assertThat(Rows.count(dataDir, "tickets")).isEqualTo(ticketsBefore + 1);
    assertThat(Rows.single(dataDir, "SELECT subject FROM tickets WHERE id = ?", ticketId))
        .isEqualTo("This is the ticket comment");
    assertThat(
            Rows.count(
                dataDir,
                "ticket_comments",
                "ticket_id = ? AND call_id = ? AND type = 'TpeVoiceComment'",
                ticketId,
                call.get("id").asLong()))
        .isEqualTo(1);
  }

  @Test
  void curlCallAndCommentInOne_createsTheTicketToo() {
    Response response = api.post("/api/v2/calls.json", CURL_CALL_AND_COMMENT);

    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    long ticketId = response.json().get("call").get("ticket_id").asLong();
    assertThat(Rows.single(dataDir, "SELECT subject FROM tickets WHERE id = ?", ticketId))
        .isEqualTo("testing comment and call in 1");
  }

  @Test
  void curlGet_returnsTheStoredCall() {
    JsonNode created = api.post("/api/v2/calls.json", CURL_CALL_ONLY).json().get("call");

    Response response = api.get("/api/v2/calls/" + created.get("id").asLong() + ".json");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("call")).isEqualTo(created);
    assertThat(api.get("/api/v2/calls/" + created.get("id").asLong()).json().get("call"))
        .isEqualTo(created);
  }

  @Test
  void patchExampleBody_updatesTheCallRepeatingItsAppId() {
    long id = api.post("/api/v2/calls.json", CURL_CALL_ONLY).json().get("call").get("id").asLong();

    Response response = api.patch("/api/v2/calls/" + id, PATCH_EXAMPLE_BODY);

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonNode call = response.json().get("call");
    assertThat(call.get("duration").asInt()).isEqualTo(120);
    assertThat(call.get("recording_url").asText())
        .isEqualTo("http://external.site.com/recordings/abcdef");
    assertThat(call.get("call_ended_at").asText()).isEqualTo("2022-01-27T14:32:40Z");
    assertThat(call.get("call_started_at").asText()).isEqualTo("2022-01-27T14:31:40Z");
    assertThat(api.get("/api/v2/calls/" + id).json().get("call")).isEqualTo(call);
  }

  @Test
  void curlPatch_changesOnlyCallEndedAt() {
    JsonNode created = api.post("/api/v2/calls.json", CURL_CALL_ONLY).json().get("call");
    long id = created.get("id").asLong();

    Response response = api.patch("/api/v2/calls/" + id + ".json", CURL_PATCH);

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonNode call = response.json().get("call");
    assertThat(call.get("call_ended_at").asText()).isEqualTo("2022-04-16T09:15:37Z");
    for (String name : fieldNames(created)) {
      if (!name.equals("call_ended_at") && !name.equals("updated_at")) {
        assertThat(call.get(name)).as(name).isEqualTo(created.get(name));
      }
    }
  }

  @Test
  void commentExampleBody_addsAVoiceCommentShowingTheRequestedFields() {
    long id = api.post("/api/v2/calls", CREATE_EXAMPLE_BODY).json().get("call").get("id").asLong();

    Response response = api.post("/api/v2/calls/" + id + "/comments", COMMENT_EXAMPLE_BODY);

    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    JsonNode comment = response.json();
    assertThat(comment.get("type").asText()).isEqualTo("TpeVoiceComment");
    assertThat(comment.get("public").asBoolean()).isFalse();
    assertThat(comment.get("title").asText()).isEqualTo("this is the title");
    JsonNode data = comment.get("data");
    assertThat(data.get("app_id").asLong()).isEqualTo(735264019863524L);
    assertThat(data.get("call_id").asLong()).isEqualTo(id);
    assertThat(data.get("from_line").asText()).isEqualTo("+183808333456");
    assertThat(data.get("to_line").asText()).isEqualTo("+149488484873");
    assertThat(data.get("call_started_at").asText()).isEqualTo("2022-01-27T14:31:40Z");
    assertThat(data.get("call_ended_at").asText()).isEqualTo("2022-01-27T14:32:40Z");
    assertThat(data.get("direction").asText()).isEqualTo("inbound");
  }

  @Test
  void curlCommentAsPrinted_isRejectedAs400InvalidJsonNot500() {
    long id = api.post("/api/v2/calls.json", CURL_CALL_ONLY).json().get("call").get("id").asLong();
    long commentsBefore = Rows.count(dataDir, "ticket_comments");

    Response response = api.post("/api/v2/calls/" + id + "/comments.json", CURL_COMMENT_MALFORMED);

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.json().get("error").asText()).isEqualTo("InvalidJSON");
    assertThat(response.json().get("description").asText()).contains("line 1, column");
    assertThat(Rows.count(dataDir, "ticket_comments")).isEqualTo(commentsBefore);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
