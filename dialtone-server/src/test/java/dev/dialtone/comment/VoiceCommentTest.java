package dev.dialtone.comment;

import static dev.dialtone.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dialtone.testing.Api;
import dev.dialtone.testing.Calls;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.Rows;
import dev.dialtone.testing.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** TPE voice comments and the tickets they create (docs/api.md). */
class VoiceCommentTest {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final List<String> ALWAYS_IN_DATA =
      List.of("app_id", "call_id", "title", "author_id", "via_id", "external_id", "recording_url");

  @TempDir static Path dataDir;
  static TestServer server;
  static Api api;
  static long endUserId;
  static long agentId;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
    api = server.admin();
    endUserId =
        Rows.insertUser(dataDir, Rows.DEFAULT_ACCOUNT, "caller@example.com", "end-user", false);
    agentId = Rows.insertUser(dataDir, Rows.DEFAULT_ACCOUNT, "agent@example.com", "agent", false);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Response comment(long callId, String body) {
    return api.post("/api/v2/calls/" + callId + "/comments", json(body));
  }

  static long updatedAtMillis(long callId) {
    return (Long) Rows.single(dataDir, "SELECT updated_at FROM calls WHERE id = ?", callId);
  }

  static JsonNode node(String singleQuoted) {
    try {
      return MAPPER.readTree(json(singleQuoted));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> keys(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void commentOnACallWithoutTicket_createsATicketAndLinksTheCall() throws InterruptedException {
    long callId = Calls.create(api);
    long updatedBefore = updatedAtMillis(callId);
    long ticketsBefore = Rows.count(dataDir, "tickets");
    Thread.sleep(5);

    Response response = comment(callId, "{'title': 'Inbound call'}");

    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    JsonNode call = Calls.get(api, callId);
    long ticketId = call.get("ticket_id").asLong();
    assertThat(ticketId).isPositive();
    assertThat(Rows.count(dataDir, "tickets")).isEqualTo(ticketsBefore + 1);
    assertThat(Rows.count(dataDir, "ticket_comments", "ticket_id = ?", ticketId)).isEqualTo(1);
    assertThat(updatedAtMillis(callId)).isGreaterThan(updatedBefore);
    assertThat(Rows.single(dataDir, "SELECT subject FROM tickets WHERE id = ?", ticketId))
        .isEqualTo("Inbound call");
    assertThat(Rows.single(dataDir, "SELECT via_id FROM tickets WHERE id = ?", ticketId))
        .isEqualTo(45L);
  }

  @Test
  void secondComment_goesToTheSameTicket() {
    long callId = Calls.create(api);
    long ticketId = Calls.commentAndTicket(api, callId);
    long ticketsBefore = Rows.count(dataDir, "tickets");

    Response second = comment(callId, "{'title': 'Call ended', 'subject': 'Not used'}");

    assertThat(second.status()).as(second.toString()).isEqualTo(201);
    assertThat(Calls.get(api, callId).get("ticket_id").asLong()).isEqualTo(ticketId);
    assertThat(Rows.count(dataDir, "tickets")).isEqualTo(ticketsBefore);
    assertThat(Rows.count(dataDir, "ticket_comments", "ticket_id = ?", ticketId)).isEqualTo(2);
    assertThat(Rows.single(dataDir, "SELECT subject FROM tickets WHERE id = ?", ticketId))
        .isEqualTo("A call came in");
  }

  @Test
  void subject_namesTheNewTicket() {
    long callId = Calls.create(api);

    comment(callId, "{'title': 'Inbound call', 'subject': 'Printer on fire'}");

    long ticketId = Calls.get(api, callId).get("ticket_id").asLong();
    assertThat(Rows.single(dataDir, "SELECT subject FROM tickets WHERE id = ?", ticketId))
        .isEqualTo("Printer on fire");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}", "{'title': null}", "{'title': ''}", "{'title': '   '}"})
  void missingOrBlankTitle_isBlankValueAndWritesNothing(String body) {
    long callId = Calls.create(api);
    long commentsBefore = Rows.count(dataDir, "ticket_comments");

    Response response = comment(callId, body);

    assertThat(response.status()).as(response.toString()).isEqualTo(422);
    assertThat(response.body())
        .isEqualTo(
            json(
                "{'error':'RecordInvalid','description':'Record validation errors','details':"
                    + "{'title':[{'description':'Title: cannot be blank','error':'BlankValue'}]}}"));
    assertThat(Rows.count(dataDir, "ticket_comments")).isEqualTo(commentsBefore);
    assertThat(Calls.get(api, callId).get("ticket_id").isNull()).isTrue();
  }

  @Test
  void withoutCallFields_theMandatoryFieldsAreDisplayed() {
    long callId = Calls.create(api);

    JsonNode data = comment(callId, "{'title': 'Hello'}").json().get("data");

    assertThat(keys(data))
        .containsExactlyElementsOf(
            concat(
                ALWAYS_IN_DATA,
                List.of("app_id", "call_started_at", "direction", "from_line", "to_line")));
    assertThat(data.get("call_started_at").asText()).isEqualTo("2022-01-27T14:31:40Z");
    assertThat(data.get("recording_url").asText()).isEmpty();
    assertThat(data.get("via_id").asInt()).isEqualTo(45);
    assertThat(data.get("call_id").asLong()).isEqualTo(callId);
    assertThat(data.get("title").asText()).isEqualTo("Hello");
  }

  @Test
  void invalidFieldNames_areIgnoredAndLocationIsAnAliasOfEndUserLocation() {
    long callId =
        Calls.create(
            api,
            json(
                "{'call': {"
                    + Calls.MINIMAL_FIELDS.replace('"', '\'')
                    + ", 'end_user_location': 'Dublin', 'ivr_hops': 3, 'duration': 42}}"));

    Response response =
        comment(
            callId,
            "{'title': 'Hello', 'call_fields': ['duration', 'bogus', 'ivr_hops', 'location',"
                + " 'brand_id', 'duration', 'id']}");

    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    JsonNode data = response.json().get("data");
    assertThat(keys(data))
        .containsExactlyElementsOf(
            concat(ALWAYS_IN_DATA, List.of("duration", "end_user_location")));
    assertThat(data.get("end_user_location").asText()).isEqualTo("Dublin");
    assertThat(data.get("duration").asInt()).isEqualTo(42);
    assertThat(response.json().get("body").asText())
        .isEqualTo("Hello\n\nSummary\nDuration: 42\nEnd user location: Dublin");
  }

  @Test
  void bodyAndHtmlBody_showTheTitleAndOneLinePerDisplayedFieldInOrder() {
    long callId = Calls.create(api);

    Response response =
        comment(
            callId,
            "{'title': 'Call from <Bob> & \\\"Alice\\\"', 'call_fields': ['to_line', 'from_line',"
                + " 'call_started_at', 'direction', 'duration']}");

    JsonNode comment = response.json();
    assertThat(comment.get("body").asText())
        .isEqualTo(
            "Call from <Bob> & \"Alice\"\n\nSummary\nTo line: +14948848487\n"
                + "From line: +16617480123\nCall started at: 2022-01-27T14:31:40Z\n"
                + "Direction: inbound");
    assertThat(comment.get("html_body").asText())
        .isEqualTo(
            "<div class=\"zd-comment\" dir=\"auto\"><p dir=\"auto\">Call from &lt;Bob&gt; &amp;"
                + " &quot;Alice&quot;</p>\n<p dir=\"auto\">Summary<br>\nTo line: +14948848487<br>\n"
                + "From line: +16617480123<br>\nCall started at: 2022-01-27T14:31:40Z<br>\n"
                + "Direction: inbound</p>\n</div>");
  }

  @Test
  void response_hasTheVoiceCommentShape() {
    long callId = Calls.create(api);

    JsonNode comment = comment(callId, "{'title': 'Hello'}").json();

    assertThat(keys(comment))
        .containsExactly(
            "id",
            "type",
            "public",
            "author_id",
            "title",
            "body",
            "html_body",
            "data",
            "formatted_from",
            "formatted_to",
            "transcription_visible",
            "trusted",
            "attachments",
            "audit_id",
            "via",
            "created_at",
            "metadata");
    assertThat(comment.get("type").asText()).isEqualTo("TpeVoiceComment");
    assertThat(comment.get("public").asBoolean()).isFalse();
    assertThat(comment.get("transcription_visible").asBoolean()).isFalse();
    assertThat(comment.get("attachments").isArray()).isTrue();
    assertThat(comment.get("attachments").size()).isZero();
    assertThat(comment.get("created_at").asText()).endsWith("Z");
  }

  @Test
  void answer_isTheCommentTheTicketsListShows_viaAndMetadataIncluded() {
    long callId =
        Calls.create(
            api, "{\"call\": {" + Calls.MINIMAL_FIELDS.replace("inbound", "outbound") + "}}");

    JsonNode answer = comment(callId, "{'title': 'Outbound call'}").json();

    long ticketId = Calls.get(api, callId).get("ticket_id").asLong();
    JsonNode listed = api.get("/api/v2/tickets/" + ticketId + "/comments").json().get("comments");
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0)).isEqualTo(answer);
    assertThat(answer.get("via"))
        .isEqualTo(
            node(
                "{'channel': 'voice', 'source': {'from': {'phone': '+16617480123'},"
                    + " 'to': {'phone': '+14948848487'}, 'rel': 'outbound'}}"));
    assertThat(answer.get("data").get("via_id").asInt()).isEqualTo(46);
    assertThat(answer.get("metadata")).isEqualTo(node("{'system': {}, 'custom': {}}"));
  }

  @Test
  void transcriptDisplayed_makesTheTranscriptionVisible() {
    long callId = Calls.create(api);
    api.patch("/api/v2/calls/" + callId, json("{'call': {'transcript': 'Hi\\nthere'}}"));

    JsonNode comment = comment(callId, "{'title': 'Hello', 'call_fields': ['transcript']}").json();

    assertThat(comment.get("transcription_visible").asBoolean()).isTrue();
    assertThat(comment.get("data").get("transcript").asText()).isEqualTo("Hi\nthere");
    assertThat(comment.get("html_body").asText()).contains("Transcript: Hi<br>\nthere");
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "+16617480123, +1 (661) 748-0123",
    "16617480123, +1 (661) 748-0123",
    "+442079460958, +44 20 7946 0958",
    "not a number, Unknown",
    "12, Unknown"
  })
  void formattedLines_areInternationalNumbersOrUnknown(String line, String formatted) {
    long callId =
        Calls.create(
            api,
            json(
                "{'call': {'app_id': 1, 'call_started_at': '2022-01-27T15:31:40Z',"
                    + " 'direction': 'outbound', 'from_line': '"
                    + line
                    + "', 'to_line': '"
                    + line
                    + "'}}"));

    JsonNode comment = comment(callId, "{'title': 'Hello'}").json();

    assertThat(comment.get("formatted_from").asText()).isEqualTo(formatted);
    assertThat(comment.get("formatted_to").asText()).isEqualTo(formatted);
    assertThat(comment.get("data").get("via_id").asInt()).isEqualTo(46);
  }

