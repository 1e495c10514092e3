package dev.dialtone.store;

import static dev.dialtone.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dialtone.testing.Calls;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.Rows;
import dev.dialtone.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the API acknowledged is still there after a restart on the same data directory. */
class DurabilityTest {
  @TempDir Path dataDir;

  @Test
  void callsTicketsAndComments_surviveARestart() {
    try (TestServer server = TestServer.start(dataDir)) {
      long callId = Calls.create(server.admin());
      server
          .admin()
          .post("/api/v2/calls/" + callId + "/comments", json("{'title': 'Before restart'}"));
      server
          .admin()
          .patch("/api/v2/calls/" + callId, json("{'call': {'duration': 77, 'queue_name': 'Q'}}"));
      JsonNode before = Calls.get(server.admin(), callId);
      long tickets = Rows.count(dataDir, "tickets");
      long comments = Rows.count(dataDir, "ticket_comments");

      server.restart();

      JsonNode after = Calls.get(server.admin(), callId);
      assertThat(after).isEqualTo(before);
      assertThat(after.get("duration").asInt()).isEqualTo(77);
      assertThat(after.get("ticket_id").isNull()).isFalse();
      assertThat(Rows.count(dataDir, "tickets")).isEqualTo(tickets).isEqualTo(1);
      assertThat(Rows.count(dataDir, "ticket_comments")).isEqualTo(comments).isEqualTo(1);
      Response second =
          server
              .admin()
              .post("/api/v2/calls/" + callId + "/comments", json("{'title': 'After restart'}"));
      assertThat(second.status()).isEqualTo(201);
      assertThat(Calls.get(server.admin(), callId).get("ticket_id"))
          .isEqualTo(before.get("ticket_id"));
    }
  }

  @Test
  void firstAdmin_stillAuthenticatesAndNoSecondAccountIsCreated() {
    try (TestServer server = TestServer.start(dataDir)) {
      long users = Rows.count(dataDir, "users");

      server.restart();
      server.restart();

      assertThat(Rows.count(dataDir, "accounts")).isEqualTo(1);
      assertThat(Rows.count(dataDir, "users")).isEqualTo(users);
      assertThat(Rows.count(dataDir, "api_tokens")).isEqualTo(1);
      assertThat(server.admin().post("/api/v2/calls", Calls.MINIMAL).status()).isEqualTo(201);
      Response withPassword =
          server
              .anonymous()
              .withBasic(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD)
              .post("/api/v2/calls", Calls.MINIMAL);
      assertThat(withPassword.status()).isEqualTo(201);
    }
  }

  @Test
  void idsKeepGrowingAcrossRestarts() {
    try (TestServer server = TestServer.start(dataDir)) {
      long firstId = Calls.create(server.admin());

      server.restart();

      assertThat(Calls.create(server.admin())).isGreaterThan(firstId);
    }
  }
}
