package dev.dialtone.console;

import static dev.dialtone.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dialtone.api.CallField;
import dev.dialtone.testing.Api;
import dev.dialtone.testing.Calls;
import dev.dialtone.testing.Console;
import dev.dialtone.testing.Fixtures;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The console's call list and call page, over HTTP, as an agent's browser reads them. */
class CallPagesTest {
  static final Pattern OLDER = Pattern.compile("<a href=\"([^\"]*)\" rel=\"next\">Older calls</a>");

  @TempDir static Path dataDir;
  static TestServer server;
  static Fixtures fixtures;
  static Api admin;
  static Console browser;
  static long ada;
  static long bob;
  static long caller;
  static long inboundCall;
  static long outboundCall;
  static long callbackCall;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
    fixtures = Fixtures.open(server);
    admin = server.admin();
    browser = new Console(server.port()).signedInAsAdmin();
    ada = fixtures.agent("Ada Agent");
    bob = fixtures.agent("Bob Agent");
    caller = fixtures.endUser("Carla Caller");
    inboundCall =
        call(
            "'direction': 'inbound', 'completion_status': 'completed', 'agent_id': "
                + ada
                + ", 'end_user_id': "
                + caller
                + ", 'call_started_at': '2024-03-01T10:00:00Z', 'duration': 125,"
                + " 'from_line': '+15135557611', 'to_line': '+14948848487'");
    // 22:00 UTC on March 5th, though 01:00 on the 6th where it was made.
    outboundCall =
        call(
            "'direction': 'outbound', 'completion_status': 'missed', 'agent_id': "
                + bob
                + ", 'call_started_at': '2024-03-06T01:00:00+03:00',"
                + " 'from_line': '+14948848487', 'to_line': '+44 20 7946 0958'");
    callbackCall =
        call(
            "'direction': 'callback', 'call_started_at': '2024-03-10T08:00:00Z',"
                + " 'from_line': '+1 (661) 748-0123', 'to_line': '+14948848487'");
  }

  @AfterAll
  static void stop() {
    fixtures.close();
    server.close();
  }

  static long call(String fields) {
    return Calls.create(
        admin, "{\"call\": {" + json("'app_id': 735264019863524, " + fields) + "}}");
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  static String link(long callId) {
    return "href=\"/agent/calls/" + callId + "\"";
  }

  static String list(String query) {
    Response page = browser.get("/agent/calls" + query);
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    return page.body();
  }

  @Test
  void theList_showsEachCallsLineTimesStatusAgentAndTicket() {
    long ticket = Calls.commentAndTicket(admin, inboundCall);

    String body = list("?phone=4948848487");

    assertThat(body)
        .contains("<h1>Calls</h1>", link(inboundCall), link(outboundCall), link(callbackCall))
        .contains(
            "<span class=\"nowrap\">+1 (513) 555-7611</span> →"
                + " <span class=\"nowrap\">+1 (494) 884-8487</span>")
        .contains("2024-03-01 10:00 UTC", "2:05", "completed", "Ada Agent")
        .contains("href=\"/agent/tickets/" + ticket + "\"")
        .contains("<a href=\"/agent/calls\" aria-current=\"page\">Calls</a>");
    assertThat(body.indexOf(link(callbackCall))).isLessThan(body.indexOf(link(inboundCall)));
  }

  @Test
  void eachFilter_narrowsTheList() {
    assertThat(list("?direction=outbound"))
        .contains(link(outboundCall))
        .doesNotContain(link(inboundCall), link(callbackCall));
    assertThat(list("?status=missed"))
        .contains(link(outboundCall))
        .doesNotContain(link(inboundCall), link(callbackCall));
    assertThat(list("?agent=" + ada))
        .contains(link(inboundCall))
        .doesNotContain(link(outboundCall), link(callbackCall));
    assertThat(list("?caller=" + caller))
        .contains(link(inboundCall), "Calls with", "Carla Caller")
        .doesNotContain(link(outboundCall), link(callbackCall));
    assertThat(list("?from=2024-03-02&to=2024-03-05"))
        .contains(link(outboundCall))
        .doesNotContain(link(inboundCall), link(callbackCall));
    assertThat(list("?from=2024-03-06&to=2024-03-31"))
        .contains(link(callbackCall))
        .doesNotContain(link(inboundCall), link(outboundCall));
    assertThat(list("?to=2024-03-01"))
        .contains(link(inboundCall))
        .doesNotContain(link(outboundCall), link(callbackCall));
  }

  @Test
  void theFilterChoices_areTheCataloguesValuesAndTheAgents() {
    String body = list("?direction=callback&agent=" + bob);

    for (String direction : CallField.DIRECTION.allowedValues()) {
      assertThat(body).contains("<option value=\"" + direction + "\"");
    }
    for (String status : CallField.COMPLETION_STATUS.allowedValues()) {
      assertThat(body).contains("<option value=\"" + status + "\"");
    }
    assertThat(body)
        .contains("<option value=\"callback\" selected>callback</option>")
        .contains("<option value=\"" + bob + "\" selected>Bob Agent</option>")
        .contains("<label for=\"from\">", "<input id=\"from\" name=\"from\" type=\"date\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"513-555-7611", "+1 (513) 555-7611", "5135557611", "(513) 555.7611"})
  void aPhoneNumberInAnyFormatting_findsTheCallsOfThatLine(String phone) {
    String body = list("?phone=" + encode(phone));

    assertThat(body)
        .contains(link(inboundCall))
        .doesNotContain(link(outboundCall), link(callbackCall));
  }

  @Test
  void aPhoneNumber_matchesTheToLineAndLinesStoredWithPunctuation() {
    assertThat(list("?phone=" + encode("+442079460958")))
        .contains(link(outboundCall))
        .doesNotContain(link(inboundCall), link(callbackCall));
    assertThat(list("?phone=661.748.0123"))
        .contains(link(callbackCall))
        .doesNotContain(link(inboundCall), link(outboundCall));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "?phone=4948848487&direction=sideways",
        "?phone=4948848487&status=finished",
        "?phone=4948848487&agent=ada",
        "?phone=4948848487&from=2024-13-45",
        "?phone=4948848487&to=yesterday",
        "?phone=4948848487&from=%2B99999999-01-01",
        "?from=2024-03-01&to=2024-03-10&phone=call+me"
      })
  void aBadFilterValue_isIgnoredWithANotice(String query) {
    // Each query also holds a good filter that finds the three calls, so that the calls other
    // tests add do not push them off the first page.
    Response page = browser.get("/agent/calls" + query);

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("<p class=\"notice\">")
        .contains(link(inboundCall), link(outboundCall), link(callbackCall));
  }

  @Test
  void theList_pagesTwentyFiveAtATime_keepingItsFilters() {
    for (int i = 0; i < 27; i++) {
      call(
          "'direction': 'internal', 'call_started_at': '2025-06-01T00:00:00Z',"
              + " 'from_line': '+13125550100', 'to_line': '+13125550101'");
    }

    String first = list("?direction=internal&phone=3125550100");
    Matcher older = OLDER.matcher(first);
    assertThat(older.find()).as("an Older calls link").isTrue();
    String olderUrl = older.group(1).replace("&amp;", "&");
    String second = browser.get(olderUrl).body();

    assertThat(first.split("<tr>").length - 2).isEqualTo(25);
    assertThat(olderUrl).contains("direction=internal", "phone=3125550100", "before=");
    assertThat(second.split("<tr>").length - 2).isEqualTo(2);
    assertThat(second).doesNotContain("Older calls").contains(">Newest</a>");
    assertThat(second).doesNotContain(link(inboundCall));
  }

  @Test
  void theCallPage_showsEveryFieldMarksEmptyOnesAndLinksItsReferences() {
    long call =
        call(
            "'direction': 'inbound', 'call_started_at': '2024-04-01T09:30:00Z', 'agent_id': "
                + ada
                + ", 'end_user_id': "
                + caller
                + ", 'voicemail': true, 'from_line': '+15135557611', 'to_line': '+14948848487'");
    long ticket = Calls.commentAndTicket(admin, call);

    Response page = browser.get("/agent/calls/" + call);

    assertThat(page.status()).isEqualTo(200);
    String body = page.body();
    for (CallField field : CallField.values()) {
      if (field != CallField.ACCOUNT_ID && field != CallField.ID) {
        assertThat(body).contains(">" + field.label() + "</dt>");
      }
    }
    assertThat(body)
        .contains("<h1>Call #" + call + ": +1 (513) 555-7611 → +1 (494) 884-8487</h1>")
        .containsPattern("Transcript</dt>\\s*<dd><span class=\"empty\">empty</span></dd>")
        .containsPattern("Voicemail</dt>\\s*<dd>Yes</dd>")
        .containsPattern("Call started at</dt>\\s*<dd>2024-04-01 09:30:00 UTC</dd>")
        .contains("<a href=\"/agent/tickets/" + ticket + "\">#" + ticket + "</a>")
        .contains("<a href=\"/agent/users/" + ada + "\">Ada Agent</a>")
        .contains("<a href=\"/agent/users/" + caller + "\">Carla Caller</a>");
  }

  @Test
  void aScriptInAFieldOrAnAgentsName_showsAsText() {
    long agent = fixtures.agent("<script>alert(1)</script>");
    long call =
        call(
            "'direction': 'inbound', 'call_started_at': '2024-04-02T09:30:00Z', 'agent_id': "
                + agent
                + ", 'transcript': '<script>alert(2)</script>', 'from_line': '+15135557611',"
                + " 'to_line': '<script>alert(3)</script>'");

    String list = list("?agent=" + agent);
    String page = browser.get("/agent/calls/" + call).body();

    assertThat(list).contains("&lt;script&gt;alert(1)", link(call)).doesNotContain("<script>alert");
    assertThat(page)
        .contains("&lt;script&gt;alert(1)", "&lt;script&gt;alert(2)", "&lt;script&gt;alert(3)")
        .doesNotContain("<script>alert");
  }

  @Test
  void aMissingCallOrAnotherAccountsCall_isANotFoundPage() {
    String acmeToken = "acmetoken0123456789abcdefghijklmnopqrst";
    Response account =
        admin.post(
            "/_dialtone/accounts",
            json(
                "{'account': {'subdomain': 'acmecalls', 'admin_email': 'a@acme.test',"
                    + " 'admin_token': '"
                    + acmeToken
                    + "'}}"));
    assertThat(account.status()).as(account.toString()).isEqualTo(201);
    Api acme = new Api(server.port()).forAccount("acmecalls").withToken("a@acme.test", acmeToken);
    long acmeCall = Calls.create(acme);

    for (String path :
        new String[] {"/agent/calls/" + acmeCall, "/agent/calls/99999999", "/agent/calls/abc"}) {
      Response page = browser.get(path);
      assertThat(page.status()).as(path).isEqualTo(404);
      assertThat(page.mediaType()).isEqualTo("text/html");
      assertThat(page.body()).contains("Not found");
    }
    assertThat(list("")).doesNotContain(link(acmeCall));
  }
}
