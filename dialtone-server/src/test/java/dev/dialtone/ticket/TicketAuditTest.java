package dev.dialtone.ticket;

import static dev.dialtone.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dialtone.testing.Api;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.Rows;
import dev.dialtone.testing.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit object beside the ticket in the answers of create and update (docs/api.md). */
class TicketAuditTest {
  @TempDir static Path dataDir;
  static TestServer server;
  static Api admin;
  static long adminId;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
    admin = server.admin();
    adminId = admin.get("/api/v2/users/me").json().get("user").get("id").asLong();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static List<String> keys(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  static JsonNode event(JsonNode audit, String type, String field) {
    for (JsonNode event : audit.get("events")) {
      if (event.get("type").asText().equals(type)
          && (field.isEmpty() || event.path("field_name").asText().equals(field))) {
        return event;
      }
    }
    throw new AssertionError("no " + type + " event for " + field + " in " + audit);
  }

  static JsonNode create() {
    Response response =
        admin.post(
            "/api/v2/tickets",
            json(
                "{'ticket':{'subject':'Phone broken','tags':['vip','phone'],"
                    + "'comment':{'body':'It fell','public':false}}}"));
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json();
  }

  @Test
  void create_answersTheStoredAuditWithACommentAndACreateEventPerFieldSet() {
    JsonNode answer = create();

    assertThat(keys(answer)).containsExactly("ticket", "audit");
    JsonNode ticket = answer.get("ticket");
    JsonNode audit = answer.get("audit");
    assertThat(keys(audit))
        .containsExactly("id", "ticket_id", "created_at", "author_id", "metadata", "events", "via");
    assertThat(audit.get("ticket_id").asLong()).isEqualTo(ticket.get("id").asLong());
    assertThat(audit.get("author_id").asLong()).isEqualTo(adminId);
    assertThat(audit.get("created_at").asText()).isEqualTo(ticket.get("created_at").asText());
    assertThat(audit.get("metadata").toString()).isEqualTo("{\"system\":{},\"custom\":{}}");
    assertThat(audit.get("via").toString())
        .isEqualTo("{\"channel\":\"api\",\"source\":{\"from\":{},\"to\":{},\"rel\":null}}");

    JsonNode comment =
        admin
            .get("/api/v2/tickets/" + ticket.get("id").asLong() + "/comments")
            .json()
            .get("comments")
            .get(0);
    JsonNode commentEvent = audit.get("events").get(0);
    assertThat(keys(commentEvent))
        .containsExactly(
            "id",
            "type",
            "author_id",
            "body",
            "html_body",
            "plain_body",
            "public",
            "attachments",
            "audit_id");
    assertThat(commentEvent.get("type").asText()).isEqualTo("Comment");
    assertThat(commentEvent.get("id")).isEqualTo(comment.get("id"));
    assertThat(commentEvent.get("audit_id").asLong()).isEqualTo(audit.get("id").asLong());
    assertThat(comment.get("audit_id").asLong()).isEqualTo(audit.get("id").asLong());
    assertThat(commentEvent.get("body").asText()).isEqualTo("It fell");
    assertThat(commentEvent.get("html_body")).isEqualTo(comment.get("html_body"));
    assertThat(commentEvent.get("public").asBoolean()).isFalse();

    assertThat(event(audit, "Create", "subject").get("value").asText()).isEqualTo("Phone broken");
    assertThat(event(audit, "Create", "status").get("value").asText()).isEqualTo("new");
    assertThat(event(audit, "Create", "tags").get("value").toString())
        .isEqualTo("[\"vip\",\"phone\"]");
    assertThat(event(audit, "Create", "requester_id").get("value").asText())
        .isEqualTo(Long.toString(adminId));
    assertThat(keys(event(audit, "Create", "subject")))
        .containsExactly("id", "type", "value", "field_name");
    // Nothing was set for these, so nothing was created.
    for (JsonNode event : audit.get("events")) {
      assertThat(event.path("field_name").asText()).isNotIn("priority", "type", "assignee_id");
    }
    assertThat(
            Rows.count(
                dataDir,
                "ticket_audits",
                "id = ? AND ticket_id = ?",
                audit.get("id").asLong(),
                ticket.get("id").asLong()))
        .isEqualTo(1);
  }

  @Test
  void update_withoutComment_answersAStoredAuditWithAChangeEventPerFieldChanged() {
    long id = create().get("ticket").get("id").asLong();
    long auditsBefore = Rows.count(dataDir, "ticket_audits", "ticket_id = ?", id);

    Response response =
        admin.put(
            "/api/v2/tickets/" + id,
            json("{'ticket':{'status':'pending','tags':['vip'],'subject':'Phone broken'}}"));

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonNode audit = response.json().get("audit");
    assertThat(Rows.count(dataDir, "ticket_audits", "ticket_id = ?", id))
        .isEqualTo(auditsBefore + 1);
    assertThat(Rows.count(dataDir, "ticket_audits", "id = ?", audit.get("id").asLong()))
        .isEqualTo(1);
    assertThat(audit.get("ticket_id").asLong()).isEqualTo(id);
    JsonNode status = event(audit, "Change", "status");
    assertThat(keys(status)).containsExactly("id", "type", "value", "field_name", "previous_value");
    assertThat(status.get("value").asText()).isEqualTo("pending");
    assertThat(status.get("previous_value").asText()).isEqualTo("new");
    JsonNode tags = event(audit, "Change", "tags");
    assertThat(tags.get("value").toString()).isEqualTo("[\"vip\"]");
    assertThat(tags.get("previous_value").toString()).isEqualTo("[\"vip\",\"phone\"]");
    // The subject was sent as it was: no change, no event; and no comment was added.
    assertThat(audit.get("events")).hasSize(2);
  }

  @Test
  void update_withComment_putsTheCommentInTheSameAudit() {
    long id = create().get("ticket").get("id").asLong();

    JsonNode audit =
        admin
            .put(
                "/api/v2/tickets/" + id,
                json("{'ticket':{'priority':'high','comment':{'body':'Called back'}}}"))
            .json()
            .get("audit");

    JsonNode comments = admin.get("/api/v2/tickets/" + id + "/comments").json().get("comments");
    JsonNode added = comments.get(comments.size() - 1);
    assertThat(event(audit, "Comment", "").get("id")).isEqualTo(added.get("id"));
    assertThat(added.get("audit_id").asLong()).isEqualTo(audit.get("id").asLong());
    JsonNode priority = event(audit, "Change", "priority");
    assertThat(priority.get("value").asText()).isEqualTo("high");
    assertThat(priority.get("previous_value").isNull()).isTrue();
  }

  @Test
  void create_replayedWithItsIdempotencyKey_answersTheSameAuditAndStoresNoOther() {
    Api keyed = admin.withHeader("Idempotency-Key", "audit-replay-1");
    String body = json("{'ticket':{'subject':'Once','comment':{'body':'Only once'}}}");
    Response first = keyed.post("/api/v2/tickets", body);
    long audits = Rows.count(dataDir, "ticket_audits");

    Response replay = keyed.post("/api/v2/tickets", body);

    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertThat(replay.status()).isEqualTo(201);
    assertThat(replay.json().get("audit")).isEqualTo(first.json().get("audit"));
    assertThat(Rows.count(dataDir, "ticket_audits")).isEqualTo(audits);
  }
}
