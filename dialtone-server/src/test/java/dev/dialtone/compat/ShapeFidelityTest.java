package dev.dialtone.compat;

import static dev.dialtone.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dialtone.testing.Api;
import dev.dialtone.testing.Calls;
import dev.dialtone.testing.KnownShapeDifferences;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.Shapes;
import dev.dialtone.testing.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every answer Dialtone gives for Zendesk's objects has the keys, and the JSON type at each key,
 * that Zendesk's documentation gives them: the shapes pinned in {@code src/test/resources/shapes/},
 * written from the reference pages each names in its {@code _source}.
 */
class ShapeFidelityTest {
  @TempDir static Path dataDir;
  static TestServer server;
  static Api admin;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
    admin = server.admin();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void calls_createShowUpdateAndComment_answerZendesksCallAndVoiceComment() {
    long endUser = id(expect(201, admin.post("/api/v2/users", json(USER_BODY))), "user");
    Response created =
        admin.post(
            "/api/v2/calls",
            json(
                "{'call': {"
                    + Calls.MINIMAL_FIELDS
                    + ", 'end_user_id': "
                    + endUser
                    + ", 'duration': 42},"
                    + " 'comment': {'title': 'A call came in',"
                    + " 'call_fields': ['from_line', 'to_line', 'duration', 'transcript']}}"));
    JsonNode call = object(201, created, "call", "POST /api/v2/calls");
    long callId = call.get("id").asLong();

    object(200, admin.get("/api/v2/calls/" + callId), "call", "GET /api/v2/calls/{id}");
    object(
        200,
        admin.patch(
            "/api/v2/calls/" + callId,
            json(
                "{'call': {'transcript': 'Hello', 'recording_url': 'https://example.com/r.mp3'}}")),
        "call",
        "PATCH /api/v2/calls/{id}");

    Response comment =
        admin.post(
            "/api/v2/calls/" + callId + "/comments",
            json("{'title': 'Call ended', 'call_fields': ['duration', 'transcript', 'location']}"));
    expect(201, comment);
    assertMatches("POST /api/v2/calls/{id}/comments", "voice_comment", comment.json());
    assertThat(comment.json().get("type").asText()).isEqualTo("TpeVoiceComment");
  }

  @Test
  void voiceComments_inTheTicketsCommentsList_areTicketComments() {
    long callId = Calls.create(admin);
    long ticketId = Calls.commentAndTicket(admin, callId);
    expect(
        200,
        admin.put(
            "/api/v2/tickets/" + ticketId,
            json("{'ticket': {'comment': {'body': 'Called back', 'public': false}}}")));

    for (String query : List.of("", "?per_page=1", "?page[size]=1")) {
      Response listed = admin.get("/api/v2/tickets/" + ticketId + "/comments" + query);
      expect(200, listed);
      assertCommentList(
          "GET /api/v2/tickets/{id}/comments" + query,
          query.contains("page[size]") ? "cursor_envelope" : "offset_envelope",
          "comments",
          listed.json());
    }
    JsonNode comments =
        admin.get("/api/v2/tickets/" + ticketId + "/comments").json().get("comments");
    assertThat(comments).extracting(c -> c.get("type").asText()).contains("TpeVoiceComment");
    for (JsonNode comment : comments) {
      // A ticket comment carries via and metadata; the bare 201 of a voice comment does not.
      assertThat(comment.has("via")).as(comment.toString()).isTrue();
      assertThat(comment.has("metadata")).as(comment.toString()).isTrue();
    }
  }

  @Test
  void tickets_createShowUpdateAndList_answerZendesksTicket() {
    long requester = id(expect(201, admin.post("/api/v2/users", json(USER_BODY))), "user");
    JsonNode ticket =
        ticketWithAudit(
            201,
            admin.post(
                "/api/v2/tickets",
                json(
                    "{'ticket': {'subject': 'Printer on fire', 'requester_id': "
                        + requester
                        + ", 'tags': ['printer'], 'comment': {'body': 'Help!'}}}")),
            "POST /api/v2/tickets");
    long id = ticket.get("id").asLong();

    object(200, admin.get("/api/v2/tickets/" + id), "ticket", "GET /api/v2/tickets/{id}");
    object(
        200,
        admin.get("/api/v2/tickets/" + id + "?include=comment_count"),
        "ticket",
        "GET /api/v2/tickets/{id}?include=comment_count");
    ticketWithAudit(
        200,
        admin.put(
            "/api/v2/tickets/" + id,
            json("{'ticket': {'status': 'open', 'comment': {'body': 'On it'}}}")),
        "PUT /api/v2/tickets/{id}");
    expect(
        201,
        admin.post(
            "/api/v2/tickets",
            json("{'ticket': {'subject': 'Second', 'comment': {'body': 'x'}}}")));

    assertLists("/api/v2/tickets", "tickets", "ticket");
  }

