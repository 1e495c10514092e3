package dev.dialtone.console;

import static dev.dialtone.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dialtone.testing.Api;
import dev.dialtone.testing.Console;
import dev.dialtone.testing.EventStream;
import dev.dialtone.testing.ManualClock;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The open console's stream, {@code GET /agent/events}: while it is open the agent is present, so
 * screen pops are delivered to it; it also carries the changes of the account's calls.
 */
class ConsoleEventsTest {
  static final String NO_CONSOLE =
      json("{'error':'RecordNotFound','description':'Agent has no open agent console'}");

  @TempDir static Path dataDir;
  static ManualClock clock = new ManualClock(Instant.parse("2026-03-02T09:00:00Z"));
  static TestServer server;
  static Api api;
  static long adminId;
  static long callId;
  static long ticketId;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir, clock);
    api = server.admin();
    adminId = api.get("/api/v2/users/me").json().get("user").get("id").asLong();
    Response created =
        api.post(
            "/api/v2/calls",
            json(
                "{'call': {'app_id': 1, 'call_started_at': '2022-01-27T15:31:40+01',"
                    + " 'direction': 'inbound', 'from_line': '+16617480123',"
                    + " 'to_line': '+14948848487'}, 'comment': {'title': 'Call'}}"));
    callId = created.json().get("call").get("id").asLong();
    ticketId = created.json().get("call").get("ticket_id").asLong();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String ticketDisplay() {
    return "/api/v2/channels/voice/agents/" + adminId + "/tickets/" + ticketId + "/display";
  }

  @Test
  void whileTheConsoleIsOpen_aDisplayIsDelivered_andArrivesOnItsStream() {
    Console browser = new Console(server.port()).signedInAsAdmin();
    Response delivered;
    try (EventStream stream = EventStream.openConsole(server.port(), browser.sessionCookie())) {
      assertThat(stream.next()).isEqualTo(": open");

      delivered = api.post(ticketDisplay(), null);

      assertThat(stream.next()).isEqualTo("event: screen_pop");
      assertThat(stream.next()).contains("\"ticket_id\":" + ticketId);
    }
    assertThat(delivered.status()).as(delivered.toString()).isEqualTo(200);
    browser.post("/agent/sign-out", Map.of());
  }

  @Test
  void aPatchedCall_isAnnouncedToOpenConsoles() {
    Console browser = new Console(server.port()).signedInAsAdmin();
    try (EventStream stream = EventStream.openConsole(server.port(), browser.sessionCookie())) {
      assertThat(stream.next()).isEqualTo(": open");

      api.patch("/api/v2/calls/" + callId, json("{'call': {'duration': 345}}"));

      assertThat(stream.next()).isEqualTo("event: call_changed");
      assertThat(stream.next()).isEqualTo("data: {\"id\":" + callId + "}");
    }
    browser.post("/agent/sign-out", Map.of());
  }

  @Test
  void movingToAnotherPage_keepsTheAgentPresentForAMoment_andNoLonger() {
    Console browser = new Console(server.port()).signedInAsAdmin();
    try (EventStream stream = EventStream.openConsole(server.port(), browser.sessionCookie())) {
      assertThat(stream.next()).isEqualTo(": open");
    }
    // The server learns that the page left on a ping that fails.
    server.heartbeat();
    server.heartbeat();

    Response betweenPages = api.post(ticketDisplay(), null);
    clock.advance(Duration.ofSeconds(6));
    Response gone = api.post(ticketDisplay(), null);

    assertThat(betweenPages.status()).as(betweenPages.toString()).isEqualTo(200);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.body()).isEqualTo(NO_CONSOLE);
    browser.post("/agent/sign-out", Map.of());
  }

  @Test
  void signingOut_endsPresence_andTheStreamAtTheNextHeartbeat() {
    Console browser = new Console(server.port()).signedInAsAdmin();
    try (EventStream stream = EventStream.openConsole(server.port(), browser.sessionCookie())) {
      assertThat(stream.next()).isEqualTo(": open");
      assertThat(api.post(ticketDisplay(), null).status()).isEqualTo(200);
      assertThat(stream.next()).isEqualTo("event: screen_pop");
      stream.next(); // its data

      browser.post("/agent/sign-out", Map.of());
      server.heartbeat();

      assertThat(stream.endsWithoutEvents()).isTrue();
    }
    Response afterSignOut = api.post(ticketDisplay(), null);
    assertThat(afterSignOut.status()).isEqualTo(404);
  }
}
