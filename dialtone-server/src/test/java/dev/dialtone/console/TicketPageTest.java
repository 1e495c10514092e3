package dev.dialtone.console;

import static dev.dialtone.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.dialtone.testing.Api;
import dev.dialtone.testing.Calls;
import dev.dialtone.testing.Console;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.Rows;
import dev.dialtone.testing.TestServer;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A ticket in the agent console: its fields, its comments, and voice comments drawn live. */
class TicketPageTest {
  private static final String RECORDING = "https://recordings.example.com/calls/77.mp3";

  @TempDir static Path dataDir;
  static TestServer server;
  static Console agent;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
    agent = new Console(server.port()).signedInAsAdmin();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A ticket, with a plain comment, and a call whose voice comment shows {@code fields}. */
  record Voice(long ticketId, long callId, long commentId) {}

  static Voice ticketWithVoiceComment(String callFields, String title, String transcript) {
    Api api = server.admin();
    Response ticket =
        api.post(
            "/api/v2/tickets",
            json(
                "{'ticket': {'subject': 'Printer on fire', 'tags': ['printer'],"
                    + " 'comment': {'body': 'First line\\nSecond line'}}}"));
    assertThat(ticket.status()).as(ticket.toString()).isEqualTo(201);
    long ticketId = ticket.json().get("ticket").get("id").asLong();
    long callId =
        Calls.create(
            api,
            json(
                "{'call': {"
                    + Calls.MINIMAL_FIELDS
                    + ", 'to_line_nickname': 'Support line', 'duration': 247, 'agent_id': "
                    + Rows.DEFAULT_ADMIN
                    + ","
                    + " 'talk_time': 185, 'hold_time': 30, 'queue_name': 'Billing',"
                    + " 'queue_time': 62, 'exceeded_queue_time': false,"
                    + " 'outside_business_hours': true, 'completion_status': 'completed',"
                    + " 'call_disposition': 'resolved', 'call_recording_consent_action': 'accepted',"
                    + " 'call_ended_at': '2022-01-27T15:35:47+01', 'recording_url': '"
                    + RECORDING
                    + "'}}"));
    Response transcriptSet =
        api.patch(
            "/api/v2/calls/" + callId,
            "{\"call\": {\"ticket_id\": "
                + ticketId
                + ", \"transcript\": "
                + new TextNode(transcript)
                + "}}");
    assertThat(transcriptSet.status()).as(transcriptSet.toString()).isEqualTo(200);
    Response comment =
        api.post(
            "/api/v2/calls/" + callId + "/comments",
            "{\"title\": " + new TextNode(title) + ", \"call_fields\": " + callFields + "}");
    assertThat(comment.status()).as(comment.toString()).isEqualTo(201);
    JsonNode body = comment.json();
    return new Voice(ticketId, callId, body.get("id").asLong());
  }

  static final String ALL_SECTIONS =
      json(
          "['from_line', 'to_line', 'call_started_at', 'call_ended_at', 'duration', 'agent_id',"
              + " 'queue_name', 'queue_time', 'exceeded_queue_time', 'outside_business_hours',"
              + " 'talk_time', 'hold_time', 'recording_url', 'transcript',"
              + " 'call_recording_consent_action', 'completion_status', 'call_disposition']");

  @Test
  void theTicketPage_showsTheTicketAndItsCommentsInOrder_theVoiceCommentAsOneLineThenBySection() {
    Voice voice =
        ticketWithVoiceComment(ALL_SECTIONS, "Call with Ada", "Agent: Hello\nCaller: Hi there");

    Response page = agent.get("/agent/tickets/" + voice.ticketId());

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.mediaType()).isEqualTo("text/html");
    String html = page.body();
    assertThat(html)
        .contains("<h1>#" + voice.ticketId() + " Printer on fire</h1>")
        .contains("<span class=\"badge\">printer</span>")
        .containsPattern("<a href=\"/agent/users/\\d+\">Admin[^<]*</a>");
    assertThat(html.indexOf("First line\nSecond line"))
        .as("the plain comment, line break kept, before the voice comment")
        .isPositive()
        .isLessThan(html.indexOf("class=\"voice-comment\""));

    String details = voiceDetails(html, voice);
    assertThat(details)
        .contains("data-call-id=\"" + voice.callId() + "\"")
        .contains(
            "data-refresh=\"/agent/tickets/"
                + voice.ticketId()
                + "/comments/"
                + voice.commentId()
                + "/voice\"");
    String summary = details.substring(details.indexOf("<summary>"), details.indexOf("</summary>"));
    assertThat(summary)
        .contains("aria-label=\"Inbound call\"")
        .contains("Call with Ada")
        .contains("<span class=\"lines\">+1 (661) 748-0123 → Support line (")
        .contains("2022-01-27 14:31:40 UTC")
        .contains("4:07")
        .contains("Completed");

    assertThat(section(details, voice, "call"))
        .contains("<summary>Call</summary>")
        .contains("<dt>From line</dt><dd>+16617480123</dd>")
        .contains("<dt>Call ended at</dt><dd>2022-01-27 14:35:47 UTC</dd>")
        .contains("<dt>Duration</dt><dd>4:07</dd>")
        .contains("<dt>Agent id</dt><dd>Admin</dd>");
    assertThat(section(details, voice, "queue-and-ivr"))
        .contains("<summary>Queue and IVR</summary>")
        .contains("<dt>Queue name</dt><dd>Billing</dd>")
        .contains("<dt>Queue time</dt><dd>1:02</dd>")
        .contains("<dt>Exceeded queue time</dt><dd>No</dd>")
        .contains("<dt>Outside business hours</dt><dd>Yes</dd>");
    assertThat(section(details, voice, "handling-times"))
        .contains("<summary>Handling times</summary>")
        .contains("<dt>Talk time</dt><dd>3:05</dd>")
        .contains("<dt>Hold time</dt><dd>0:30</dd>");
    assertThat(section(details, voice, "recording-and-consent"))
        .contains("<summary>Recording and consent</summary>")
        .contains("<dt>Call recording consent action</dt><dd>accepted</dd>")
        .doesNotContain("Recording url");
    assertThat(section(details, voice, "outcome"))
        .contains("<summary>Outcome</summary>")
        .contains("<dt>Completion status</dt><dd>completed</dd>")
        .contains("<dt>Call disposition</dt><dd>resolved</dd>");

