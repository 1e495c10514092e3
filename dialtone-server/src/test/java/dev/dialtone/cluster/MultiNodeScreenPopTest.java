package dev.dialtone.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialtone.testing.Api;
import dev.dialtone.testing.Console;
import dev.dialtone.testing.EventStream;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.TestServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes on one PostgreSQL database: an agent's screen-pop stream held open by one node makes
 * the display requests answered by the other deliver, and the pop travels to the stream; a console
 * session made on one node serves the browser on the other, and signing out on either ends it on
 * both, its presence included.
 */
class MultiNodeScreenPopTest {
  static final String NO_CONSOLE =
      "{\"error\":\"RecordNotFound\",\"description\":\"Agent has no open agent console\"}";

  @TempDir static Path dirA;
  @TempDir static Path dirB;
  static TestServer nodeA;
  static TestServer nodeB;
  static Api apiB;
  static long adminId;

  @BeforeAll
  static void start() {
    nodeA = TestServer.startOnPostgres(dirA);
    nodeB = nodeA.secondNode(dirB);
    apiB = nodeB.admin();
    adminId = apiB.get("/api/v2/users/me").json().at("/user/id").asLong();
  }

  @AfterAll
  static void stop() {
    nodeB.close();
    nodeA.close();
  }

  static String display() {
    return "/api/v2/channels/voice/agents/" + adminId + "/users/" + adminId + "/display";
  }

  static boolean newestDelivered() {
    return apiB.get("/_dialtone/screen-pops").json().at("/screen_pops/0/delivered").asBoolean();
  }

  @Test
  void aStreamOpenOnNodeA_receivesThePopAskedOfNodeB_whichAnswers200() {
    Response displayed;
    String data;
    try (EventStream stream = EventStream.open(nodeA)) {
      assertThat(stream.next()).isEqualTo(": open");

      displayed = apiB.post(display(), null);

      assertThat(stream.next()).isEqualTo("event: screen_pop");
      data = stream.next();
    }
    assertThat(displayed.status()).as(displayed.toString()).isEqualTo(200);
    assertThat(displayed.body()).isEmpty();
    assertThat(data).contains("\"agent_id\":" + adminId).contains("\"user_id\":" + adminId);
    assertThat(newestDelivered()).isTrue();
  }

  @Test
  void onceTheStreamOnNodeAIsClosed_nodeBAnswersThatTheAgentHasNoConsole() {
    try (EventStream stream = EventStream.open(nodeA)) {
      assertThat(stream.next()).isEqualTo(": open");
      assertThat(apiB.post(display(), null).status()).isEqualTo(200);
    }
    // Node A learns that the client left when its pings fail, at the latest on the second.
    nodeA.heartbeat();
    nodeA.heartbeat();

    Response displayed = apiB.post(display(), null);

    assertThat(displayed.status()).isEqualTo(404);
    assertThat(displayed.body()).isEqualTo(NO_CONSOLE);
    assertThat(newestDelivered()).isFalse();
  }

  @Test
  void aSessionMadeOnOneNode_servesTheBrowserOnTheOther_andSignsOutOnBoth() {
    Console onA = new Console(nodeA.port()).signedInAsAdmin();
    Console onB = onA.onPort(nodeB.port());

    Response page = onB.get("/agent/tickets");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("<h1>Tickets</h1>");

    assertThat(onB.post("/agent/sign-out", Map.of()).status()).isEqualTo(303);
    assertThat(onA.get("/agent/tickets").header("Location")).startsWith("/agent/sign-in");
  }

  @Test
  void signingOutOnNodeB_endsTheConsoleOpenOnNodeA() {
    Console onA = new Console(nodeA.port()).signedInAsAdmin();
    try (EventStream console = EventStream.openConsole(nodeA.port(), onA.sessionCookie())) {
      assertThat(console.next()).isEqualTo(": open");
      assertThat(apiB.post(display(), null).status()).isEqualTo(200);
      assertThat(console.next()).isEqualTo("event: screen_pop");
      console.next(); // its data

      onA.onPort(nodeB.port()).post("/agent/sign-out", Map.of());
      nodeA.heartbeat();

      assertThat(console.endsWithoutEvents()).isTrue();
    }
    Response afterSignOut = apiB.post(display(), null);
    assertThat(afterSignOut.status()).isEqualTo(404);
    assertThat(afterSignOut.body()).isEqualTo(NO_CONSOLE);
  }
}