  @Test
  void users_createShowUpdateAndList_answerZendesksUser() {
    long organization =
        id(
            expect(
                201,
                admin.post(
                    "/api/v2/organizations", json("{'organization': {'name': 'Users Org'}}"))),
            "organization");
    JsonNode user =
        object(
            201,
            admin.post(
                "/api/v2/users",
                json(
                    "{'user': {'name': 'Caller Example', 'email': 'caller.shape@example.com',"
                        + " 'phone': '+15135557611', 'organization_id': "
                        + organization
                        + "}}")),
            "user",
            "POST /api/v2/users");
    long id = user.get("id").asLong();
    object(
        201,
        admin.post("/api/v2/users", json("{'user': {'name': 'Agent Example', 'role': 'agent'}}")),
        "user",
        "POST /api/v2/users (agent)");

    object(200, admin.get("/api/v2/users/" + id), "user", "GET /api/v2/users/{id}");
    object(200, admin.get("/api/v2/users/me"), "user", "GET /api/v2/users/me");
    object(
        200,
        admin.put("/api/v2/users/" + id, json("{'user': {'name': 'Caller Renamed'}}")),
        "user",
        "PUT /api/v2/users/{id}");

    assertLists("/api/v2/users", "users", "user");
    Response search = admin.get("/api/v2/users/search?query=5135557611");
    expect(200, search);
    assertThat(search.json().get("users")).isNotEmpty();
    assertList("GET /api/v2/users/search", "offset_envelope", "users", search.json(), "user");
  }

  @Test
  void organizations_createShowUpdateAndList_answerZendesksOrganization() {
    JsonNode organization =
        object(
            201,
            admin.post(
                "/api/v2/organizations",
                json("{'organization': {'name': 'Globex', 'external_id': 'crm-42'}}")),
            "organization",
            "POST /api/v2/organizations");
    long id = organization.get("id").asLong();
    expect(201, admin.post("/api/v2/organizations", json("{'organization': {'name': 'Initech'}}")));

    object(
        200,
        admin.get("/api/v2/organizations/" + id),
        "organization",
        "GET /api/v2/organizations/{id}");
    object(
        200,
        admin.put("/api/v2/organizations/" + id, json("{'organization': {'name': 'Globex Corp'}}")),
        "organization",
        "PUT /api/v2/organizations/{id}");

    assertLists("/api/v2/organizations", "organizations", "organization");
  }

  @Test
  void brands_createShowAndList_answerZendesksBrand() {
    JsonNode brand =
        object(
            201,
            admin.post(
                "/api/v2/brands", json("{'brand': {'name': 'Shapes', 'subdomain': 'shapes'}}")),
            "brand",
            "POST /api/v2/brands");
    long id = brand.get("id").asLong();

    object(200, admin.get("/api/v2/brands/" + id), "brand", "GET /api/v2/brands/{id}");

    assertLists("/api/v2/brands", "brands", "brand");
  }

  @Test
  void errors_haveZendesksErrorBodies() {
    assertError(
        "404 RecordNotFound", "error/coded", expect(404, admin.get("/api/v2/tickets/987654321")));
    assertError(
        "404 InvalidEndpoint", "error/coded", expect(404, admin.get("/api/v2/no-such-route")));
    assertError("400 InvalidJSON", "error/coded", expect(400, admin.post("/api/v2/users", "{")));
    Response invalid = expect(422, admin.post("/api/v2/calls", json("{'call': {}}")));
    assertError("422 RecordInvalid", "error/record_invalid", invalid);
    assertThat(invalid.json().get("details").size()).isGreaterThan(1);
    assertError(
        "401 without credentials",
        "error/basic_unauthenticated",
        expect(401, server.anonymous().get("/api/v2/tickets")));
    assertError(
        "401 wrong token",
        "error/basic_unauthenticated",
        expect(
            401,
            server.anonymous().withToken(TestServer.ADMIN_EMAIL, "wrong").get("/api/v2/tickets")));
    assertError(
        "401 unknown Bearer token",
        "error/invalid_token",
        expect(401, server.anonymous().withBearer("nope").get("/api/v2/tickets")));
    long endUser = id(expect(201, admin.post("/api/v2/users", json(USER_BODY))), "user");
    String token =
        expect(
                201,
                admin.post(
                    "/api/v2/oauth/tokens",
                    json("{'token': {'user_id': " + endUser + ", 'scopes': ['read']}}")))
            .json()
            .get("token")
            .get("full_token")
            .asText();
    assertError(
        "403 end user",
        "error/forbidden",
        expect(403, server.anonymous().withBearer(token).get("/api/v2/tickets")));
  }

