package dev.dialtone.screenpop;

import static dev.dialtone.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dialtone.testing.Api;
import dev.dialtone.testing.EventStream;
import dev.dialtone.testing.Fixtures;
import dev.dialtone.testing.ManualClock;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.Rows;
import dev.dialtone.testing.TestServer;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /_dialtone/screen-pops/stream}, the streaming route kind: it finds the account and
 * signs in through the same steps as every route, then sends each pop for the signed-in agent.
 */
class ScreenPopStreamTest {
  @TempDir static Path dataDir;
  static TestServer server;
  static Fixtures fixtures;
  static Api api;
  static long adminId;
  static long otherAgentId;
  static long ticketId;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
    fixtures = Fixtures.open(server);
    api = server.admin();
    adminId = api.get("/api/v2/users/me").json().get("user").get("id").asLong();
    otherAgentId = fixtures.agent("Olga Other");
    Response created =
        api.post(
            "/api/v2/calls",
            json(
                "{'call': {'app_id': 1, 'call_started_at': '2022-01-27T15:31:40+01',"
                    + " 'direction': 'inbound', 'from_line': '+16617480123',"
                    + " 'to_line': '+14948848487'}, 'comment': {'title': 'Call'}}"));
    ticketId = created.json().get("call").get("ticket_id").asLong();
  }

  @AfterAll
  static void stop() {
    fixtures.close();
    long started = System.nanoTime();
    server.close();
    System.out.printf("stopping took %d ms%n", (System.nanoTime() - started) / 1_000_000);
  }

  @Test
  void stream_withoutCredentials_isTheApis401() {
    Response response = server.anonymous().withHeader("Accept", "text/event-stream").get(STREAM);

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.body()).isEqualTo("{\"error\":\"Couldn't authenticate you\"}");
  }

  @Test
  void stream_forAnUnknownAccount_isInvalidEndpoint() {
    Response response =
        api.forAccount("nosuchaccount").withHeader("Accept", "text/event-stream").get(STREAM);

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().get("error").asText()).isEqualTo("InvalidEndpoint");
  }

  @Test
  void stream_withoutAcceptingEvents_saysWhatToSend() {
    Response response = api.get(STREAM);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("description").asText())
        .isEqualTo("This route streams server-sent events: send Accept: text/event-stream");
  }

  @Test
  void stream_sendsThePopsOfTheSignedInAgent_andNoOtherAgents() {
    try (EventStream stream = EventStream.open(server)) {
      assertThat(stream.response().statusCode()).isEqualTo(200);
      assertThat(stream.response().headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
      assertThat(stream.next()).isEqualTo(": open");

      api.post(DisplayRoutesTest.ticketDisplay(otherAgentId, ticketId), null);
      api.post(DisplayRoutesTest.ticketDisplay(adminId, ticketId), null);

      assertThat(stream.next()).isEqualTo("event: screen_pop");
      String data = stream.next();
      assertThat(data).startsWith("data: ");
      assertThat(data)
          .contains("\"agent_id\":" + adminId)
          .contains("\"ticket_id\":" + ticketId)
          .contains("\"source\":\"display_ticket\"");
    }
  }

  @Test
  void display_whileTheAgentsStreamIsOpen_isDelivered_andNotOnceItIsClosed() {
    Response delivered;
    try (EventStream stream = EventStream.open(server)) {
      assertThat(stream.next()).isEqualTo(": open");

      delivered = api.post(DisplayRoutesTest.userDisplay(adminId, otherAgentId), null);

      assertThat(stream.next()).isEqualTo("event: screen_pop");
      assertThat(stream.next()).contains("\"user_id\":" + otherAgentId);
    }
    assertThat(delivered.status()).isEqualTo(200);
    assertThat(delivered.body()).isEmpty();
    assertThat(DisplayRoutesTest.screenPops(api).get(0).get("delivered").asBoolean()).isTrue();
    // The server learns that the client left when writing to it fails, at the latest on the
    // second heartbeat's ping (TCP answers the first with a reset).
    server.heartbeat();
    server.heartbeat();

    Response afterClose = api.post(DisplayRoutesTest.userDisplay(adminId, otherAgentId), null);

    assertThat(afterClose.status()).isEqualTo(404);
    assertThat(afterClose.body()).isEqualTo(DisplayRoutesTest.NO_CONSOLE);
    assertThat(DisplayRoutesTest.screenPops(api).get(0).get("delivered").asBoolean()).isFalse();
  }

  @Test
  void aVoiceCommentDisplayedToTheAgent_whileItsStreamIsOpen_isDelivered() {
    try (EventStream stream = EventStream.open(server)) {
      assertThat(stream.next()).isEqualTo(": open");

      Response created =
          api.post(
              "/api/v2/calls",
              json(
                  "{'call': {'app_id': 1, 'call_started_at': '2022-01-27T15:31:40+01',"
                      + " 'direction': 'inbound', 'from_line': '+16617480123',"
                      + " 'to_line': '+14948848487'}, 'comment': {'title': 'Call',"
                      + " 'display_to_agent': "
                      + adminId
                      + "}}"));

      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      assertThat(stream.next()).isEqualTo("event: screen_pop");
      assertThat(stream.next()).contains("\"source\":\"voice_comment\"");
    }
    assertThat(DisplayRoutesTest.screenPops(api).get(0).get("source").asText())
        .isEqualTo("voice_comment");
    assertThat(DisplayRoutesTest.screenPops(api).get(0).get("delivered").asBoolean()).isTrue();
  }

  @Test
  void aStreamWhosePresenceWasEndedElsewhere_endsAtTheNextHeartbeat() {
    try (EventStream stream = EventStream.open(server)) {
      assertThat(stream.next()).isEqualTo(": open");
      assertThat(api.post(DisplayRoutesTest.ticketDisplay(adminId, ticketId), null).status())
          .isEqualTo(200);
      assertThat(stream.next()).isEqualTo("event: screen_pop");
      stream.next();

      fixtures.endPresence(adminId);
      server.heartbeat();

      assertThat(stream.endsWithoutEvents()).isTrue();
    }
    Response displayed = api.post(DisplayRoutesTest.ticketDisplay(adminId, ticketId), null);
    assertThat(displayed.body()).isEqualTo(DisplayRoutesTest.NO_CONSOLE);
  }

  @Test
  void anOpenStream_keepsCountingPastTheExpiry_asItsHeartbeatRefreshesIt(@TempDir Path otherDir) {
    ManualClock clock = new ManualClock(Instant.parse("2026-03-02T09:00:00Z"));
    try (TestServer other = TestServer.start(otherDir, clock);
        EventStream stream = EventStream.open(other)) {
      assertThat(stream.next()).isEqualTo(": open");

      clock.advance(Presence.EXPIRY.plusSeconds(1));
      other.heartbeat();
      Response displayed =
          other
              .admin()
              .post(DisplayRoutesTest.userDisplay(Rows.DEFAULT_ADMIN, Rows.DEFAULT_ADMIN), null);

      assertThat(displayed.status()).as(displayed.toString()).isEqualTo(200);
      assertThat(stream.next()).isEqualTo("event: screen_pop");
    }
  }

  @Test
  void stoppingTheServer_endsItsOpenStreams(@TempDir Path otherDir) throws Exception {
    TestServer other = TestServer.start(otherDir);
    EventStream stream;
    try {
      stream = EventStream.open(other);
      assertThat(stream.next()).isEqualTo(": open");
    } finally {
      long started = System.nanoTime();
      other.close();
      System.out.printf(
          "stopping with a stream open took %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }
    // The server hung up: the stream ends instead of waiting for events that never come.
    try (stream) {
      assertThat(stream.endsWithoutEvents()).isTrue();
    }
  }

  private static final String STREAM = EventStream.PATH;
}
