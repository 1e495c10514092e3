package dev.dialtone.console;

import static dev.dialtone.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dialtone.testing.Console;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.TestServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admins' pages of the console, over HTTP, as a browser uses them. */
class AdminPagesTest {
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final String PASSWORD = "first password 123";
  private static final String SCRIPT = "<script>alert(1)</script>";

  @TempDir static Path dataDir;
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String newEmail() {
    return "admin-pages-" + SEQUENCE.incrementAndGet() + "@example.com";
  }

  /** A user made through the API, with a password when one is given. */
  static long createUser(String name, String email, String role, String password) {
    Response created =
        server
            .admin()
            .post(
                "/api/v2/users",
                json(
                    "{'user':{'name':"
                        + quoted(name)
                        + ",'email':'"
                        + email
                        + "','role':'"
                        + role
                        + "'}}"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    long id = created.json().get("user").get("id").asLong();
    if (password != null) {
      Response set =
          server
              .admin()
              .post("/api/v2/users/" + id + "/password", json("{'password':'" + password + "'}"));
      assertThat(set.status()).as(set.toString()).isEqualTo(200);
    }
    return id;
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\"", "\\\"") + "\"";
  }

  static Console signedIn(String email, String password) {
    Console browser = new Console(server.port());
    Response answer = browser.signIn(email, password);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(303);
    assertThat(browser.get("/agent/tickets").status()).isEqualTo(200); // for its CSRF token
    return browser;
  }

  @Test
  void anAgent_getsTheForbiddenPage_onEveryAdminPageAndForm() {
    String email = newEmail();
    long agentId = createUser("Plain Agent", email, "agent", PASSWORD);
    Console agent = signedIn(email, PASSWORD);

    for (String page :
        List.of("/agent/admin/screen-pops", "/agent/admin/users", "/agent/admin/tokens")) {
      Response answer = agent.get(page);
      assertThat(answer.status()).as(page).isEqualTo(403);
      assertThat(answer.mediaType()).as(page).isEqualTo("text/html");
      assertThat(answer.body()).as(page).contains("Not allowed");
    }
    Map<String, Map<String, String>> forms =
        Map.of(
            "/agent/admin/users",
            Map.of("name", "Sneaky", "email", newEmail(), "role", "admin", "password", PASSWORD),
            "/agent/admin/users/" + agentId + "/password",
            Map.of("password", "another password 456"),
            "/agent/admin/users/" + agentId + "/suspend",
            Map.of(),
            "/agent/admin/users/" + agentId + "/reactivate",
            Map.of(),
            "/agent/admin/tokens",
            Map.of("description", "agent's token"),
            "/agent/admin/tokens/1/revoke",
            Map.of());
    forms.forEach(
        (path, fields) -> assertThat(agent.post(path, fields).status()).as(path).isEqualTo(403));
    // Nothing the forms asked for happened: the setup token still works, the password is the same.
    assertThat(server.admin().get("/api/v2/users/me").status()).isEqualTo(200);
    assertThat(new Console(server.port()).signIn(email, PASSWORD).status()).isEqualTo(303);
    // And the admin sections are not in the agent's navigation.
    assertThat(agent.get("/agent/tickets").body()).doesNotContain("/agent/admin/");
  }

  @Test
  void anAdminAddsAnAgentWithAPassword_whoCanThenSignInToTheConsole() {
    Console admin = new Console(server.port()).signedInAsAdmin();
    String email = newEmail();

    Response added =
        admin.post(
            "/agent/admin/users",
            Map.of("name", "New Agent", "email", email, "role", "agent", "password", PASSWORD));

    assertThat(added.status()).as(added.toString()).isEqualTo(303);
    assertThat(added.header("Location")).isEqualTo("/agent/admin/users?done=created");
    Response page = admin.get(added.header("Location"));
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("The user was added.", "New Agent", email);
    assertThat(new Console(server.port()).signIn(email, PASSWORD).status()).isEqualTo(303);
    Response found = server.admin().get("/api/v2/users/search?query=" + email);
    assertThat(found.json().get("users").get(0).get("role").asText()).isEqualTo("agent");
  }

  @Test
  void anAdminAddedWithoutAPassword_cannotSignInUntilOneIsSet() {
    Console admin = new Console(server.port()).signedInAsAdmin();
    String email = newEmail();

    assertThat(
            admin
                .post(
                    "/agent/admin/users",
                    Map.of("name", "Later Admin", "email", email, "role", "admin"))
                .status())
        .isEqualTo(303);

    assertThat(new Console(server.port()).signIn(email, PASSWORD).status()).isEqualTo(401);
    long id =
        server
            .admin()
            .get("/api/v2/users/search?query=" + email)
            .json()
            .get("users")
            .get(0)
            .get("id")
            .asLong();
    assertThat(
            admin
                .post("/agent/admin/users/" + id + "/password", Map.of("password", PASSWORD))
                .status())
        .isEqualTo(303);
    assertThat(new Console(server.port()).signIn(email, PASSWORD).status()).isEqualTo(303);
  }

  @Test
  void badInput_reRendersTheFormWithTheApisSentences_andWhatWasTyped() {
    Console admin = new Console(server.port()).signedInAsAdmin();

    Response refused =
        admin.post(
            "/agent/admin/users",
            Map.of("name", " ", "email", "not-an-email", "role", "admin", "password", "short"));

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.mediaType()).isEqualTo("text/html");
    assertThat(refused.body())
        .contains(
            "Name: cannot be blank",
            "Email: is not properly formatted",
            "Password: must be at least 10 characters",
            "value=\"not-an-email\"")
        .doesNotContain("value=\"short\"");
    assertThat(refused.body()).containsPattern("<option value=\"admin\" selected>");

    String taken = newEmail();
    createUser("Taken", taken, "agent", null);
    Response duplicate =
        admin.post("/agent/admin/users", Map.of("name", "Again", "email", taken, "role", "agent"));
    assertThat(duplicate.status()).isEqualTo(422);
    assertThat(duplicate.body()).contains("Email: is already being used by another user");
  }