  @Test
  void author_isTheRequestedAuthorAndDataEchoesIt() {
    long callId = Calls.create(api);
    api.patch("/api/v2/calls/" + callId, json("{'call': {'end_user_id': " + endUserId + "}}"));

    JsonNode comment = comment(callId, "{'title': 'Hello', 'author_id': " + agentId + "}").json();

    assertThat(comment.get("author_id").asLong()).isEqualTo(agentId);
    assertThat(comment.get("data").get("author_id").asLong()).isEqualTo(agentId);
  }

  @Test
  void author_withoutAuthorId_isTheCallsEndUser() {
    long callId = Calls.create(api);
    api.patch("/api/v2/calls/" + callId, json("{'call': {'end_user_id': " + endUserId + "}}"));

    JsonNode comment = comment(callId, "{'title': 'Hello'}").json();

    assertThat(comment.get("author_id").asLong()).isEqualTo(endUserId);
    assertThat(comment.get("data").get("author_id").isNull()).isTrue();
    long ticketId = Calls.get(api, callId).get("ticket_id").asLong();
    assertThat(Rows.single(dataDir, "SELECT requester_id FROM tickets WHERE id = ?", ticketId))
        .isEqualTo(endUserId);
  }

  @Test
  void author_withoutAuthorIdOrEndUser_isTheCaller() {
    long callId = Calls.create(api);

    JsonNode comment = comment(callId, "{'title': 'Hello'}").json();

    assertThat(comment.get("author_id").asLong()).isEqualTo(Rows.DEFAULT_ADMIN);
    assertThat(comment.get("data").get("author_id").isNull()).isTrue();
  }