  @Test
  void voiceTickets_create_answersZendesksTicket() {
    long agent =
        id(
            expect(
                201,
                admin.post(
                    "/api/v2/users", json("{'user': {'name': 'Voice Agent', 'role': 'agent'}}"))),
            "user");
    object(
        201,
        admin.post(
            "/api/v2/channels/voice/tickets",
            json(
                "{'ticket': {'via_id': 44, 'subject': 'Voicemail', 'voice_comment': {"
                    + "'from': '+16617480123', 'to': '+14948848487',"
                    + " 'recording_url': 'https://example.com/vm.mp3',"
                    + " 'started_at': '2022-01-27T15:31:40Z', 'call_duration': 40,"
                    + " 'answered_by_id': "
                    + agent
                    + "}}}")),
        "ticket",
        "POST /api/v2/channels/voice/tickets");
  }

  @Test
  void search_answersZendesksSearchResults() {
    expect(
        201,
        admin.post(
            "/api/v2/users",
            json("{'user': {'name': 'Searched Caller', 'phone': '+15135550199'}}")));

    Response found = expect(200, admin.get("/api/v2/search?query=type:user%20phone:*5135550199"));

    JsonNode body = found.json().deepCopy();
    assertThat(body.get("results")).isNotEmpty();
    for (JsonNode result : body.get("results")) {
      // A search result is the object itself plus the kind Zendesk found it as.
      assertThat(result.path("result_type").asText()).isEqualTo("user");
      ((ObjectNode) result).remove("result_type");
    }
    assertList("GET /api/v2/search", "search_envelope", "results", body, "user");
  }

  private static final String USER_BODY = "{'user': {'name': 'Shape Caller'}}";

  /** Every list the route answers: offset pages (as it answers by default) and cursor pages. */
  private static void assertLists(String path, String listKey, String shape) {
    for (String query : List.of("", "?per_page=1", "?per_page=1&page=2")) {
      Response page = expect(200, admin.get(path + query));
      assertThat(page.json().get(listKey)).as(path + query).isNotEmpty();
      assertList("GET " + path + query, "offset_envelope", listKey, page.json(), shape);
    }
    Response first = expect(200, admin.get(path + "?page[size]=1"));
    assertList("GET " + path + "?page[size]=1", "cursor_envelope", listKey, first.json(), shape);
    String after = first.json().get("meta").get("after_cursor").asText();
    Response second = expect(200, admin.get(path + "?page[size]=1&page[after]=" + after));
    assertThat(second.json().get(listKey)).isNotEmpty();
    assertList(
        "GET " + path + "?page[size]=1&page[after]=…",
        "cursor_envelope",
        listKey,
        second.json(),
        shape);
  }

  private static void assertList(
      String where, String envelope, String listKey, JsonNode body, String shape) {
    Shapes.assertNone(
        where,
        Shapes.checkList(envelope, listKey, shape, body),
        KnownShapeDifferences.KNOWN_DIFFERENCES);
  }

  /** A list of ticket comments, each checked as the kind its {@code type} names. */
  private static void assertCommentList(
      String where, String envelope, String listKey, JsonNode body) {
    Shapes.assertNone(
        where,
        Shapes.checkList(
            envelope,
            listKey,
            comment ->
                "TpeVoiceComment".equals(comment.path("type").asText())
                    ? "voice_comment"
                    : "comment",
            body),
        KnownShapeDifferences.KNOWN_DIFFERENCES);
  }

  /**
   * The object under {@code rootKey}, after checking the answer's status and the object's shape.
   */
  private static JsonNode object(int status, Response response, String rootKey, String where) {
    expect(status, response);
    JsonNode body = response.json();
    assertThat(body.size()).as(where + ": one root key in " + body).isEqualTo(1);
    JsonNode object = body.get(rootKey);
    assertThat(object).as(where + ": " + rootKey + " in " + body).isNotNull();
    assertMatches(where, rootKey, object);
    return object;
  }

  /** A ticket's create or update: the ticket and the audit of the change, nothing else. */
  private static JsonNode ticketWithAudit(int status, Response response, String where) {
    expect(status, response);
    JsonNode body = response.json();
    List<String> keys = new ArrayList<>();
    body.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).as(where + ": " + body).containsExactly("ticket", "audit");
    assertMatches(where, "ticket", body.get("ticket"));
    assertMatches(where, "audit", body.get("audit"));
    return body.get("ticket");
  }

  private static void assertMatches(String where, String shape, JsonNode json) {
    Shapes.assertNone(where, Shapes.check(shape, json), KnownShapeDifferences.KNOWN_DIFFERENCES);
  }

  private static void assertError(String where, String shape, Response response) {
    assertMatches(where, shape, response.json());
  }

  private static Response expect(int status, Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    return response;
  }

  private static long id(Response response, String rootKey) {
    return response.json().get(rootKey).get("id").asLong();
  }
}