  @Test
  void settingAPassword_replacesTheOldOne() {
    String email = newEmail();
    long id = createUser("Forgetful Agent", email, "agent", PASSWORD);
    Console admin = new Console(server.port()).signedInAsAdmin();

    Response tooShort =
        admin.post("/agent/admin/users/" + id + "/password", Map.of("password", "short"));
    Response set =
        admin.post(
            "/agent/admin/users/" + id + "/password", Map.of("password", "second password 456"));

    assertThat(tooShort.status()).isEqualTo(422);
    assertThat(tooShort.body())
        .contains("The password of Forgetful Agent was not set. Password: must be at least 10");
    assertThat(set.status()).isEqualTo(303);
    assertThat(admin.get(set.header("Location")).body())
        .contains("The password was set: the previous one no longer works.");
    assertThat(new Console(server.port()).signIn(email, PASSWORD).status()).isEqualTo(401);
    assertThat(new Console(server.port()).signIn(email, "second password 456").status())
        .isEqualTo(303);
    assertThat(
            admin.post("/agent/admin/users/999999/password", Map.of("password", PASSWORD)).status())
        .isEqualTo(404);
  }

  @Test
  void suspending_endsTheAgentsSessionAtOnce_andReactivatingLetsThemSignInAgain() {
    String email = newEmail();
    long id = createUser("Suspended Agent", email, "agent", PASSWORD);
    Console agent = signedIn(email, PASSWORD);
    Console admin = new Console(server.port()).signedInAsAdmin();

    Response suspended = admin.post("/agent/admin/users/" + id + "/suspend", Map.of());

    assertThat(suspended.status()).isEqualTo(303);
    assertThat(suspended.header("Location")).isEqualTo("/agent/admin/users?done=suspended");
    Response next = agent.get("/agent/tickets");
    assertThat(next.status()).isEqualTo(303);
    assertThat(next.header("Location")).startsWith("/agent/sign-in");
    Response again = new Console(server.port()).signIn(email, PASSWORD);
    assertThat(again.status()).isEqualTo(403);
    assertThat(again.body()).contains("This user is suspended");
    String list = admin.get("/agent/admin/users").body();
    assertThat(list).contains("action=\"/agent/admin/users/" + id + "/reactivate\"");
    assertThat(list).doesNotContain("action=\"/agent/admin/users/" + id + "/suspend\"");

    Response reactivated = admin.post("/agent/admin/users/" + id + "/reactivate", Map.of());

    assertThat(reactivated.status()).isEqualTo(303);
    assertThat(admin.get(reactivated.header("Location")).body())
        .contains("The user was reactivated");
    assertThat(new Console(server.port()).signIn(email, PASSWORD).status()).isEqualTo(303);
  }

