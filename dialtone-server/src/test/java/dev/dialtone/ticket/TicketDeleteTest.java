package dev.dialtone.ticket;

import static dev.dialtone.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dialtone.testing.Api;
import dev.dialtone.testing.Calls;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code DELETE /api/v2/tickets/{id}}: 204, then 404; its calls stay, without a ticket. */
class TicketDeleteTest {
  private static final String OTHER_TOKEN = "othertoken0123456789abcdefghijklmnopqrs";

  @TempDir static Path dataDir;
  static TestServer server;
  static Api admin;
  static Api other;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
    admin = server.admin();
    Response account =
        admin.post(
            "/_dialtone/accounts",
            json(
                "{'account': {'subdomain': 'other', 'admin_email': 'a@other.test',"
                    + " 'admin_token': '"
                    + OTHER_TOKEN
                    + "'}}"));
    assertThat(account.status()).as(account.toString()).isEqualTo(201);
    other = new Api(server.port()).forAccount("other").withToken("a@other.test", OTHER_TOKEN);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static long ticket(Api api) {
    Response created =
        api.post("/api/v2/tickets", json("{'ticket':{'comment':{'body':'Printer on fire'}}}"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("ticket").get("id").asLong();
  }

  static Response delete(Api api, long ticket) {
    return api.send("DELETE", "/api/v2/tickets/" + ticket, null);
  }

  @Test
  void delete_is204_thenTheTicketIs404Everywhere() {
    long ticket = ticket(admin);
    long count = admin.get("/api/v2/tickets").json().get("count").asLong();

    Response deleted = delete(admin, ticket);

    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();
    assertThat(admin.get("/api/v2/tickets/" + ticket).status()).isEqualTo(404);
    assertThat(admin.get("/api/v2/tickets/" + ticket + "/comments").status()).isEqualTo(404);
    assertThat(
            admin.put("/api/v2/tickets/" + ticket, json("{'ticket':{'status':'solved'}}")).status())
        .isEqualTo(404);
    assertThat(admin.get("/api/v2/tickets").json().get("count").asLong()).isEqualTo(count - 1);
    assertThat(delete(admin, ticket).status()).isEqualTo(404);
  }

  @Test
  void delete_keepsTheCallsData_withoutTheTicket() {
    long call = Calls.create(admin);
    long ticket = Calls.commentAndTicket(admin, call);
    JsonNode before = Calls.get(admin, call);

    assertThat(admin.send("DELETE", "/api/v2/tickets/" + ticket + ".json", null).status())
        .isEqualTo(204);

    JsonNode after = Calls.get(admin, call);
    assertThat(after.get("ticket_id").isNull()).isTrue();
    ObjectNode expected = before.deepCopy();
    expected.putNull("ticket_id");
    expected.set("updated_at", after.get("updated_at"));
    assertThat(after).isEqualTo(expected);
    long reopened = Calls.commentAndTicket(admin, call);
    assertThat(reopened).isNotEqualTo(ticket);
    assertThat(admin.get("/api/v2/tickets/" + reopened).status()).isEqualTo(200);
  }

  @Test
  void agents_deleteTickets_endUsersDoNot() {
    long agentId =
        admin
            .post("/api/v2/users", json("{'user':{'name':'Deleting agent','role':'agent'}}"))
            .json()
            .get("user")
            .get("id")
            .asLong();
    String token =
        admin
            .post(
                "/api/v2/oauth/tokens",
                json("{'token':{'user_id':" + agentId + ",'scopes':['read','write']}}"))
            .json()
            .get("token")
            .get("full_token")
            .asText();
    Api agent = new Api(server.port()).withBearer(token);
    long ticket = ticket(admin);

    assertThat(delete(agent, ticket).status()).isEqualTo(204);
    assertThat(admin.get("/api/v2/tickets/" + ticket).status()).isEqualTo(404);
  }

  @Test
  void anotherAccountsTicket_is404_andUntouched() {
    long theirs = ticket(other);
    JsonNode before = other.get("/api/v2/tickets/" + theirs).json();

    assertThat(delete(admin, theirs).status()).isEqualTo(404);

    assertThat(other.get("/api/v2/tickets/" + theirs).json()).isEqualTo(before);
  }
}
