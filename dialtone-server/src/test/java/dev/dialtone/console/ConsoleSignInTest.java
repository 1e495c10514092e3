package dev.dialtone.console;

import static dev.dialtone.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dialtone.testing.Console;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.TestServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signing in to the agent console and out of it, over HTTP, as a browser does. */
class ConsoleSignInTest {
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

  static long createUser(String email, String role, String password) {
    Response created =
        server
            .admin()
            .post(
                "/api/v2/users",
                json("{'user':{'name':'Someone','email':'" + email + "','role':'" + role + "'}}"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    long id = created.json().get("user").get("id").asLong();
    Response set =
        server
            .admin()
            .post("/api/v2/users/" + id + "/password", json("{'password':'" + password + "'}"));
    assertThat(set.status()).as(set.toString()).isEqualTo(200);
    return id;
  }

  @Test
  void theRootAndTheConsole_sendABrowserWithoutASessionToTheSignInForm() {
    Console browser = new Console(server.port());

    Response root = browser.get("/");
    Response console = browser.get("/agent?from=mail");

    assertThat(root.status()).isEqualTo(303);
    assertThat(root.header("Location")).isEqualTo("/agent");
    assertThat(console.status()).isEqualTo(303);
    assertThat(console.header("Location")).isEqualTo("/agent/sign-in?next=%2Fagent%3Ffrom%3Dmail");
  }

  @Test
  void anUnknownConsolePath_isThePage404_whileTheApisStaysJson() {
    Console stranger = new Console(server.port());
    Console admin = new Console(server.port()).signedInAsAdmin();

    Response anonymous = stranger.get("/agent/no-such-page");
    Response signedIn = admin.get("/agent/tickets/12/no-such-tab");
    Response api = stranger.get("/api/v2/no-such-endpoint");

    assertThat(anonymous.status()).isEqualTo(404);
    assertThat(anonymous.mediaType()).isEqualTo("text/html");
    assertThat(anonymous.header("Content-Security-Policy")).contains("default-src 'none'");
    assertThat(anonymous.body()).contains("Not found", "href=\"/agent\"");
    assertThat(signedIn.status()).isEqualTo(404);
    assertThat(signedIn.mediaType()).isEqualTo("text/html");
    assertThat(signedIn.body()).contains("Not found", "Back to the console");
    assertThat(api.status()).isEqualTo(404);
    assertThat(api.json().get("error").asText()).isEqualTo("InvalidEndpoint");
  }

  @Test
  void theSignInForm_isAStrictlyConfinedPage() {
    Response form = new Console(server.port()).get("/agent/sign-in");

    assertThat(form.status()).isEqualTo(200);
    assertThat(form.mediaType()).isEqualTo("text/html");
    assertThat(form.header("Content-Security-Policy"))
        .contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'")
        .doesNotContain("unsafe-inline");
    assertThat(form.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(form.body()).contains("<label for=\"email\">Email</label>", "name=\"password\"");
  }

  @Test
  void anAdminSignsIn_andIsSentWhereTheyWereGoing_withASafeCookie() {
    Console browser = new Console(server.port());
    Response form = browser.get("/agent/sign-in?next=%2Fagent%2Fcalls");
    Map<String, String> fields = Console.hiddenFields(form.body());
    fields.put("email", TestServer.ADMIN_EMAIL);
    fields.put("password", TestServer.ADMIN_PASSWORD);

    Response signedIn = browser.postForm("/agent/sign-in", fields);

    assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(303);
    assertThat(signedIn.header("Location")).isEqualTo("/agent/calls");
    String cookie =
        signedIn.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("dialtone_session="))
            .findFirst()
            .orElseThrow();
    assertThat(cookie).contains("HttpOnly", "SameSite=Lax", "Path=/").doesNotContain("Secure");
    assertThat(browser.get("/agent").header("Location")).isEqualTo("/agent/tickets");
  }

  @Test
  void aNextThatLeavesTheConsole_isIgnored() {
    Console browser = new Console(server.port());
    Response form = browser.get("/agent/sign-in?next=https%3A%2F%2Fevil.example%2F");
    Map<String, String> fields = Console.hiddenFields(form.body());
    fields.put("email", TestServer.ADMIN_EMAIL);
    fields.put("password", TestServer.ADMIN_PASSWORD);
    fields.put("next", "//evil.example/agent");

    Response signedIn = browser.postForm("/agent/sign-in", fields);

    assertThat(signedIn.header("Location")).isEqualTo("/agent/tickets");
  }

  @Test
  void aWrongPassword_showsTheFormAgainWithASentence_andNoSession() {
    Console browser = new Console(server.port());

    Response refused = browser.signIn(TestServer.ADMIN_EMAIL, "not the password");

    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.body())
        .contains("That email and password do not match an agent or admin of this account.")
        .contains("value=\"admin@example.com\"");
    assertThat(browser.sessionCookie()).isNull();
  }

  @Test
  void anEndUser_isRefusedWithAClearMessage() {
    createUser("caller@example.com", "end-user", "an end user secret");
    Console browser = new Console(server.port());

    Response refused = browser.signIn("caller@example.com", "an end user secret");

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body())
        .contains("End users cannot sign in to the agent console: it is for agents and admins.");
    assertThat(browser.sessionCookie()).isNull();
  }

