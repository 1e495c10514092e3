package dev.dialtone.console;

import static dev.dialtone.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.dialtone.testing.Api;
import dev.dialtone.testing.Browser;
import dev.dialtone.testing.BrowserTest;
import dev.dialtone.testing.Calls;
import dev.dialtone.testing.Console;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.Rows;
import dev.dialtone.testing.TestServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;

/**
 * Every main page of the agent console, filled with realistic data, in a real Chromium on a laptop
 * sized window: each is screenshot, has the heading it should, and has no serious accessibility
 * problem and nothing refused by the Content-Security-Policy.
 */
@BrowserTest
class ConsolePagesBrowserTest {
  static final String RECORDING = "https://example.com/recordings/1.mp3";

  static final String ALL_SECTIONS =
      json(
          "['from_line', 'to_line', 'call_started_at', 'call_ended_at', 'duration', 'agent_id',"
              + " 'queue_name', 'queue_time', 'exceeded_queue_time', 'outside_business_hours',"
              + " 'ivr_time_spent', 'ivr_action', 'ivr_destination_group_name', 'wait_time',"
              + " 'talk_time', 'hold_time', 'wrap_up_time', 'recording_url', 'recording_time',"
              + " 'transcript', 'call_recording_consent_action', 'completion_status',"
              + " 'call_disposition', 'direction', 'line_type', 'end_user_id']");

  @TempDir static Path dataDir;
  static TestServer server;
  static Browser browser;
  static long grace;
  static long voiceTicket;
  static long plainTicket;
  static long recordedCall;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
    Api api = server.admin();
    grace = user("{'name': 'Grace Hopper', 'email': 'grace@example.com', 'phone': '+15135550199'}");
    long alan =
        user("{'name': 'Alan Turing', 'email': 'alan@example.com', 'phone': '+442079460958'}");
    user("{'name': 'Ada Lovelace', 'email': 'ada@example.com', 'phone': '+16617480123'}");
    long agent =
        user("{'name': 'Margaret Hamilton', 'email': 'margaret@example.com', 'role': 'agent'}");

    plainTicket =
        created(
            api.post(
                "/api/v2/tickets",
                json(
                    "{'ticket': {'subject': 'Invoice shows the wrong address', 'requester_id': "
                        + alan
                        + ", 'tags': ['billing'], 'comment': {'body': 'Please correct it.'}}}")),
            "ticket");
    voiceTicket =
        created(
            api.post(
                "/api/v2/tickets",
                json(
                    "{'ticket': {'subject': 'Printer on fire', 'requester_id': "
                        + grace
                        + ", 'tags': ['printer', 'urgent'],"
                        + " 'comment': {'body': 'It smells of toner.\\nAnd smoke.'}}}")),
            "ticket");

    recordedCall =
        Calls.create(
            api,
            json(
                "{'call': {'app_id': 735264019863524, 'call_started_at': '2024-03-05T09:12:00Z',"
                    + " 'direction': 'inbound', 'from_line': '+15135550199',"
                    + " 'to_line': '+14948848487', 'to_line_nickname': 'Support line',"
                    + " 'end_user_id': "
                    + grace
                    + ", 'agent_id': "
                    + Rows.DEFAULT_ADMIN
                    + ", 'duration': 412, 'queue_name': 'Hardware', 'queue_time': 62,"
                    + " 'exceeded_queue_time': false, 'outside_business_hours': false,"
                    + " 'ivr_time_spent': 25, 'ivr_action': 'menu', 'wait_time': 48,"
                    + " 'talk_time': 301, 'hold_time': 35, 'wrap_up_time': 40,"
                    + " 'completion_status': 'completed', 'call_disposition': 'resolved',"
                    + " 'call_recording_consent_action': 'accepted',"
                    + " 'call_ended_at': '2024-03-05T09:18:52Z', 'recording_url': '"
                    + RECORDING
                    + "'}}"));
    String transcript =
        "Agent: Dialtone support, how can I help?\n"
            + "Caller: My printer is on fire.\n"
            + "Agent: Please step away from it and unplug it if it is safe.\n"
            + "Caller: Done. It has stopped smoking.";
    Response linked =
        api.patch(
            "/api/v2/calls/" + recordedCall,
            "{\"call\": {\"ticket_id\": "
                + voiceTicket
                + ", \"transcript\": "
                + new TextNode(transcript)
                + "}}");
    assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
    Response comment =
        api.post(
            "/api/v2/calls/" + recordedCall + "/comments",
            "{\"title\": \"Inbound call from Grace Hopper\", \"call_fields\": "
                + ALL_SECTIONS
                + "}");
    assertThat(comment.status()).as(comment.toString()).isEqualTo(201);

    long missed =
        Calls.create(
            api,
            json(
                "{'call': {'app_id': 735264019863524, 'call_started_at': '2024-03-06T17:40:00Z',"
                    + " 'direction': 'inbound', 'from_line': '+442079460958',"
                    + " 'to_line': '+14948848487', 'end_user_id': "
                    + alan
                    + ", 'completion_status': 'missed', 'queue_name': 'Billing',"
                    + " 'queue_time': 180, 'exceeded_queue_time': true,"
                    + " 'outside_business_hours': true}}"));
    Calls.commentAndTicket(api, missed);
    Calls.create(
        api,
        json(
            "{'call': {'app_id': 735264019863524, 'call_started_at': '2024-03-07T11:05:00Z',"
                + " 'direction': 'outbound', 'from_line': '+14948848487',"
                + " 'to_line': '+16617480123', 'agent_id': "
                + agent
                + ", 'duration': 95, 'talk_time': 90, 'completion_status': 'completed',"
                + " 'call_disposition': 'follow-up'}}"));