  @Test
  void anAdminCannotSuspendThemselves() {
    Console admin = new Console(server.port()).signedInAsAdmin();
    long self = server.admin().get("/api/v2/users/me").json().get("user").get("id").asLong();

    Response refused = admin.post("/agent/admin/users/" + self + "/suspend", Map.of());

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body()).contains("You cannot suspend yourself");
    assertThat(admin.get("/agent/admin/users").status()).isEqualTo(200);
    assertThat(admin.get("/agent/admin/users").body())
        .doesNotContain("action=\"/agent/admin/users/" + self + "/suspend\"");
  }

  @Test
  void aNewTokenIsShownOnce_signsInToTheApi_andRevokingItEndsThat() {
    Console admin = new Console(server.port()).signedInAsAdmin();

    Response created = admin.post("/agent/admin/tokens", Map.of("description", "Phone system"));

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("Location")).isNull();
    String token =
        match(created.body(), "id=\"new-token-value\" class=\"token\" value=\"([^\"]+)\"");
    long id = Long.parseLong(match(created.body(), "New token (\\d+)"));
    Response list = admin.get("/agent/admin/tokens");
    assertThat(list.body()).contains("Phone system").doesNotContain(token);
    assertThat(
            server
                .anonymous()
                .withToken(TestServer.ADMIN_EMAIL, token)
                .get("/api/v2/users/me")
                .status())
        .isEqualTo(200);

    Response revoked = admin.post("/agent/admin/tokens/" + id + "/revoke", Map.of());

    assertThat(revoked.status()).isEqualTo(303);
    assertThat(revoked.header("Location")).isEqualTo("/agent/admin/tokens?done=revoked");
    assertThat(admin.get(revoked.header("Location")).body())
        .contains("The token was revoked")
        .doesNotContain("action=\"/agent/admin/tokens/" + id + "/revoke\"");
    assertThat(
            server
                .anonymous()
                .withToken(TestServer.ADMIN_EMAIL, token)
                .get("/api/v2/users/me")
                .status())
        .isEqualTo(401);
    assertThat(admin.post("/agent/admin/tokens/999999/revoke", Map.of()).status()).isEqualTo(404);
  }

  @Test
  void aFormPostedWithoutTheCsrfToken_isRefused_andDoesNothing() {
    Console admin = new Console(server.port()).signedInAsAdmin();
    String email = newEmail();

    Response token = admin.postForm("/agent/admin/tokens", Map.of("description", "No CSRF token"));
    Response user =
        admin.postForm(
            "/agent/admin/users",
            Map.of("name", "No CSRF", "email", email, "role", "admin", "password", PASSWORD));

    assertThat(token.status()).isEqualTo(403);
    assertThat(user.status()).isEqualTo(403);
    assertThat(admin.get("/agent/admin/tokens").body()).doesNotContain("No CSRF token");
    assertThat(admin.get("/agent/admin/users").body()).doesNotContain(email);
  }

  @Test
  void theScreenPopLog_listsPopsOfTheDisplayApi_withTargetTriggerAndDelivery() {
    long agentId = createUser("Popped Agent", newEmail(), "agent", null);
    long callerId = createUser("Calling Customer", newEmail(), "end-user", null);
    Response ticket =
        server.admin().post("/api/v2/tickets", json("{'ticket':{'comment':{'body':'Hi'}}}"));
    long ticketId = ticket.json().get("ticket").get("id").asLong();
    Response ticketPop =
        server
            .admin()
            .post(
                "/api/v2/channels/voice/agents/" + agentId + "/tickets/" + ticketId + "/display",
                "");
    Response userPop =
        server
            .admin()
            .post(
                "/api/v2/channels/voice/agents/" + agentId + "/users/" + callerId + "/display", "");
    assertThat(ticketPop.status()).isEqualTo(404);
    assertThat(userPop.status()).isEqualTo(404);

    Response log = new Console(server.port()).signedInAsAdmin().get("/agent/admin/screen-pops");

    assertThat(log.status()).isEqualTo(200);
    String body = log.body();
    assertThat(body)
        .contains(
            "<a href=\"/agent/users/" + agentId + "\">Popped Agent</a>",
            "<a href=\"/agent/tickets/" + ticketId + "\">Ticket #" + ticketId + "</a>",
            "<a href=\"/agent/users/" + callerId + "\">Calling Customer</a>",
            "Display API: ticket",
            "Display API: user",
            "not delivered");
    // Newest first: the user pop was asked for last.
    assertThat(body.indexOf("Calling Customer")).isLessThan(body.indexOf("Ticket #" + ticketId));
  }

  @Test
  void aScriptInAUsersName_showsAsText_onTheUsersPageAndTheScreenPopLog() {
    long agentId = createUser(SCRIPT, newEmail(), "agent", null);
    Response ticket =
        server.admin().post("/api/v2/tickets", json("{'ticket':{'comment':{'body':'Hi'}}}"));
    long ticketId = ticket.json().get("ticket").get("id").asLong();
    server
        .admin()
        .post("/api/v2/channels/voice/agents/" + agentId + "/tickets/" + ticketId + "/display", "");
    Console admin = new Console(server.port()).signedInAsAdmin();
    Response refused =
        admin.post(
            "/agent/admin/users", Map.of("name", SCRIPT, "email", "bad<script>", "role", "agent"));

    for (Response page :
        List.of(admin.get("/agent/admin/users"), admin.get("/agent/admin/screen-pops"), refused)) {
      assertThat(page.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
      assertThat(page.body()).doesNotContain("<script>alert");
    }
  }

  private static String match(String html, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(html);
    assertThat(matcher.find()).as(regex + " in " + html).isTrue();
    return matcher.group(1);
  }
}