    assertThat(details)
        .contains("<audio controls preload=\"metadata\" src=\"" + RECORDING + "\"")
        .contains("<p class=\"unreachable\" hidden>")
        .contains("<a href=\"" + RECORDING + "\"")
        .contains(">" + RECORDING + "</a>")
        .contains("<pre class=\"transcript\" tabindex=\"0\"")
        .contains(">Agent: Hello\nCaller: Hi there</pre>");
  }

  @Test
  void afterAPatchOfTheCall_thePageAndTheFragmentShowTheNewValues() {
    Voice voice = ticketWithVoiceComment(ALL_SECTIONS, "Call to patch", "Short");
    String fragmentPath =
        "/agent/tickets/" + voice.ticketId() + "/comments/" + voice.commentId() + "/voice";

    Response patched =
        server
            .admin()
            .patch(
                "/api/v2/calls/" + voice.callId(),
                json("{'call': {'talk_time': 600, 'queue_name': 'Renewals'}}"));
    assertThat(patched.status()).as(patched.toString()).isEqualTo(200);

    String page = voiceDetails(agent.get("/agent/tickets/" + voice.ticketId()).body(), voice);
    Response fragment = agent.get(fragmentPath);
    assertThat(page)
        .contains("<dt>Talk time</dt><dd>10:00</dd>")
        .contains("<dt>Queue name</dt><dd>Renewals</dd>");
    assertThat(fragment.status()).isEqualTo(200);
    assertThat(fragment.body().strip())
        .as("only the voice comment, the same markup as in the page")
        .startsWith("<details class=\"voice-comment\" id=\"vc-" + voice.commentId() + "\"")
        .endsWith("</details>")
        .isEqualTo(page.strip())
        .doesNotContain("<html");
  }

  @Test
  void aTranscriptOrTitleWithMarkup_showsAsText() {
    String attack = "<script>alert(1)</script>";
    Voice voice = ticketWithVoiceComment(ALL_SECTIONS, attack, "Said " + attack);

    String page = agent.get("/agent/tickets/" + voice.ticketId()).body();
    String fragment =
        agent
            .get("/agent/tickets/" + voice.ticketId() + "/comments/" + voice.commentId() + "/voice")
            .body();

    for (String html : new String[] {page, fragment}) {
      assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;alert(1)");
      assertThat(html).contains("Said &lt;script&gt;alert(1)&lt;/script&gt;</pre>");
    }
  }

  @Test
  void aTicketThatDoesNotExist_isANotFoundPage() {
    Response missing = agent.get("/agent/tickets/999999");
    Response noComment = agent.get("/agent/tickets/999999/comments/1/voice");

    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.mediaType()).isEqualTo("text/html");
    assertThat(missing.body()).contains("<h1>Not found</h1>");
    assertThat(noComment.status()).isEqualTo(404);
  }

  @Test
  void aTicketOfAnotherAccount_isNotFound() {
    String token = "othertoken0123456789abcdefghijklmnopqrs";
    Response created =
        server
            .admin()
            .post(
                "/_dialtone/accounts",
                json(
                    "{'account': {'subdomain': 'other', 'admin_email': 'admin@other.test',"
                        + " 'admin_token': '"
                        + token
                        + "'}}"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    Api other = new Api(server.port()).forAccount("other").withToken("admin@other.test", token);
    long callId = Calls.create(other);
    long ticketId = Calls.commentAndTicket(other, callId);
    long commentId =
        other
            .get("/api/v2/tickets/" + ticketId + "/comments")
            .json()
            .get("comments")
            .get(0)
            .get("id")
            .asLong();

    Response page = agent.get("/agent/tickets/" + ticketId);
    Response fragment =
        agent.get("/agent/tickets/" + ticketId + "/comments/" + commentId + "/voice");

    assertThat(page.status()).isEqualTo(404);
    assertThat(page.body()).contains("<h1>Not found</h1>").doesNotContain("A call came in");
    assertThat(fragment.status()).isEqualTo(404);
  }

  /** The voice comment's {@code <details>} element, from its start to its end. */
  private static String voiceDetails(String html, Voice voice) {
    String start = "<details class=\"voice-comment\" id=\"vc-" + voice.commentId() + "\"";
    int from = html.indexOf(start);
    assertThat(from).as("the voice comment in " + html).isNotNegative();
    int to = html.indexOf("</article>", from);
    return html.substring(from, html.lastIndexOf("</details>", to) + "</details>".length());
  }

  /** One section's {@code <details>} element. */
  private static String section(String details, Voice voice, String name) {
    Matcher matcher =
        Pattern.compile(
                "<details id=\"vc-" + voice.commentId() + "-" + name + "\">.*?</details>",
                Pattern.DOTALL)
            .matcher(details);
    assertThat(matcher.find()).as("section " + name + " in " + details).isTrue();
    return matcher.group();
  }
}
