package dev.dialtone.screenpop;

import static dev.dialtone.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dialtone.testing.Api;
import dev.dialtone.testing.Fixtures;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /_dialtone/screen-pops/stream}, the streaming route kind: it finds the account and
 * signs in through the same steps as every route, then sends each pop for the signed-in agent.
 */
class ScreenPopStreamTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

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
  void stream_sendsThePopsOfTheSignedInAgent_andNoOtherAgents() throws Exception {
    HttpResponse<Stream<String>> stream = open(server);
    BlockingQueue<String> lines = new ArrayBlockingQueue<>(100);
    Thread reader =
        new Thread(
            () -> {
              Iterator<String> it = stream.body().iterator();
              while (it.hasNext()) {
                if (!lines.offer(it.next())) {
                  return;
                }
              }
            });
    reader.setDaemon(true);
    reader.start();
    try {
      assertThat(stream.statusCode()).isEqualTo(200);
      assertThat(stream.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
      assertThat(next(lines)).isEqualTo(": open");

      api.post(DisplayRoutesTest.ticketDisplay(otherAgentId, ticketId), null);
      api.post(DisplayRoutesTest.ticketDisplay(adminId, ticketId), null);

      assertThat(next(lines)).isEqualTo("event: screen_pop");
      String data = next(lines);
      assertThat(data).startsWith("data: ");
      assertThat(data)
          .contains("\"agent_id\":" + adminId)
          .contains("\"ticket_id\":" + ticketId)
          .contains("\"source\":\"display_ticket\"");
    } finally {
      stream.body().close();
    }
  }

  @Test
  void stoppingTheServer_endsItsOpenStreams(@TempDir Path otherDir) throws Exception {
    TestServer other = TestServer.start(otherDir);
    Iterator<String> lines;
    try {
      lines = open(other).body().iterator();
      assertThat(lines.next()).isEqualTo(": open");
    } finally {
      long started = System.nanoTime();
      other.close();
      System.out.printf(
          "stopping with a stream open took %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }
    // The server hung up: the stream ends instead of waiting for events that never come.
    while (lines.hasNext()) {
      assertThat(lines.next()).as("nothing but blank lines after the stop").isEmpty();
    }
  }

  private static HttpResponse<Stream<String>> open(TestServer node) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + node.port() + STREAM))
            .header("Accept", "text/event-stream")
            .header("Authorization", adminAuthorization())
            .build(),
        HttpResponse.BodyHandlers.ofLines());
  }

  private static final String STREAM = "/_dialtone/screen-pops/stream";

  private static String next(BlockingQueue<String> lines) throws InterruptedException {
    String line;
    do {
      line = lines.poll(5, TimeUnit.SECONDS);
      assertThat(line).as("a line of the stream within 5 s").isNotNull();
    } while (line.isEmpty());
    return line;
  }

  private static String adminAuthorization() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString(
                (TestServer.ADMIN_EMAIL + "/token:" + TestServer.ADMIN_TOKEN)
                    .getBytes(StandardCharsets.UTF_8));
  }
}
