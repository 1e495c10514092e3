package dev.dialtone.console;

import static dev.dialtone.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dialtone.testing.Api;
import dev.dialtone.testing.Browser;
import dev.dialtone.testing.BrowserTest;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Screen pops that arrive: with the console open in a real Chromium, a display request through the
 * API answers 200 and opens the ticket or the profile in that browser.
 */
@BrowserTest
class ScreenPopBrowserTest {
  @TempDir static Path dataDir;
  static TestServer server;
  static Api api;
  static long adminId;
  Browser browser;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
    api = server.admin();
    adminId = api.get("/api/v2/users/me").json().get("user").get("id").asLong();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  /** A call and its ticket; answers the call's JSON. */
  static Response callWithTicket(Api api, String extraComment) {
    Response created =
        api.post(
            "/api/v2/calls",
            json(
                "{'call': {'app_id': 1, 'call_started_at': '2022-01-27T15:31:40+01',"
                    + " 'direction': 'inbound', 'from_line': '+16617480123',"
                    + " 'to_line': '+14948848487'}, 'comment': {'title': 'Call'"
                    + extraComment
                    + "}}"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created;
  }

  /** Signs the admin in and waits until the page's event stream is open. */
  static Browser consoleOpen(Browser browser) {
    browser.signInAsAdmin().waitForPath("/agent/tickets");
    waitForStream(browser);
    return browser;
  }

  static void waitForStream(Browser browser) {
    browser.waitFor(
        driver ->
            "open".equals(driver.findElement(By.tagName("html")).getDomAttribute("data-events")));
  }

  @Test
  void aTicketDisplayedThroughTheApi_opensInTheAgentsBrowser() {
    browser = consoleOpen(Browser.start(server, dataDir));
    long ticketId = callWithTicket(api, "").json().get("call").get("ticket_id").asLong();

    Response displayed =
        api.post(
            "/api/v2/channels/voice/agents/" + adminId + "/tickets/" + ticketId + "/display", null);

    assertThat(displayed.status()).as(displayed.toString()).isEqualTo(200);
    browser.waitForPath("/agent/tickets/" + ticketId);
    assertThat(browser.currentPathAndQuery()).contains("popped=");
  }

  @Test
  void aUserDisplayedThroughTheApi_opensTheirProfile() {
    browser = consoleOpen(Browser.start(server, dataDir));
    Response caller =
        api.post(
            "/api/v2/users", json("{'user':{'name':'Caller Example','phone':'+15135557611'}}"));
    long userId = caller.json().get("user").get("id").asLong();

    Response displayed =
        api.post(
            "/api/v2/channels/voice/agents/" + adminId + "/users/" + userId + "/display", null);

    assertThat(displayed.status()).as(displayed.toString()).isEqualTo(200);
    browser.waitForPath("/agent/users/" + userId);
    assertThat(browser.find(By.tagName("h1")).getText()).contains("Caller Example");
  }

  @Test
  void aVoiceCommentDisplayedToTheAgent_opensItsTicket() {
    browser = consoleOpen(Browser.start(server, dataDir));

    Response created = callWithTicket(api, ", 'display_to_agent': " + adminId);

    long ticketId = created.json().get("call").get("ticket_id").asLong();
    browser.waitForPath("/agent/tickets/" + ticketId);
    Response pops = api.get("/_dialtone/screen-pops?limit=1");
    assertThat(pops.json().get("screen_pops").get(0).get("source").asText())
        .isEqualTo("voice_comment");
    assertThat(pops.json().get("screen_pops").get(0).get("delivered").asBoolean()).isTrue();
  }

  @Test
  void aVoiceTicketDisplayedToTheAgent_opensInTheBrowser() {
    browser = consoleOpen(Browser.start(server, dataDir));
    Response created =
        api.post(
            "/api/v2/channels/voice/tickets",
            json(
                "{'ticket': {'via_id': 45, 'comment': {'body': 'Caller asked about billing'}},"
                    + " 'display_to_agent': "
                    + adminId
                    + "}"));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    long ticketId = created.json().get("ticket").get("id").asLong();
    browser.waitForPath("/agent/tickets/" + ticketId);
  }

  @Test
  void afterSigningOut_theDisplayEndpointAnswers404Again() {
    // An agent of its own: the admin's consoles of the other tests may still count.
    Response agent =
        api.post(
            "/api/v2/users",
            json("{'user':{'name':'Sid Signout','email':'sid@example.com','role':'agent'}}"));
    long agentId = agent.json().get("user").get("id").asLong();
    api.post("/api/v2/users/" + agentId + "/password", json("{'password':'sid signs out now'}"));
    browser = Browser.start(server, dataDir);
    browser.signIn("sid@example.com", "sid signs out now").waitForPath("/agent/tickets");
    waitForStream(browser);
    long ticketId = callWithTicket(api, "").json().get("call").get("ticket_id").asLong();
    String display =
        "/api/v2/channels/voice/agents/" + agentId + "/tickets/" + ticketId + "/display";
    assertThat(api.post(display, null).status()).isEqualTo(200);
    browser.waitForPath("/agent/tickets/" + ticketId);

    browser.signOut().waitForPath("/agent/sign-in");

    Response afterSignOut = api.post(display, null);
    assertThat(afterSignOut.status()).isEqualTo(404);
    assertThat(afterSignOut.body()).contains("Agent has no open agent console");
  }
}