  @Test
  void unknownAuthor_isInvalidAndWritesNothing() {
    long callId = Calls.create(api);
    long commentsBefore = Rows.count(dataDir, "ticket_comments");

    Response response = comment(callId, "{'title': 'Hello', 'author_id': 1}");

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().get("details"))
        .isEqualTo(
            MAPPER.valueToTree(
                Map.of(
                    "author_id",
                    List.of(
                        Map.of(
                            "description",
                            "Author: does not name a user of this account",
                            "error",
                            "InvalidValue")))));
    assertThat(Rows.count(dataDir, "ticket_comments")).isEqualTo(commentsBefore);
  }

  static final String INVALID_DISPLAY_TO_AGENT =
      json(
          "{'error':'RecordInvalid','description':'Record validation errors','details':"
              + "{'display_to_agent':[{'description':'Display to agent: does not name an agent of"
              + " this account','error':'InvalidValue'}]}}");

  long[] counts() {
    return new long[] {
      Rows.count(dataDir, "calls"),
      Rows.count(dataDir, "tickets"),
      Rows.count(dataDir, "ticket_comments"),
      Rows.count(dataDir, "ticket_audits"),
      Rows.count(dataDir, "screen_pops")
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"end user", "unknown"})
  void createWithCommentAndInvalidDisplayToAgent_writesNoCallTicketOrComment(String who) {
    long target = who.equals("end user") ? endUserId : 999;
    long[] before = counts();

    Response response =
        api.post(
            "/api/v2/calls",
            json(
                "{'call': {"
                    + Calls.MINIMAL_FIELDS.replace('"', '\'')
                    + "}, 'comment': {'title': 'Hello', 'display_to_agent': "
                    + target
                    + "}}"));

    assertThat(response.status()).as(response.toString()).isEqualTo(422);
    assertThat(response.body()).isEqualTo(INVALID_DISPLAY_TO_AGENT);
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void commentWithInvalidDisplayToAgent_writesNothingAndLeavesTheCallUnlinked() {
    long callId = Calls.create(api);
    JsonNode callBefore = Calls.get(api, callId);
    long[] before = counts();

    Response response =
        comment(callId, "{'title': 'Hello', 'display_to_agent': " + endUserId + "}");

    assertThat(response.status()).as(response.toString()).isEqualTo(422);
    assertThat(response.body()).isEqualTo(INVALID_DISPLAY_TO_AGENT);
    assertThat(counts()).isEqualTo(before);
    assertThat(Calls.get(api, callId)).isEqualTo(callBefore);
  }

  @Test
  void validDisplayToAgent_recordsAScreenPop() {
    long callId = Calls.create(api);
    long popsBefore = Rows.count(dataDir, "screen_pops", "agent_id = ?", agentId);

    Response response = comment(callId, "{'title': 'Hello', 'display_to_agent': " + agentId + "}");

    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    assertThat(Rows.count(dataDir, "screen_pops", "agent_id = ?", agentId))
        .isEqualTo(popsBefore + 1);
  }

  @Test
  void closedTicket_refusesTheCommentWithItsStatus() {
    long callId = Calls.create(api);
    long ticketId = Calls.commentAndTicket(api, callId);
    Rows.setTicketStatus(dataDir, ticketId, "closed");
    long[] before = counts();

    Response response = comment(callId, "{'title': 'Too late'}");

    assertThat(response.status()).as(response.toString()).isEqualTo(422);
    assertThat(response.body())
        .isEqualTo(
            json(
                "{'error':'RecordInvalid','description':'Record validation errors','details':"
                    + "{'status':[{'description':'Status: closed prevents ticket update',"
                    + "'error':'InvalidValue'}]}}"));
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void ticketWithFiveThousandComments_refusesAnother() {
    long callId = Calls.create(api);
    long ticketId = Calls.commentAndTicket(api, callId);
    Rows.execute(dataDir, "UPDATE tickets SET comment_count = 5000 WHERE id = ?", ticketId);
    long[] before = counts();

    Response response = comment(callId, "{'title': 'One too many'}");

    assertThat(response.status()).as(response.toString()).isEqualTo(422);
    assertThat(response.json().get("details").has("comments")).isTrue();
    assertThat(counts()).isEqualTo(before);
  }

  static Object ticketColumn(long ticketId, String column) {
    return Rows.single(dataDir, "SELECT " + column + " FROM tickets WHERE id = ?", ticketId);
  }

  @Test
  void newTicket_takesRequesterAssigneeBrandOrganizationAndViaFromTheCall() {
    long organizationId = Rows.insertOrganization(dataDir, Rows.DEFAULT_ACCOUNT, "Acme Inc");
    long brandId = Rows.defaultBrand(dataDir, Rows.DEFAULT_ACCOUNT);
    long callId =
        Calls.create(
            api,
            json(
                "{'call': {'app_id': 1, 'call_started_at': '2022-01-27T15:31:40Z',"
                    + " 'direction': 'outbound', 'from_line': '+16617480123',"
                    + " 'to_line': '+14948848487', 'end_user_id': "
                    + endUserId
                    + ", 'agent_id': "
                    + agentId
                    + ", 'brand_id': "
                    + brandId
                    + ", 'organization_id': "
                    + organizationId
                    + "}}"));

    long ticketId = Calls.commentAndTicket(api, callId);

    assertThat(ticketColumn(ticketId, "requester_id")).isEqualTo(endUserId);
    assertThat(ticketColumn(ticketId, "submitter_id")).isEqualTo(Rows.DEFAULT_ADMIN);
    assertThat(ticketColumn(ticketId, "assignee_id")).isEqualTo(agentId);
    assertThat(ticketColumn(ticketId, "status")).isEqualTo("open");
    assertThat(ticketColumn(ticketId, "brand_id")).isEqualTo(brandId);
    assertThat(ticketColumn(ticketId, "organization_id")).isEqualTo(organizationId);
    assertThat(ticketColumn(ticketId, "via_channel")).isEqualTo("voice");
    assertThat(ticketColumn(ticketId, "via_id")).isEqualTo(46L);
    assertThat(ticketColumn(ticketId, "via_source"))
        .asString()
        .contains("\"rel\":\"outbound\"")
        .contains("+16617480123")
        .contains("+14948848487");
  }

  @Test
  void newTicket_withoutCallPeople_isNewRequestedByTheCallerOnTheDefaultBrand() {
    long callId = Calls.create(api);

    long ticketId = Calls.commentAndTicket(api, callId);

    assertThat(ticketColumn(ticketId, "requester_id")).isEqualTo(Rows.DEFAULT_ADMIN);
    assertThat(ticketColumn(ticketId, "assignee_id")).isNull();
    assertThat(ticketColumn(ticketId, "status")).isEqualTo("new");
    assertThat(ticketColumn(ticketId, "brand_id"))
        .isEqualTo(Rows.defaultBrand(dataDir, Rows.DEFAULT_ACCOUNT));
    assertThat(ticketColumn(ticketId, "via_id")).isEqualTo(45L);
  }

  @Test
  void newTicket_takesTheRequestersOrganizationWhenTheCallHasNone() {
    long organizationId = Rows.insertOrganization(dataDir, Rows.DEFAULT_ACCOUNT, "Globex");
    long caller =
        Rows.insertUser(dataDir, Rows.DEFAULT_ACCOUNT, "member@globex.test", "end-user", false);
    Rows.execute(
        dataDir, "UPDATE users SET organization_id = ? WHERE id = ?", organizationId, caller);
    long callId = Calls.create(api);
    api.patch("/api/v2/calls/" + callId, json("{'call': {'end_user_id': " + caller + "}}"));

    long ticketId = Calls.commentAndTicket(api, callId);

    assertThat(ticketColumn(ticketId, "organization_id")).isEqualTo(organizationId);
  }

  @Test
  void solvedTicket_stillTakesComments() {
    long callId = Calls.create(api);
    long ticketId = Calls.commentAndTicket(api, callId);
    Rows.setTicketStatus(dataDir, ticketId, "solved");

    assertThat(comment(callId, "{'title': 'Follow-up'}").status()).isEqualTo(201);
  }

  @Test
  void ticketLinkedByPatch_receivesTheComment() {
    long ticketId = Calls.commentAndTicket(api, Calls.create(api));
    long callId = Calls.create(api);
    api.patch("/api/v2/calls/" + callId, json("{'call': {'ticket_id': " + ticketId + "}}"));

    comment(callId, "{'title': 'Second call on the same ticket'}");

    assertThat(Rows.count(dataDir, "ticket_comments", "ticket_id = ?", ticketId)).isEqualTo(2);
    assertThat(Calls.get(api, callId).get("ticket_id").asLong()).isEqualTo(ticketId);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{'title': 5}",
        "{'title': 'x', 'call_fields': 'from_line'}",
        "{'title': 'x', 'call_fields': [1]}",
        "{'title': 'x', 'author_id': 'me'}",
        "{'title': 'x', 'author_id': 0}",
        "{'title': 'x', 'display_to_agent': true}",
        "{'title': 'x', 'subject': []}"
      })
  void malformedCommentFields_are422(String body) {
    long callId = Calls.create(api);

    Response response = comment(callId, body);

    assertThat(response.status()).as(response.toString()).isEqualTo(422);
    assertThat(response.json().get("error").asText()).isEqualTo("RecordInvalid");
  }

  @Test
  void titleOverTheLimit_isTooLong() {
    long callId = Calls.create(api);

    Response response = comment(callId, "{'title': '" + "t".repeat(256) + "'}");

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().get("details").get("title").get(0).get("error").asText())
        .isEqualTo("TooLong");
  }

  static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    for (String name : b) {
      if (!all.contains(name)) {
        all.add(name);
      }
    }
    return all;
  }
}
