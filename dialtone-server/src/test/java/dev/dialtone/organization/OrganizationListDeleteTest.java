package dev.dialtone.organization;

import static dev.dialtone.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

/** Listing, updating and deleting organizations. */
class OrganizationListDeleteTest {
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

  static long organization(Api api, String name) {
    Response created =
        api.post("/api/v2/organizations", json("{'organization':{'name':'" + name + "'}}"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("organization").get("id").asLong();
  }

  static List<Long> ids(JsonNode page) {
    List<Long> ids = new ArrayList<>();
    page.get("organizations").forEach(org -> ids.add(org.get("id").asLong()));
    return ids;
  }

  @Test
  void list_pagesBothWays_inIdOrder() {
    long a = organization(admin, "List A");
    long b = organization(admin, "List B");
    long c = organization(admin, "List C");

    JsonNode all = admin.get("/api/v2/organizations").json();
    assertThat(ids(all)).containsSubsequence(a, b, c).isSorted();
    assertThat(all.get("count").asLong()).isEqualTo(ids(all).size());
    assertThat(all.get("organizations").get(0).has("name")).isTrue();

    JsonNode offset = admin.get("/api/v2/organizations.json?per_page=1&page=2").json();
    assertThat(ids(offset)).containsExactly(ids(all).get(1));
    assertThat(offset.get("next_page").isNull()).isEqualTo(ids(all).size() == 2);
    assertThat(offset.get("previous_page").asText())
        .endsWith("/api/v2/organizations.json?page=1&per_page=1");

    JsonNode cursor = admin.get("/api/v2/organizations?page[size]=2").json();
    assertThat(ids(cursor)).containsExactlyElementsOf(ids(all).subList(0, 2));
    assertThat(cursor.get("meta").get("has_more").asBoolean()).isEqualTo(ids(all).size() > 2);
    String after = cursor.get("meta").get("after_cursor").asText();
    JsonNode next = admin.get("/api/v2/organizations?page[size]=2&page[after]=" + after).json();
    assertThat(ids(next)).isEqualTo(ids(all).subList(2, Math.min(4, ids(all).size())));
  }

  @Test
  void delete_is204_andLeavesItsUsersAndTicketsWithoutOne() {
    long org = organization(admin, "Doomed");
    Response user =
        admin.post(
            "/api/v2/users", json("{'user':{'name':'Member','organization_id':" + org + "}}"));
    long userId = user.json().get("user").get("id").asLong();
    Response ticket =
        admin.post(
            "/api/v2/tickets",
            json("{'ticket':{'comment':{'body':'Hi'},'requester_id':" + userId + "}}"));
    assertThat(ticket.status()).as(ticket.toString()).isEqualTo(201);
    long ticketId = ticket.json().get("ticket").get("id").asLong();

    Response deleted = admin.send("DELETE", "/api/v2/organizations/" + org, null);

    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();
    assertThat(admin.get("/api/v2/organizations/" + org).status()).isEqualTo(404);
    assertThat(ids(admin.get("/api/v2/organizations").json())).doesNotContain(org);
    JsonNode member = admin.get("/api/v2/users/" + userId).json().get("user");
    assertThat(member.get("organization_id").isNull()).isTrue();
    assertThat(member.get("active").asBoolean()).isTrue();
    JsonNode kept = admin.get("/api/v2/tickets/" + ticketId).json().get("ticket");
    assertThat(kept.get("organization_id").isNull()).isTrue();
    assertThat(kept.get("requester_id").asLong()).isEqualTo(userId);
    assertThat(admin.send("DELETE", "/api/v2/organizations/" + org, null).status()).isEqualTo(404);
  }

  @Test
  void update_changesTheNameAndExternalId_andTakesTheWholeObjectBack() {
    long org = organization(admin, "Initrode");
    JsonNode shown = admin.get("/api/v2/organizations/" + org).json().get("organization");
    ObjectNode sentBack = shown.deepCopy();
    sentBack.put("name", "Initrode Global");
    sentBack.put("external_id", "crm-77");

    Response updated =
        admin.put("/api/v2/organizations/" + org, "{\"organization\":" + sentBack + "}");

    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    JsonNode organization = updated.json().get("organization");
    assertThat(organization.get("name").asText()).isEqualTo("Initrode Global");
    assertThat(organization.get("external_id").asText()).isEqualTo("crm-77");
    assertThat(organization.get("created_at")).isEqualTo(shown.get("created_at"));
    assertThat(updated.header("X-Dialtone-Ignored-Fields"))
        .as("keys sent back as shown are no request to change them")
        .isNull();
    assertThat(
            admin
                .get("/api/v2/organizations/" + org)
                .json()
                .get("organization")
                .get("name")
                .asText())
        .isEqualTo("Initrode Global");
  }

  @Test
  void update_namesWhatItCannotChange_andRefusesATakenOrBlankName() {
    long org = organization(admin, "Vandelay");
    organization(admin, "Kramerica");

    Response notes =
        admin.put(
            "/api/v2/organizations/" + org,
            json("{'organization':{'external_id':null,'notes':'Imports and exports'}}"));
    Response taken =
        admin.put("/api/v2/organizations/" + org, json("{'organization':{'name':'KRAMERICA'}}"));
    Response blank =
        admin.put("/api/v2/organizations/" + org, json("{'organization':{'name':'  '}}"));
    Response missing =
        admin.put("/api/v2/organizations/99999999", json("{'organization':{'name':'X'}}"));

    assertThat(notes.status()).isEqualTo(200);
    assertThat(notes.header("X-Dialtone-Ignored-Fields")).isEqualTo("notes");
    assertThat(taken.status()).isEqualTo(422);
    assertThat(taken.json().get("details").get("name").get(0).get("description").asText())
        .contains("has already been taken");
    assertThat(blank.status()).isEqualTo(422);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(
            admin
                .get("/api/v2/organizations/" + org)
                .json()
                .get("organization")
                .get("name")
                .asText())
        .isEqualTo("Vandelay");
  }

  @Test
  void delete_isForAdmins() {
    long org = organization(admin, "Agents keep out");
    long agentId =
        admin
            .post("/api/v2/users", json("{'user':{'name':'Org agent','role':'agent'}}"))
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

    assertThat(agent.send("DELETE", "/api/v2/organizations/" + org, null).status()).isEqualTo(403);
    assertThat(
            agent
                .put("/api/v2/organizations/" + org, json("{'organization':{'name':'Agents'}}"))
                .status())
        .isEqualTo(403);
    assertThat(agent.get("/api/v2/organizations").status()).isEqualTo(200);
    assertThat(admin.get("/api/v2/organizations/" + org).status()).isEqualTo(200);
  }

  @Test
  void anotherAccountsOrganization_is404_andUntouched() {
    long theirs = organization(other, "Theirs");
    long mine = organization(admin, "Mine");

    assertThat(admin.send("DELETE", "/api/v2/organizations/" + theirs, null).status())
        .isEqualTo(404);
    assertThat(ids(admin.get("/api/v2/organizations").json()))
        .contains(mine)
        .doesNotContain(theirs);
    assertThat(ids(other.get("/api/v2/organizations").json()))
        .contains(theirs)
        .doesNotContain(mine);
  }
}
