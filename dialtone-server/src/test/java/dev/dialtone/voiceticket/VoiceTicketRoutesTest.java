package dev.dialtone.voiceticket;

import static dev.dialtone.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dialtone.testing.Api;
import dev.dialtone.testing.Fixtures;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.Rows;
import dev.dialtone.testing.TestServer;
import dev.dialtone.ticket.Comment;
import dev.dialtone.ticket.CommentType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class VoiceTicketRoutesTest {
  static final String PATH = "/api/v2/channels/voice/tickets";
  static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir static Path dataDir;
  static TestServer server;
  static Fixtures fixtures;
  static Api api;
  static long adminId;
  static long agentId;
  static long endUserId;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
    fixtures = Fixtures.open(server);
    api = server.admin();
    // The caller is the submitter of every ticket it creates: that is how a test learns its id.
    adminId = createdTicket(api.post(PATH, inboundWithComment(""))).get("submitter_id").asLong();
    agentId = fixtures.agent("Alice Agent");
    endUserId = fixtures.endUser("Carl Caller");
  }

  @AfterAll
  static void stop() {
    fixtures.close();
    server.close();
  }

  static String voicemail(String extraTicketKeys, String extraTopKeys) {
    return json(
        "{'ticket': {'via_id': 44, 'voice_comment': {'from': '+16617480123',"
            + " 'to': '+14948848487', 'recording_url': 'https://pbx.example.com/rec/1.mp3',"
            + " 'started_at': '2022-01-27T15:31:40+01', 'call_duration': 45,"
            + " 'answered_by_id': "
            + agentId
            + ", 'transcription_text': 'Please call me back', 'location': 'Bakersfield, CA'}"
            + extraTicketKeys
            + "}"
            + extraTopKeys
            + "}");
  }

  static String inboundWithComment(String extraTopKeys) {
    return json(
        "{'ticket': {'via_id': 45, 'comment': {'body': 'Caller asked about billing'}}"
            + extraTopKeys
            + "}");
  }

  static String details(String singleQuoted) {
    return json(
        "{'error':'RecordInvalid','description':'Record validation errors','details':"
            + singleQuoted
            + "}");
  }

  static JsonNode createdTicket(Response created) {
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("ticket");
  }

  static long createdId(Response created) {
    return createdTicket(created).get("id").asLong();
  }

  static int screenPopCount() {
    return api.get("/_dialtone/screen-pops").json().get("screen_pops").size();
  }

  @Test
  void voicemail_createsANewTicketWithTheVoiceVia() throws Exception {
    Response created = api.post(PATH, voicemail("", ""));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode ticket = created.json().get("ticket");
    assertThat(created.header("Location"))
        .endsWith("/api/v2/tickets/" + ticket.get("id").asLong() + ".json");
    assertThat(ticket.get("via"))
        .isEqualTo(
            MAPPER.readTree(
                json(
                    "{'channel':'voice','source':{'from':{'phone':'+16617480123'},"
                        + "'to':{'phone':'+14948848487'},'rel':'voicemail'}}")));
    assertThat(ticket.get("status").asText()).isEqualTo("new");
    assertThat(ticket.get("subject").asText()).isEqualTo("Voicemail from +1 (661) 748-0123");
    assertThat(ticket.get("requester_id").asLong()).isEqualTo(adminId);
    assertThat(ticket.get("submitter_id").asLong()).isEqualTo(adminId);
    assertThat(ticket.get("assignee_id").isNull()).isTrue();
    assertThat(ticket.get("brand_id").isIntegralNumber()).isTrue();
    assertThat(ticket.has("comment_count")).isFalse();
    assertThat(
            api.get("/api/v2/tickets/" + ticket.get("id").asLong() + "?include=comment_count")
                .json()
                .get("ticket")
                .get("comment_count")
                .asInt())
        .isEqualTo(1);
    assertThat(ticket.get("description").asText())
        .isEqualTo(
            "Voicemail from: +1 (661) 748-0123\n"
                + "Call to: +1 (494) 884-8487\n"
                + "Time of call: 2022-01-27T14:31:40Z\n"
                + "Length of phone call: 45 seconds\n"
                + "Answered by: Alice Agent\n"
                + "Location: Bakersfield, CA\n"
                + "Transcription: Please call me back");
  }

  @Test
  void voicemail_storesOneVoiceCommentWithItsDataInUtc() throws Exception {
    long id = createdId(api.post(PATH, voicemail("", "")));

    List<Comment> comments = fixtures.comments(id);

    assertThat(comments).hasSize(1);
    Comment comment = comments.get(0);
    assertThat(comment.type()).isEqualTo(CommentType.VOICE);
    assertThat(comment.isPublic()).isFalse();
    assertThat(comment.authorId()).isEqualTo(adminId);
    assertThat(comment.body()).startsWith("Voicemail from: +1 (661) 748-0123\n");
    assertThat(MAPPER.readTree(comment.data()))
        .isEqualTo(
            MAPPER.readTree(
                json(
                    "{'from':'+16617480123','to':'+14948848487',"
                        + "'recording_url':'https://pbx.example.com/rec/1.mp3',"
                        + "'started_at':'2022-01-27T14:31:40Z','call_duration':45,"
                        + "'answered_by_id':"
                        + agentId
                        + ",'transcription_text':'Please call me back',"
                        + "'location':'Bakersfield, CA'}")));
  }

  @Test
  void voicemail_withRequesterAndAssignee_isOpenForThem() {
    Response created =
        api.post(
            PATH,
            voicemail(
                ", 'requester_id': "
                    + endUserId
                    + ", 'assignee_id': "
                    + agentId
                    + ", 'subject': 'Billing question', 'priority': 'high', 'tags': ['vip']",
                ""));

    JsonNode ticket = created.json().get("ticket");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(ticket.get("status").asText()).isEqualTo("open");
    assertThat(ticket.get("requester_id").asLong()).isEqualTo(endUserId);
    assertThat(ticket.get("assignee_id").asLong()).isEqualTo(agentId);
    assertThat(ticket.get("subject").asText()).isEqualTo("Billing question");
    assertThat(ticket.get("priority").asText()).isEqualTo("high");
    assertThat(ticket.get("tags").toString()).isEqualTo("[\"vip\"]");
  }

  @Test
  void voicemail_withAnEmptyVoiceComment_reportsEveryMissingFieldAtOnce() {
    Response rejected = api.post(PATH, json("{'ticket': {'via_id': 44, 'voice_comment': {}}}"));

    assertThat(rejected.status()).isEqualTo(422);
    assertThat(rejected.body())
        .isEqualTo(
            details(
                "{'voice_comment.from':[{'description':'Voice comment from: cannot be blank',"
                    + "'error':'BlankValue'}],"
                    + "'voice_comment.to':[{'description':'Voice comment to: cannot be blank',"
                    + "'error':'BlankValue'}],"
                    + "'voice_comment.recording_url':[{'description':"
                    + "'Voice comment recording URL: cannot be blank','error':'BlankValue'}],"
                    + "'voice_comment.started_at':[{'description':"
                    + "'Voice comment started at: cannot be blank','error':'BlankValue'}],"
                    + "'voice_comment.call_duration':[{'description':"
                    + "'Voice comment call duration: cannot be blank','error':'BlankValue'}],"
                    + "'voice_comment.answered_by_id':[{'description':"
                    + "'Voice comment answered by: cannot be blank','error':'BlankValue'}]}"));
  }

  /** The same rule, and the same message, as a call's recording_url. */
  @ParameterizedTest
  @FieldSource("dev.dialtone.testing.Urls#REFUSED")
  void voicemail_withARecordingUrlThatIsNotAbsoluteHttp_isInvalidFormat_andWritesNothing(
      String url) {
    long ticketsBefore = Rows.count(server.dataDir(), "tickets");
    String body = voicemail("", "").replace("https://pbx.example.com/rec/1.mp3", jsonString(url));

    Response rejected = api.post(PATH, body);

    assertThat(rejected.status()).as(rejected.toString()).isEqualTo(422);
    assertThat(rejected.body())
        .isEqualTo(
            details(
                "{'voice_comment.recording_url':[{'description':"
                    + "'Voice comment recording URL: is not an absolute http or https URL',"
                    + "'error':'InvalidFormat'}]}"));
    assertThat(Rows.count(server.dataDir(), "tickets")).isEqualTo(ticketsBefore);
  }

  @ParameterizedTest
  @FieldSource("dev.dialtone.testing.Urls#ACCEPTED")
  void voicemail_withAnAbsoluteHttpRecordingUrl_isCreated(String url) {
    String body = voicemail("", "").replace("https://pbx.example.com/rec/1.mp3", jsonString(url));

    Response created = api.post(PATH, body);

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
  }

  /** {@code url} as the inside of a JSON string. */
  static String jsonString(String url) {
    String quoted = new ObjectMapper().valueToTree(url).toString();
    return quoted.substring(1, quoted.length() - 1);
  }

  @Test
  void voicemail_withWrongValues_reportsEachOneAtOnce() {
    Response rejected =
        api.post(
            PATH,
            json(
                "{'ticket': {'via_id': 44, 'voice_comment': {'from': 16617480123, 'to': ' ',"
                    + " 'recording_url': 'ftp://pbx.example.com/1.mp3', 'started_at': 'yesterday',"
                    + " 'call_duration': -1, 'answered_by_id': "
                    + endUserId
                    + ", 'location': ['x']}}}"));

    assertThat(rejected.status()).isEqualTo(422);
    assertThat(rejected.body())
        .isEqualTo(
            details(
                "{'voice_comment.from':[{'description':"
                    + "'Voice comment from: must be a string, not an integer',"
                    + "'error':'InvalidType'}],"
                    + "'voice_comment.to':[{'description':'Voice comment to: cannot be blank',"
                    + "'error':'BlankValue'}],"
                    + "'voice_comment.recording_url':[{'description':"
                    + "'Voice comment recording URL: is not an absolute http or https URL',"
                    + "'error':'InvalidFormat'}],"
                    + "'voice_comment.started_at':[{'description':"
                    + "'Voice comment started at: is not an ISO 8601 date-time',"
                    + "'error':'InvalidFormat'}],"
                    + "'voice_comment.call_duration':[{'description':"
                    + "'Voice comment call duration: must be 0 or more','error':'InvalidValue'}],"
                    + "'voice_comment.location':[{'description':"
                    + "'Voice comment location: must be a string, not an array',"
                    + "'error':'InvalidType'}],"
                    + "'voice_comment.answered_by_id':[{'description':"
                    + "'Voice comment answered by: does not name an agent of this account',"
                    + "'error':'InvalidValue'}]}"));
  }

  @Test
  void voicemail_withoutAVoiceComment_isRejected() {
    Response rejected = api.post(PATH, json("{'ticket': {'via_id': 44}}"));

    assertThat(rejected.body())
        .isEqualTo(
            details(
                "{'voice_comment':[{'description':"
                    + "'Voice comment: cannot be blank for a voicemail (via_id 44)',"
                    + "'error':'BlankValue'}]}"));
  }

  @Test
  void viaId_otherThanAVoiceOne_isRejected() {
    Response rejected =
        api.post(PATH, json("{'ticket': {'via_id': 47, 'comment': {'body': 'Hi'}}}"));

    assertThat(rejected.status()).isEqualTo(422);
    assertThat(rejected.body())
        .isEqualTo(
            details(
                "{'via_id':[{'description':"
                    + "'Via: must be 44 (voicemail), 45 (inbound call) or 46 (outbound call)',"
                    + "'error':'InvalidValue'}]}"));
  }

  @Test
  void viaId_missing_isBlank() {
    Response rejected = api.post(PATH, json("{'ticket': {'comment': {'body': 'Hi'}}}"));

    assertThat(rejected.status()).isEqualTo(422);
    assertThat(rejected.body())
        .isEqualTo(
            details("{'via_id':[{'description':'Via: cannot be blank','error':'BlankValue'}]}"));
  }

  @Test
  void viaId_asAString_isAWrongType() {
    Response rejected =
        api.post(PATH, json("{'ticket': {'via_id': '45', 'comment': {'body': 'Hi'}}}"));

    assertThat(rejected.body())
        .isEqualTo(
            details(
                "{'via_id':[{'description':'Via: must be an integer, not a string',"
                    + "'error':'InvalidType'}]}"));
  }

  @Test
  void displayToAgent_thatIsNotAnAgent_createsNothing() {
    long before = createdId(api.post(PATH, inboundWithComment("")));
    int pops = screenPopCount();

    Response rejected = api.post(PATH, voicemail("", ", 'display_to_agent': " + endUserId));

    assertThat(rejected.status()).isEqualTo(422);
    assertThat(rejected.body())
        .isEqualTo(
            details(
                "{'display_to_agent':[{'description':"
                    + "'Display to agent: does not name an agent of this account',"
                    + "'error':'InvalidValue'}]}"));
    assertThat(screenPopCount()).isEqualTo(pops);
    long after = createdId(api.post(PATH, inboundWithComment("")));
    assertThat(after).isEqualTo(before + 1);
  }

  @Test
  void displayToAgent_popsTheNewTicket() {
    long id = createdId(api.post(PATH, voicemail("", ", 'display_to_agent': " + agentId)));

    JsonNode newest = api.get("/_dialtone/screen-pops").json().get("screen_pops").get(0);
    assertThat(newest.get("ticket_id").asLong()).isEqualTo(id);
    assertThat(newest.get("agent_id").asLong()).isEqualTo(agentId);
    assertThat(newest.get("source").asText()).isEqualTo("voice_ticket");
  }

  @Test
  void inbound_withAPlainComment_storesATextComment() {
    Response created = api.post(PATH + ".json", inboundWithComment(""));

    long id = createdId(created);
    JsonNode ticket = created.json().get("ticket");
    assertThat(ticket.get("subject").asText()).isEqualTo("Inbound call");
    assertThat(ticket.get("description").asText()).isEqualTo("Caller asked about billing");
    assertThat(ticket.get("via").get("source").get("rel").asText()).isEqualTo("inbound");
    List<Comment> comments = fixtures.comments(id);
    assertThat(comments).hasSize(1);
    assertThat(comments.get(0).type()).isEqualTo(CommentType.TEXT);
    assertThat(comments.get(0).isPublic()).isTrue();
    assertThat(comments.get(0).data()).isNull();
  }

  @Test
  void outbound_withoutAnyComment_isRejected() {
    Response rejected = api.post(PATH, json("{'ticket': {'via_id': 46}}"));

    assertThat(rejected.body())
        .isEqualTo(
            details(
                "{'comment':[{'description':"
                    + "'Comment: cannot be blank: send a comment with a body, or a voice_comment',"
                    + "'error':'BlankValue'}]}"));
  }

  @Test
  void unknownKeys_areIgnoredAndNamed() {
    Response created =
        api.post(
            PATH,
            json(
                "{'ticket': {'via_id': 45, 'colour': 'red', 'comment': {'body': 'Hi', 'x': 1}},"
                    + " 'extra': true}"));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.header("X-Dialtone-Ignored-Fields")).isEqualTo("extra,colour,comment.x");
  }

  @Test
  void aBodyWithoutATicketObject_isInvalidJson() {
    Response missing = api.post(PATH, json("{'via_id': 44}"));
    Response notAnObject = api.post(PATH, json("{'ticket': [1]}"));
    Response notJson = api.post(PATH, "[1]");

    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().get("error").asText()).isEqualTo("InvalidJSON");
    assertThat(notAnObject.status()).isEqualTo(400);
    assertThat(notAnObject.json().get("error").asText()).isEqualTo("InvalidJSON");
    assertThat(notJson.status()).isEqualTo(400);
  }

  @Test
  void wrongTypes_areNamed() {
    Response rejected =
        api.post(
            PATH,
            json(
                "{'ticket': {'via_id': 45, 'comment': 'Hi', 'requester_id': 'me',"
                    + " 'tags': 'vip'}, 'display_to_agent': 1.5}"));

    assertThat(rejected.body())
        .isEqualTo(
            details(
                "{'comment':[{'description':'Comment: must be an object, not a string',"
                    + "'error':'InvalidType'}],"
                    + "'requester_id':[{'description':'Requester: must be an integer, not a string',"
                    + "'error':'InvalidType'}],"
                    + "'tags':[{'description':'Tags: must be an array of strings, not a string',"
                    + "'error':'InvalidType'}],"
                    + "'display_to_agent':[{'description':"
                    + "'Display to agent: must be an integer, not a decimal number',"
                    + "'error':'InvalidType'}]}"));
  }
}
