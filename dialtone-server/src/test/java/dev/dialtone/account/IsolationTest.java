package dev.dialtone.account;

import static dev.dialtone.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dialtone.testing.Api;
import dev.dialtone.testing.Calls;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.Rows;
import dev.dialtone.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** No request ever reads or writes another account's data (docs/api.md). */
class IsolationTest {
  static final String RECORD_NOT_FOUND =
      "{\"error\":\"RecordNotFound\",\"description\":\"Not found\"}";
  static final String ACME_TOKEN = "acmetoken0123456789abcdefghijklmnopqrst";

  @TempDir static Path dataDir;
  static TestServer server;
  static Api first;
  static Api acme;
  static long acmeAccountId;
  static long acmeBrandId;
  static long firstCallId;
  static long firstTicketId;
  static long firstEndUserId;
  static long firstOrganizationId;
  static JsonNode firstCallBefore;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
    first = server.admin();
    Response created =
        first.post(
            "/_dialtone/accounts",
            json(
                "{'account': {'subdomain': 'acme', 'admin_email': 'a@acme.test', 'admin_token': '"
                    + ACME_TOKEN
                    + "'}}"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    acmeAccountId = created.json().get("account").get("id").asLong();
    acmeBrandId = created.json().get("account").get("default_brand_id").asLong();
    acme = new Api(server.port()).forAccount("acme").withToken("a@acme.test", ACME_TOKEN);

    firstEndUserId =
        Rows.insertUser(dataDir, Rows.DEFAULT_ACCOUNT, "caller@example.com", "end-user", false);
    firstOrganizationId = Rows.insertOrganization(dataDir, Rows.DEFAULT_ACCOUNT, "Initech");
    firstCallId = Calls.create(first);
    firstTicketId = Calls.commentAndTicket(first, firstCallId);
    firstCallBefore = Calls.get(first, firstCallId);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  void assertFirstAccountUnchanged() {
    assertThat(Calls.get(first, firstCallId)).isEqualTo(firstCallBefore);
    assertThat(Rows.count(dataDir, "ticket_comments", "ticket_id = ?", firstTicketId)).isEqualTo(1);
    assertThat(Rows.count(dataDir, "calls", "account_id = ?", Rows.DEFAULT_ACCOUNT)).isEqualTo(1);
  }

  @Test
  void acmeIsItsOwnAccount() {
    JsonNode call = acme.post("/api/v2/calls", Calls.MINIMAL).json().get("call");

    assertThat(call.get("account_id").asLong()).isEqualTo(acmeAccountId).isNotEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".json"})
  void anotherAccount_cannotReadTheCall(String suffix) {
    Response response = acme.get("/api/v2/calls/" + firstCallId + suffix);

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.body()).isEqualTo(RECORD_NOT_FOUND);
  }

  @Test
  void anotherAccount_cannotPatchTheCall() {
    Response response =
        acme.patch("/api/v2/calls/" + firstCallId, json("{'call': {'duration': 1}}"));

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.body()).isEqualTo(RECORD_NOT_FOUND);
    assertFirstAccountUnchanged();
  }

  @Test
  void anotherAccount_cannotCommentOnTheCall() {
    Response response =
        acme.post("/api/v2/calls/" + firstCallId + "/comments", json("{'title': 'Sneaky'}"));

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.body()).isEqualTo(RECORD_NOT_FOUND);
    assertFirstAccountUnchanged();
  }

  @Test
  void anotherAccount_cannotReferenceTheFirstAccountsRecords() {
    long acmeCalls = Rows.count(dataDir, "calls", "account_id = ?", acmeAccountId);

    Response response =
        acme.post(
            "/api/v2/calls",
            json(
                "{'call': {"
                    + Calls.MINIMAL_FIELDS.replace('"', '\'')
                    + ", 'agent_id': "
                    + Rows.DEFAULT_ADMIN
                    + ", 'end_user_id': "
                    + firstEndUserId
                    + ", 'brand_id': "
                    + Rows.defaultBrand(dataDir, Rows.DEFAULT_ACCOUNT)
                    + ", 'organization_id': "
                    + firstOrganizationId
                    + "}}"));

    assertThat(response.status()).as(response.toString()).isEqualTo(422);
    assertThat(response.json().get("details").fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("agent_id", "end_user_id", "brand_id", "organization_id");
    assertThat(Rows.count(dataDir, "calls", "account_id = ?", acmeAccountId)).isEqualTo(acmeCalls);
  }

  @Test
  void anotherAccount_cannotLinkTheFirstAccountsTicket() {
    long acmeCall = Calls.create(acme);

    Response response =
        acme.patch(
            "/api/v2/calls/" + acmeCall, json("{'call': {'ticket_id': " + firstTicketId + "}}"));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().get("details").get("ticket_id").get(0).get("error").asText())
        .isEqualTo("InvalidValue");
    assertThat(Calls.get(acme, acmeCall).get("ticket_id").isNull()).isTrue();
  }

  @Test
  void anotherAccount_cannotPopToTheFirstAccountsAgent() {
    long acmeCall = Calls.create(acme);

    Response response =
        acme.post(
            "/api/v2/calls/" + acmeCall + "/comments",
            json("{'title': 'x', 'display_to_agent': " + Rows.DEFAULT_ADMIN + "}"));

    assertThat(response.status()).isEqualTo(422);
  }

  @Test
  void ownBrand_isAccepted() {
    Response response =
        acme.post(
            "/api/v2/calls",
            json(
                "{'call': {"
                    + Calls.MINIMAL_FIELDS.replace('"', '\'')
                    + ", 'brand_id': "
                    + acmeBrandId
                    + "}}"));

    assertThat(response.status()).as(response.toString()).isEqualTo(201);
  }

  @Test
  void firstAccount_cannotReadAnotherAccountsCall() {
    long acmeCall = Calls.create(acme);

    assertThat(first.get("/api/v2/calls/" + acmeCall).body()).isEqualTo(RECORD_NOT_FOUND);
  }

  @Test
  void credentialsOfOneAccount_doNotAuthenticateInAnother() {
    Response response = server.admin().forAccount("acme").get("/api/v2/calls/" + firstCallId);

    assertThat(response.status()).isEqualTo(401);
  }

  @Test
  void unknownSubdomain_isInvalidEndpoint() {
    Response response = server.admin().forAccount("nosuch").get("/api/v2/calls/" + firstCallId);

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().get("error").asText()).isEqualTo("InvalidEndpoint");
  }

  @Test
  void onlyTheDefaultAccountsAdmin_createsAccounts() {
    Response response =
        acme.post(
            "/_dialtone/accounts",
            json("{'account': {'subdomain': 'evil', 'admin_email': 'e@evil.test'}}"));

    assertThat(response.status()).isEqualTo(403);
  }
}