  @Test
  void anAgentSignsIn_withThePasswordAnAdminSet() {
    createUser("agent-console@example.com", "agent", "the agent long secret");
    Console browser = new Console(server.port());

    Response signedIn = browser.signIn("agent-console@example.com", "the agent long secret");

    assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(303);
    assertThat(browser.sessionCookie()).isNotNull();
  }

  @Test
  void aSignInPostedFromElsewhere_withoutTheFormsToken_isRefused() {
    Console browser = new Console(server.port());

    Response forged =
        browser.postForm(
            "/agent/sign-in",
            Map.of("email", TestServer.ADMIN_EMAIL, "password", TestServer.ADMIN_PASSWORD));

    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.body()).contains("The sign-in form had expired");
    assertThat(browser.sessionCookie()).isNull();
  }

  @Test
  void signingOut_needsTheCsrfToken_andEndsTheSession() {
    Console browser = new Console(server.port()).signedInAsAdmin();

    Response forged = browser.postForm("/agent/sign-out", Map.of());
    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.mediaType()).isEqualTo("text/html");
    assertThat(forged.body()).contains("did not come from Dialtone");
    assertThat(browser.get("/agent").header("Location")).isEqualTo("/agent/tickets");

    Response signedOut = browser.post("/agent/sign-out", Map.of());
    assertThat(signedOut.status()).isEqualTo(303);
    assertThat(signedOut.header("Location")).isEqualTo("/agent/sign-in");
    assertThat(browser.get("/agent").header("Location")).startsWith("/agent/sign-in");
  }

  @Test
  void aStolenCookieStopsWorking_onceItsSessionSignsOut() {
    Console browser = new Console(server.port()).signedInAsAdmin();
    String stolen = browser.sessionCookie();

    browser.post("/agent/sign-out", Map.of());

    Response replayed =
        server.anonymous().withHeader("Cookie", "dialtone_session=" + stolen).get("/agent");
    assertThat(replayed.status()).isEqualTo(303);
    assertThat(replayed.header("Location")).startsWith("/agent/sign-in");
  }

  @Test
  void theEventStream_withoutASession_is401() {
    Response refused =
        server.anonymous().withHeader("Accept", "text/event-stream").get("/agent/events");

    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.body()).contains("Your session has ended: sign in again");
  }

  @Test
  void assets_areServedUnderTheirHash_andCachedForAYear() {
    Response page = new Console(server.port()).get("/agent/sign-in");
    String css = page.body().replaceAll("(?s).*<link rel=\"stylesheet\" href=\"([^\"]+)\".*", "$1");

    Response served = server.anonymous().get(css);

    assertThat(css).matches("/agent/assets/console\\.[0-9a-f]{10}\\.css");
    assertThat(served.status()).isEqualTo(200);
    assertThat(served.mediaType()).isEqualTo("text/css");
    assertThat(served.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
    assertThat(server.anonymous().get("/agent/assets/console.css").status()).isEqualTo(404);
  }

  @Test
  void theApisSignInThrottle_countsTheFormsAttempts_andTheHeadersToo(@TempDir Path otherDir) {
    try (TestServer limited = TestServer.start(otherDir, config -> config.withSignInFailures(3))) {
      Console browser = new Console(limited.port());
      for (int i = 0; i < 2; i++) {
        assertThat(browser.signIn(TestServer.ADMIN_EMAIL, "wrong " + i).status()).isEqualTo(401);
      }
      // The third wrong attempt comes through the API's Basic header: one allowance for both.
      assertThat(
              limited
                  .anonymous()
                  .withBasic(TestServer.ADMIN_EMAIL, "wrong again")
                  .get("/api/v2/users/me")
                  .status())
          .isEqualTo(401);

      Response throttled = browser.signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);

      assertThat(throttled.status()).isEqualTo(429);
      assertThat(throttled.header("Retry-After")).isNotNull();
      assertThat(throttled.body()).contains("Too many failed sign-ins from your address");
      assertThat(browser.sessionCookie()).isNull();
    }
  }

  @Test
  void behindAProxyThatTerminatesTls_theCookiesAreSecure() {
    Response form =
        server.anonymous().withHeader("X-Forwarded-Proto", "https").get("/agent/sign-in");

    assertThat(form.headers().allValues("Set-Cookie"))
        .singleElement()
        .asString()
        .startsWith("dialtone_signin=")
        .contains("Secure", "HttpOnly", "SameSite=Strict");
  }
}
