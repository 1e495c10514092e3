package dev.dialtone.user;

import static dev.dialtone.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dialtone.testing.Api;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/v2/users}, {@code PUT} and {@code DELETE /api/v2/users/{id}}. */
class UserListUpdateDeleteTest {
  private static final String OTHER_TOKEN = "othertoken0123456789abcdefghijklmnopqrs";

  @TempDir static Path dataDir;
  static TestServer server;
  static Api admin;
  static Api other;
  static long adminId;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
    admin = server.admin();
    adminId = admin.get("/api/v2/users/me").json().get("user").get("id").asLong();
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

  static JsonNode create(Api api, String user) {
    Response created = api.post("/api/v2/users", json("{'user':" + user + "}"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("user");
  }

  static long id(JsonNode user) {
    return user.get("id").asLong();
  }

  /** An agent of the default account, signed in with a token of its own. */
  static Api agent(long id) {
    return server.signedInAs(id);
  }

  static List<Long> ids(JsonNode users) {
    List<Long> ids = new ArrayList<>();
    users.forEach(user -> ids.add(user.get("id").asLong()));
    return ids;
  }

  static List<Long> everyone(String query) {
    List<Long> ids = new ArrayList<>();
    String next = "/api/v2/users?page[size]=100" + query;
    while (next != null) {
      JsonNode page = admin.get(next).json();
      ids.addAll(ids(page.get("users")));
      JsonNode link = page.get("links").get("next");
      next = link.isNull() ? null : link.asText().replaceFirst("^https?://[^/]+", "");
    }
    return ids;
  }

  static Response delete(Api api, String path) {
    return api.send("DELETE", path, null);
  }

  @Test
  void list_pagesByOffset_inIdOrder() {
    for (int i = 0; i < 3; i++) {
      create(admin, "{'name':'Paged " + i + "'}");
    }
    JsonNode first = admin.get("/api/v2/users?per_page=2").json();
    long count = first.get("count").asLong();

    assertThat(count).isGreaterThanOrEqualTo(4);
    assertThat(ids(first.get("users"))).hasSize(2).isSorted();
    assertThat(first.get("previous_page").isNull()).isTrue();
    assertThat(first.get("next_page").asText()).endsWith("/api/v2/users?page=2&per_page=2");
    JsonNode second = admin.get("/api/v2/users?page=2&per_page=2").json();
    assertThat(ids(second.get("users")).get(0)).isGreaterThan(ids(first.get("users")).get(1));
    assertThat(second.get("previous_page").asText()).endsWith("/api/v2/users?page=1&per_page=2");
    assertThat(second.get("users").get(0).get("url").asText()).contains("/api/v2/users/");
  }

  @Test
  void list_pagesByCursor_andReachesEveryUserOnce() {
    create(admin, "{'name':'Cursor one'}");
    create(admin, "{'name':'Cursor two'}");
    long count = admin.get("/api/v2/users").json().get("count").asLong();

    JsonNode first = admin.get("/api/v2/users?page[size]=1").json();
    assertThat(first.get("meta").get("has_more").asBoolean()).isTrue();
    assertThat(first.get("links").get("next").asText()).contains("page%5Bafter%5D=");
    List<Long> all = new ArrayList<>();
    String next = "/api/v2/users?page[size]=1";
    while (next != null) {
      JsonNode page = admin.get(next).json();
      all.addAll(ids(page.get("users")));
      next =
          page.get("meta").get("has_more").asBoolean()
              ? page.get("links").get("next").asText().replaceFirst("^https?://[^/]+", "")
              : null;
    }
    assertThat(all).hasSize((int) count).doesNotHaveDuplicates().isSorted();
  }

  @Test
  void list_filtersByRole() {
    long agent = id(create(admin, "{'name':'Role agent','role':'agent'}"));
    long endUser = id(create(admin, "{'name':'Role end user'}"));

    JsonNode agents = admin.get("/api/v2/users?role=agent").json();
    assertThat(ids(agents.get("users"))).contains(agent).doesNotContain(endUser, adminId);
    agents.get("users").forEach(user -> assertThat(user.get("role").asText()).isEqualTo("agent"));
    assertThat(agents.get("count").asLong()).isEqualTo(agents.get("users").size());
    assertThat(everyone("&role[]=agent&role[]=admin"))
        .contains(agent, adminId)
        .doesNotContain(endUser);
    assertThat(admin.get("/api/v2/users?role=pilot").json().get("users")).isEmpty();
    assertThat(admin.get("/api/v2/users?role=pilot").json().get("count").asLong()).isZero();
  }

  @Test
  void list_badPaging_is400() {
    Response bad = admin.get("/api/v2/users?per_page=0");

    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("error").asText()).isEqualTo("InvalidPaginationParameter");
  }

  @Test
  void update_changesTheKeysSent_andKeepsTheRest() {
    JsonNode user =
        create(admin, "{'name':'Old name','email':'old@example.com','phone':'+15135550100'}");
    long organization =
        admin
            .post("/api/v2/organizations", json("{'organization':{'name':'Update Org'}}"))
            .json()
            .get("organization")
            .get("id")
            .asLong();

    Response updated =
        admin.put(
            "/api/v2/users/" + id(user),
            json("{'user':{'name':'New name','organization_id':" + organization + "}}"));

    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    JsonNode after = updated.json().get("user");
    assertThat(after.get("name").asText()).isEqualTo("New name");
    assertThat(after.get("organization_id").asLong()).isEqualTo(organization);
    assertThat(after.get("email").asText()).isEqualTo("old@example.com");
    assertThat(after.get("phone").asText()).isEqualTo("+15135550100");
    assertThat(after.get("role").asText()).isEqualTo("end-user");
    assertThat(admin.get("/api/v2/users/" + id(user)).json().get("user")).isEqualTo(after);

    JsonNode cleared =
        admin
            .put("/api/v2/users/" + id(user) + ".json", json("{'user':{'email':null}}"))
            .json()
            .get("user");
    assertThat(cleared.get("email").isNull()).isTrue();
    assertThat(cleared.get("name").asText()).isEqualTo("New name");
  }

  @Test
  void update_badInput_is422_andChangesNothing() {
    create(admin, "{'name':'Taken','email':'taken@example.com'}");
    JsonNode user = create(admin, "{'name':'Valid'}");

    Response refused =
        admin.put(
            "/api/v2/users/" + id(user),
            json(
                "{'user':{'name':'','email':'taken@example.com','role':'pilot',"
                    + "'organization_id':999999}}"));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    assertThat(refused.json().get("error").asText()).isEqualTo("RecordInvalid");
    assertThat(refused.json().get("details").fieldNames())
        .toIterable()
        .contains("name", "email", "role", "organization_id");
    assertThat(admin.get("/api/v2/users/" + id(user)).json().get("user")).isEqualTo(user);
  }

  @Test
  void update_byAgent_reachesEndUsersOnly() {
    long agentId = id(create(admin, "{'name':'Updating agent','role':'agent'}"));
    long otherAgent = id(create(admin, "{'name':'Other agent','role':'agent'}"));
    long endUser = id(create(admin, "{'name':'Customer'}"));
    Api agent = agent(agentId);

    assertThat(
            agent
                .put("/api/v2/users/" + endUser, json("{'user':{'name':'Customer renamed'}}"))
                .status())
        .isEqualTo(200);
    assertThat(agent.put("/api/v2/users/" + otherAgent, json("{'user':{'name':'x'}}")).status())
        .isEqualTo(403);
    assertThat(agent.put("/api/v2/users/" + adminId, json("{'user':{'name':'x'}}")).status())
        .isEqualTo(403);
    assertThat(agent.put("/api/v2/users/" + endUser, json("{'user':{'role':'admin'}}")).status())
        .isEqualTo(403);
    assertThat(admin.get("/api/v2/users/" + endUser).json().get("user").get("role").asText())
        .isEqualTo("end-user");
    assertThat(admin.get("/api/v2/users/" + otherAgent).json().get("user").get("name").asText())
        .isEqualTo("Other agent");
  }

  @Test
  void update_byAdmin_reachesAnyone_butNotTheirOwnRole() {
    long agentId = id(create(admin, "{'name':'Promoted','role':'agent'}"));

    Response promoted = admin.put("/api/v2/users/" + agentId, json("{'user':{'role':'admin'}}"));
    assertThat(promoted.status()).isEqualTo(200);
    assertThat(promoted.json().get("user").get("role").asText()).isEqualTo("admin");

    Response own = admin.put("/api/v2/users/" + adminId, json("{'user':{'role':'agent'}}"));
    assertThat(own.status()).isEqualTo(422);
    assertThat(admin.get("/api/v2/users/me").json().get("user").get("role").asText())
        .isEqualTo("admin");
  }

  @Test
  void delete_keepsTheUserInactive_outOfLists_andSignedOut() {
    long agentId = id(create(admin, "{'name':'Leaving agent','role':'agent'}"));
    Api agent = agent(agentId);
    assertThat(agent.get("/api/v2/users/me").status()).isEqualTo(200);
    Response ticket =
        admin.post(
            "/api/v2/tickets",
            json("{'ticket':{'comment':{'body':'Hi'},'requester_id':" + agentId + "}}"));
    assertThat(ticket.status()).as(ticket.toString()).isEqualTo(201);
    long ticketId = ticket.json().get("ticket").get("id").asLong();

    Response deleted = delete(admin, "/api/v2/users/" + agentId);

    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
    assertThat(deleted.json().get("user").get("id").asLong()).isEqualTo(agentId);
    assertThat(deleted.json().get("user").get("active").asBoolean()).isFalse();
    assertThat(admin.get("/api/v2/users/" + agentId).json().get("user").get("active").asBoolean())
        .isFalse();
    assertThat(everyone("")).doesNotContain(agentId).contains(adminId);
    assertThat(agent.get("/api/v2/users/me").status()).isIn(401, 403);
    assertThat(
            admin
                .get("/api/v2/tickets/" + ticketId)
                .json()
                .get("ticket")
                .get("requester_id")
                .asLong())
        .isEqualTo(agentId);
    assertThat(delete(admin, "/api/v2/users/" + agentId).status()).isEqualTo(404);
    assertThat(admin.put("/api/v2/users/" + agentId, json("{'user':{'name':'x'}}")).status())
        .isEqualTo(404);
  }

  @Test
  void delete_isForAdmins_andNotOfOneself() {
    long agentId = id(create(admin, "{'name':'Deleting agent','role':'agent'}"));
    long endUser = id(create(admin, "{'name':'Kept'}"));

    assertThat(delete(agent(agentId), "/api/v2/users/" + endUser).status()).isEqualTo(403);
    Response self = delete(admin, "/api/v2/users/" + adminId + ".json");
    assertThat(self.status()).isEqualTo(422);
    assertThat(admin.get("/api/v2/users/me").json().get("user").get("active").asBoolean()).isTrue();
    assertThat(admin.get("/api/v2/users/" + endUser).json().get("user").get("active").asBoolean())
        .isTrue();
  }

  @Test
  void anotherAccountsUser_is404_andUntouched() {
    JsonNode theirs = create(other, "{'name':'Theirs'}");
    JsonNode mine = create(admin, "{'name':'Mine'}");

    assertThat(admin.put("/api/v2/users/" + id(theirs), json("{'user':{'name':'x'}}")).status())
        .isEqualTo(404);
    assertThat(delete(admin, "/api/v2/users/" + id(theirs)).status()).isEqualTo(404);
    assertThat(everyone("")).doesNotContain(id(theirs)).contains(id(mine));
    assertThat(ids(other.get("/api/v2/users?per_page=100").json().get("users")))
        .contains(id(theirs))
        .doesNotContain(id(mine));
    assertThat(other.get("/api/v2/users/" + id(theirs)).json().get("user")).isEqualTo(theirs);
  }
}
