package dev.dialtone.console;

import static dev.dialtone.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dialtone.testing.Api;
import dev.dialtone.testing.Calls;
import dev.dialtone.testing.Console;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Finding a caller in the console, and their profile, over HTTP, as an agent's browser does. */
class CallerPagesTest {
  @TempDir static Path dataDir;
  static TestServer server;
  static Api admin;
  static Console browser;
  static long organization;
  static long grace;
  static long other;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
    admin = server.admin();
    browser = new Console(server.port()).signedInAsAdmin();
    organization =
        created(
            admin.post("/api/v2/organizations", json("{'organization': {'name': 'Initech'}}")),
            "organization");
    grace =
        user(
            "{'user': {'name': 'Grace Hopper', 'email': 'grace@example.com',"
                + " 'phone': '+1 (513) 555-0199', 'organization_id': "
                + organization
                + "}}");
    other =
        user(
            "{'user': {'name': 'Alan Turing', 'email': 'alan@example.com', 'phone': '+442079460958'}}");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static long created(Response response, String key) {
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json().get(key).get("id").asLong();
  }

  static long user(String body) {
    return created(admin.post("/api/v2/users", json(body)), "user");
  }

  static String search(String query) {
    Response page =
        browser.get("/agent/users?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    return page.body();
  }

  static String link(long userId) {
    return "href=\"/agent/users/" + userId + "\"";
  }

  @Test
  void theSearchForm_isLabelledAndFindsNobodyBeforeAQuery() {
    Response page = browser.get("/agent/users");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("<h1>Callers</h1>", "<label for=\"q\">", "<input id=\"q\" name=\"q\"")
        .contains("<a href=\"/agent/users\" aria-current=\"page\">Callers</a>")
        .doesNotContain(link(grace), "Nobody matches");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"5135550199", "+1 (513) 555-0199", "513.555.0199", "+15135550199", "555-0199"})
  void aPhoneNumberInAnyFormatting_findsTheCaller(String phone) {
    assertThat(search(phone)).contains(link(grace), "Grace Hopper").doesNotContain(link(other));
  }

  @Test
  void aNameOrAnEmail_findsTheCaller() {
    assertThat(search("hopper")).contains(link(grace)).doesNotContain(link(other));
    assertThat(search("GRACE@example.com")).contains(link(grace)).doesNotContain(link(other));
    assertThat(search("+44 20 7946 0958"))
        .as("stored as +442079460958, shown as agents dial it")
        .contains(link(other), "+44 20 7946 0958")
        .doesNotContain(link(grace));
    assertThat(search("Nobody Such")).contains("Nobody matches.").doesNotContain(link(grace));
  }

  @Test
  void theProfile_showsWhoTheyAreAndTheirTicketsAndCalls() {
    long ticket =
        created(
            admin.post(
                "/api/v2/tickets",
                json(
                    "{'ticket': {'subject': 'Printer on fire', 'requester_id': "
                        + grace
                        + ", 'comment': {'body': 'Help'}}}")),
            "ticket");
    long call =
        Calls.create(
            admin,
            json(
                "{'call': {"
                    + Calls.MINIMAL_FIELDS
                    + ", 'end_user_id': "
                    + grace
                    + ", 'completion_status': 'completed'}}"));
    long othersCall =
        Calls.create(
            admin, json("{'call': {" + Calls.MINIMAL_FIELDS + ", 'end_user_id': " + other + "}}"));

    Response page = browser.get("/agent/users/" + grace);

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("<h1>Grace Hopper</h1>", "grace@example.com", "+1 (513) 555-0199")
        .contains("end-user", "Initech")
        .containsPattern("Status</dt><dd>\\s*active\\s*</dd>")
        .contains("href=\"/agent/tickets/" + ticket + "\"", "Printer on fire")
        .contains("href=\"/agent/tickets?requester=" + grace + "\"")
        .contains("href=\"/agent/calls/" + call + "\"")
        .contains("href=\"/agent/calls?caller=" + grace + "\"")
        .doesNotContain("href=\"/agent/calls/" + othersCall + "\"");

    String theirCalls = browser.get("/agent/calls?caller=" + grace).body();
    assertThat(theirCalls)
        .contains("href=\"/agent/calls/" + call + "\"")
        .doesNotContain("href=\"/agent/calls/" + othersCall + "\"");
  }

  @Test
  void aProfileWithoutTicketsOrCalls_saysSo_andMarksEmptyFields() {
    long quiet = user("{'user': {'name': 'Quiet One'}}");

    String body = browser.get("/agent/users/" + quiet).body();

    assertThat(body)
        .contains("No tickets.", "No calls.")
        .containsPattern("Email</dt><dd><span class=\"empty\">empty</span></dd>")
        .containsPattern("Phone</dt><dd><span class=\"empty\">empty</span></dd>");
  }

  @Test
  void aScriptInAName_showsAsText() {
    long script =
        user("{'user': {'name': '<script>alert(1)</script>', 'phone': '+1 937 555 0142'}}");

    String found = search("937-555-0142");
    String profile = browser.get("/agent/users/" + script).body();

    assertThat(found)
        .contains(link(script), "&lt;script&gt;alert(1)")
        .doesNotContain("<script>alert");
    assertThat(profile).contains("&lt;script&gt;alert(1)").doesNotContain("<script>alert");
  }

  @Test
  void anAgent_findsCallersAndReadsTheirProfiles_too() {
    long agent =
        user("{'user': {'name': 'Agent Smith', 'email': 'smith@example.com', 'role': 'agent'}}");
    Response set =
        admin.post(
            "/api/v2/users/" + agent + "/password", json("{'password': 'a long agent password'}"));
    assertThat(set.status()).as(set.toString()).isEqualTo(200);
    Console asAgent = new Console(server.port());
    assertThat(asAgent.signIn("smith@example.com", "a long agent password").status())
        .isEqualTo(303);

    Response found = asAgent.get("/agent/users?q=5135550199");
    Response profile = asAgent.get("/agent/users/" + grace);
    Response calls = asAgent.get("/agent/calls");

    assertThat(found.status()).isEqualTo(200);
    assertThat(found.body()).contains(link(grace));
    assertThat(profile.status()).isEqualTo(200);
    assertThat(calls.status()).isEqualTo(200);
  }

  @Test
  void aMissingUserOrAnotherAccountsUser_isANotFoundPage() {
    String acmeToken = "acmetoken0123456789abcdefghijklmnopqrst";
    Response account =
        admin.post(
            "/_dialtone/accounts",
            json(
                "{'account': {'subdomain': 'acmeusers', 'admin_email': 'a@acme.test',"
                    + " 'admin_token': '"
                    + acmeToken
                    + "'}}"));
    assertThat(account.status()).as(account.toString()).isEqualTo(201);
    Api acme = new Api(server.port()).forAccount("acmeusers").withToken("a@acme.test", acmeToken);
    long acmeUser =
        created(
            acme.post(
                "/api/v2/users",
                json("{'user': {'name': 'Acme Person', 'phone': '+15135550199'}}")),
            "user");

    for (String path :
        new String[] {"/agent/users/" + acmeUser, "/agent/users/99999999", "/agent/users/x"}) {
      Response page = browser.get(path);
      assertThat(page.status()).as(path).isEqualTo(404);
      assertThat(page.body()).contains("Not found");
    }
    assertThat(search("5135550199")).contains(link(grace)).doesNotContain(link(acmeUser));
  }
}
