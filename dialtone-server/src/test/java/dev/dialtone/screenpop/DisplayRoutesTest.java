package dev.dialtone.screenpop;

import static dev.dialtone.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dialtone.testing.Api;
import dev.dialtone.testing.Fixtures;
import dev.dialtone.testing.ManualClock;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DisplayRoutesTest {
  static final String NOT_FOUND = json("{'error':'RecordNotFound','description':'Not found'}");
  static final String NO_CONSOLE =
      json("{'error':'RecordNotFound','description':'Agent has no open agent console'}");

  @TempDir static Path dataDir;
  static TestServer server;
  static Fixtures fixtures;
  static Api api;
  static long agentId;
  static long endUserId;
  static long ticketId;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
    fixtures = Fixtures.open(server);
    api = server.admin();
    agentId = fixtures.agent("Alice Agent");
    endUserId = fixtures.endUser("Carl Caller");
    ticketId = ticketFromACall();
  }

  @AfterAll
  static void stop() {
    fixtures.close();
    server.close();
  }

  /** A ticket made the TPE way: a call with a comment. */
  static long ticketFromACall() {
    Response created =
        api.post(
            "/api/v2/calls",
            json(
                "{'call': {'app_id': 1, 'call_started_at': '2022-01-27T15:31:40+01',"
                    + " 'direction': 'inbound', 'from_line': '+16617480123',"
                    + " 'to_line': '+14948848487'}, 'comment': {'title': 'Call'}}"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("call").get("ticket_id").asLong();
  }

  static String ticketDisplay(long agent, long ticket) {
    return "/api/v2/channels/voice/agents/" + agent + "/tickets/" + ticket + "/display";
  }

  static String userDisplay(long agent, long user) {
    return "/api/v2/channels/voice/agents/" + agent + "/users/" + user + "/display";
  }

  static JsonNode screenPops() {
    return screenPops(api);
  }

  /** The account's screen pops as {@code GET /_dialtone/screen-pops} reads them back. */
  static JsonNode screenPops(Api api) {
    Response pops = api.get("/_dialtone/screen-pops");
    assertThat(pops.status()).as(pops.toString()).isEqualTo(200);
    return pops.json().get("screen_pops");
  }

  @Test
  void displayTicket_toAnAgentWithoutConsole_answersNoOpenConsole_andRecordsThePop() {
    Response displayed = api.post(ticketDisplay(agentId, ticketId), null);

    assertThat(displayed.status()).isEqualTo(404);
    assertThat(displayed.body()).isEqualTo(NO_CONSOLE);
    JsonNode newest = screenPops().get(0);
    assertThat(newest.get("agent_id").asLong()).isEqualTo(agentId);
    assertThat(newest.get("ticket_id").asLong()).isEqualTo(ticketId);
    assertThat(newest.get("user_id").isNull()).isTrue();
    assertThat(newest.get("source").asText()).isEqualTo("display_ticket");
    assertThat(newest.get("delivered").asBoolean()).isFalse();
    assertThat(newest.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT[\\d:]{8}Z");
  }

  @Test
  void displayUser_withJsonSuffix_recordsTheUserPop() {
    Response displayed = api.post(userDisplay(agentId, endUserId) + ".json", null);

    assertThat(displayed.body()).isEqualTo(NO_CONSOLE);
    JsonNode newest = screenPops().get(0);
    assertThat(newest.get("agent_id").asLong()).isEqualTo(agentId);
    assertThat(newest.get("user_id").asLong()).isEqualTo(endUserId);
    assertThat(newest.get("ticket_id").isNull()).isTrue();
    assertThat(newest.get("source").asText()).isEqualTo("display_user");
  }

  @Test
  void display_countsAStreamOnAnyNode_untilItsLastHeartbeatIs30sOld(@TempDir Path otherDir) {
    ManualClock clock = new ManualClock(Instant.parse("2026-03-02T09:00:00Z"));
    try (TestServer other = TestServer.start(otherDir, clock);
        Fixtures otherFixtures = Fixtures.open(other)) {
      Api otherApi = other.admin();
      long agent = otherFixtures.agent("Paula Present");
      long caller = otherFixtures.endUser("Carl Caller");
      otherFixtures.presence(agent, clock.instant().minus(Presence.EXPIRY).plusSeconds(1));

      Response whileFresh = otherApi.post(userDisplay(agent, caller), null);
      boolean freshRecorded = screenPops(otherApi).get(0).get("delivered").asBoolean();
      clock.advance(Duration.ofSeconds(2));
      Response onceStale = otherApi.post(userDisplay(agent, caller), null);
      boolean staleRecorded = screenPops(otherApi).get(0).get("delivered").asBoolean();

      assertThat(whileFresh.status()).as(whileFresh.toString()).isEqualTo(200);
      assertThat(whileFresh.body()).isEmpty();
      assertThat(freshRecorded).isTrue();
      assertThat(onceStale.status()).isEqualTo(404);
      assertThat(onceStale.body()).isEqualTo(NO_CONSOLE);
      assertThat(staleRecorded).isFalse();
    }
  }

  @Test
  void display_ignoresAnyBody() {
    Response displayed = api.post(ticketDisplay(agentId, ticketId), "this is not JSON");

    assertThat(displayed.body()).isEqualTo(NO_CONSOLE);
  }

  @Test
  void displayTicket_toAnUnknownAgent_isNotFound_andRecordsNothing() {
    int before = screenPops().size();

    Response displayed = api.post(ticketDisplay(agentId + 1_000_000, ticketId), null);

    assertThat(displayed.status()).isEqualTo(404);
    assertThat(displayed.body()).isEqualTo(NOT_FOUND);
    assertThat(screenPops().size()).isEqualTo(before);
  }

  @Test
  void displayTicket_toAnEndUser_isNotFound() {
    Response displayed = api.post(ticketDisplay(endUserId, ticketId), null);

    assertThat(displayed.status()).isEqualTo(404);
    assertThat(displayed.body()).isEqualTo(NOT_FOUND);
  }

  @Test
  void displayTicket_ofAnUnknownTicket_isNotFound() {
    Response displayed = api.post(ticketDisplay(agentId, ticketId + 1_000_000), null);

    assertThat(displayed.status()).isEqualTo(404);
    assertThat(displayed.body()).isEqualTo(NOT_FOUND);
  }

  @Test
  void displayUser_ofAnUnknownUser_isNotFound() {
    Response displayed = api.post(userDisplay(agentId, endUserId + 1_000_000), null);

    assertThat(displayed.status()).isEqualTo(404);
    assertThat(displayed.body()).isEqualTo(NOT_FOUND);
  }

  @Test
  void displayUser_withANonNumericId_isNotFound() {
    Response displayed =
        api.post("/api/v2/channels/voice/agents/" + agentId + "/users/abc/display", null);

    assertThat(displayed.body()).isEqualTo(NOT_FOUND);
  }

  @Test
  void screenPops_areNewestFirst_andLimited() {
    api.post(ticketDisplay(agentId, ticketId), null);
    api.post(userDisplay(agentId, endUserId), null);

    JsonNode pops = api.get("/_dialtone/screen-pops?limit=2").json().get("screen_pops");

    assertThat(pops).hasSize(2);
    assertThat(pops.get(0).get("source").asText()).isEqualTo("display_user");
    assertThat(pops.get(1).get("source").asText()).isEqualTo("display_ticket");
    assertThat(pops.get(0).get("id").asLong()).isGreaterThan(pops.get(1).get("id").asLong());
  }

  @Test
  void screenPops_withALimitOutOfRange_isRejected() {
    for (String limit : new String[] {"0", "101", "ten", "-1"}) {
      Response pops = api.get("/_dialtone/screen-pops?limit=" + limit);

      assertThat(pops.status()).as(limit).isEqualTo(422);
      assertThat(pops.body())
          .isEqualTo(
              json(
                  "{'error':'RecordInvalid','description':'Record validation errors','details':"
                      + "{'limit':[{'description':'Limit: must be an integer from 1 to 100',"
                      + "'error':'InvalidValue'}]}}"));
    }
  }
}