    for (String pop :
        new String[] {"tickets/" + voiceTicket, "users/" + grace, "tickets/" + plainTicket}) {
      api.post("/api/v2/channels/voice/agents/" + agent + "/" + pop + "/display", "");
    }
    Response token =
        new Console(server.port())
            .signedInAsAdmin()
            .post("/agent/admin/tokens", Map.of("description", "Phone system"));
    assertThat(token.status()).as(token.toString()).isLessThan(400);

    browser = Browser.start(server, dataDir).signInAsAdmin();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    server.close();
  }

  static long user(String fields) {
    return created(server.admin().post("/api/v2/users", json("{'user': " + fields + "}")), "user");
  }

  static long created(Response response, String key) {
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json().get(key).get("id").asLong();
  }

  /** Opens the page, screenshots it, and checks its heading, axe-core and the CSP. */
  static void check(String path, String screenshot, String heading) {
    browser.open(path).waitForPath(path);
    browser.screenshot(screenshot);
    assertThat(browser.find(By.tagName("h1")).getText()).as("h1 of " + path).isEqualTo(heading);
    assertThat(browser.seriousAccessibilityProblems()).as("axe on " + path).isEmpty();
    assertThat(browser.cspViolations()).as("CSP on " + path).isEmpty();
    assertThat(
            browser.script(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
        .as("no sideways scrolling on " + path)
        .isEqualTo(true);
  }

  @Test
  void theTicketList() {
    check("/agent/tickets", "tickets", "Tickets");
    assertThat(browser.find(By.cssSelector("table.list tbody")).getText())
        .contains("Printer on fire", "Invoice shows the wrong address");
  }

  @Test
  void theTicketPage_withItsVoiceCommentFolded() {
    check("/agent/tickets/" + voiceTicket, "ticket", "#" + voiceTicket + " Printer on fire");
    WebElement voice = browser.find(By.cssSelector("details.voice-comment"));
    assertThat(voice.getAttribute("open")).isNull();
    WebElement summary = voice.findElement(By.tagName("summary"));
    assertThat(summary.getText()).contains("Inbound call from Grace Hopper");
    List<Rectangle> parts =
        summary.findElements(By.xpath("./*")).stream().map(WebElement::getRect).toList();
    int lowestTop = parts.stream().mapToInt(Rectangle::getY).max().orElseThrow();
    int highestBottom =
        parts.stream().mapToInt(part -> part.getY() + part.getHeight()).min().orElseThrow();
    assertThat(lowestTop)
        .as("the folded voice comment's parts share one line")
        .isLessThan(highestBottom);
  }

  @Test
  void theVoiceComment_andEachOfItsSections_openWithTheKeyboard() {
    String path = "/agent/tickets/" + voiceTicket;
    browser.open(path).waitForPath(path);
    WebElement summary = browser.find(By.cssSelector("details.voice-comment > summary"));

    WebElement focused = tabUntil(summary);
    assertThat(browser.focusIsVisible()).as("focus ring on the voice comment").isTrue();
    focused.sendKeys(Keys.ENTER);

    WebElement voice = browser.find(By.cssSelector("details.voice-comment"));
    browser.waitFor(driver -> voice.getAttribute("open") != null);
    List<WebElement> sections = voice.findElements(By.cssSelector(".sections > details"));
    assertThat(sections)
        .extracting(section -> section.findElement(By.tagName("summary")).getText())
        .containsExactly(
            "Call", "Queue and IVR", "Handling times", "Recording and consent", "Outcome");
    for (WebElement section : sections) {
      WebElement sectionSummary = section.findElement(By.tagName("summary"));
      tabUntil(sectionSummary).sendKeys(Keys.ENTER);
      browser.waitFor(driver -> section.getAttribute("open") != null);
    }
    browser.script("arguments[0].scrollIntoView()", voice);
    browser.screenshot("ticket-voice-comment-open");
    assertThat(browser.seriousAccessibilityProblems()).as("axe, all open").isEmpty();
    assertThat(browser.cspViolations()).isEmpty();
  }

  @Test
  void theCallList() {
    check("/agent/calls", "calls", "Calls");
    assertThat(browser.find(By.cssSelector("table.list tbody")).getText())
        .contains("+1 (513) 555-0199");
  }

  @Test
  void theCallPage() {
    check(
        "/agent/calls/" + recordedCall,
        "call",
        "Call #" + recordedCall + ": +1 (513) 555-0199 \u2192 +1 (494) 884-8487");
  }

  @Test
  void theCallerSearch_byPhone() {
    check("/agent/users?q=%2B15135550199", "callers", "Callers");
    assertThat(browser.find(By.cssSelector("table.list tbody")).getText()).contains("Grace Hopper");
  }

  @Test
  void theCallerProfile() {
    check("/agent/users/" + grace, "caller", "Grace Hopper");
  }

  @Test
  void theScreenPopLog() {
    check("/agent/admin/screen-pops", "admin-screen-pops", "Screen pops");
  }

  @Test
  void theUsers() {
    check("/agent/admin/users", "admin-users", "Users");
  }

  @Test
  void theApiTokens() {
    check("/agent/admin/tokens", "admin-tokens", "API tokens");
    assertThat(browser.text()).contains("Phone system");
  }

  /** Presses Tab until {@code target} has the focus; fails after as many presses as links. */
  static WebElement tabUntil(WebElement target) {
    int limit =
        browser
                .findAll(By.cssSelector("a, button, input, select, textarea, summary, [tabindex]"))
                .size()
            + 2;
    for (int i = 0; i < limit; i++) {
      WebElement focused = browser.tab();
      if (focused.equals(target)) {
        return focused;
      }
    }
    throw new AssertionError("Tab never reached " + target.getText());
  }
}
