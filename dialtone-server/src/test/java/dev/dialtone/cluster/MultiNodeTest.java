package dev.dialtone.cluster;

import static dev.dialtone.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dialtone.event.Event;
import dev.dialtone.testing.Api;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two Dialtone nodes in one JVM on one PostgreSQL database behave as one service. */
class MultiNodeTest {
  @TempDir static Path dirA;
  @TempDir static Path dirB;
  static TestServer nodeA;
  static TestServer nodeB;
  static Api apiA;
  static Api apiB;

  @BeforeAll
  static void start() {
    nodeA = TestServer.startOnPostgres(dirA);
    nodeB = nodeA.secondNode(dirB);
    apiA = nodeA.admin();
    apiB = nodeB.admin();
  }

  @AfterAll
  static void stop() {
    nodeB.close();
    nodeA.close();
  }

  static long createCall(Api api) {
    Response created =
        api.post(
            "/api/v2/calls",
            json(
                "{'call': {'app_id': 1, 'call_started_at': '2022-01-27T15:31:40Z',"
                    + " 'direction': 'inbound', 'from_line': '+16617480123',"
                    + " 'to_line': '+16617480124'}}"));
    assertThat(created.status()).isEqualTo(201);
    return created.json().at("/call/id").asLong();
  }

  @Test
  void aUserDeletedThroughOneNode_isRefusedByTheOther_onceTheNoticeArrives() throws Exception {
    Response created =
        apiA.post(
            "/api/v2/users",
            json("{'user':{'name':'Leaving','email':'leaving@example.com','role':'agent'}}"));
    long id = created.json().at("/user/id").asLong();
    Response token =
        apiA.post(
            "/api/v2/oauth/tokens",
            json("{'token':{'user_id':" + id + ",'scopes':['read','write']}}"));
    Api onB = new Api(nodeB.port()).withBearer(token.json().at("/token/full_token").asText());
    // Signed in once on B: B now keeps the token in memory.
    assertThat(onB.get("/api/v2/users/me").status()).isEqualTo(200);

    assertThat(apiA.send("DELETE", "/api/v2/users/" + id, null).status()).isEqualTo(200);

    // The notice crosses over PostgreSQL's LISTEN/NOTIFY; B's memory keeps nothing past it (and
    // nothing past AccountResolver.KEPT, 5 s, should it be lost).
    int status = 0;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
    while (System.nanoTime() < deadline && (status = onB.get("/api/v2/users/me").status()) == 200) {
      Thread.sleep(20);
    }
    assertThat(status).isEqualTo(401);
  }

  @Test
  void aCallWrittenThroughOneNode_isReadThroughTheOther() {
    long id = createCall(apiA);

    Response read = apiB.get("/api/v2/calls/" + id);

    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().at("/call/from_line").asText()).isEqualTo("+16617480123");
  }

  @Test
  void concurrentPatchesOfDifferentFieldsOnBothNodes_loseNoField() throws Exception {
    long id = createCall(apiA);
    List<CompletableFuture<Response>> patches = new ArrayList<>();
    String[] fields = {"duration", "hold_time", "queue_time", "talk_time", "wait_time", "ivr_hops"};
    for (int i = 0; i < fields.length; i++) {
      Api api = i % 2 == 0 ? apiA : apiB;
      String body = json("{'call': {'" + fields[i] + "': " + (i + 10) + "}}");
      patches.add(CompletableFuture.supplyAsync(() -> api.patch("/api/v2/calls/" + id, body)));
    }
    for (CompletableFuture<Response> patch : patches) {
      assertThat(patch.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
    }

    JsonNode call = apiB.get("/api/v2/calls/" + id).json().get("call");
    for (int i = 0; i < fields.length; i++) {
      assertThat(call.get(fields[i]).asInt()).as(fields[i]).isEqualTo(i + 10);
    }
  }

  @Test
  void concurrentFirstCommentsOnBothNodes_createExactlyOneTicket() throws Exception {
    long id = createCall(apiA);
    List<CompletableFuture<Response>> comments = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Api api = i % 2 == 0 ? apiA : apiB;
      String body = json("{'title': 'comment " + i + "'}");
      comments.add(
          CompletableFuture.supplyAsync(() -> api.post("/api/v2/calls/" + id + "/comments", body)));
    }
    for (CompletableFuture<Response> comment : comments) {
      assertThat(comment.get(30, TimeUnit.SECONDS).status()).isEqualTo(201);
    }

    long ticketId = apiA.get("/api/v2/calls/" + id).json().at("/call/ticket_id").asLong();
    JsonNode listed = apiB.get("/api/v2/tickets/" + ticketId + "/comments").json();
    assertThat(listed.get("comments")).hasSize(8);
    Set<Long> tickets = new HashSet<>();
    JsonNode all = apiA.get("/api/v2/tickets?per_page=100").json().get("tickets");
    for (JsonNode ticket : all) {
      if (ticket.at("/via/channel").asText().equals("voice")
          && ticket.get("subject").asText().startsWith("comment ")) {
        tickets.add(ticket.get("id").asLong());
      }
    }
    assertThat(tickets).containsExactly(ticketId);
  }

  @Test
  void aScreenPopOnOneNode_reachesASubscriberOnTheOther() throws Exception {
    long agentId = apiA.get("/api/v2/users/me").json().at("/user/id").asLong();
    long ticketId =
        apiA.post(
                "/api/v2/tickets",
                json("{'ticket': {'subject': 'Pop me', 'comment': {'body': 'Hello'}}}"))
            .json()
            .at("/ticket/id")
            .asLong();
    LinkedBlockingQueue<Event> heardOnB = new LinkedBlockingQueue<>();
    nodeB.events().subscribe(heardOnB::add);

    apiA.post(
        "/api/v2/channels/voice/agents/" + agentId + "/tickets/" + ticketId + "/display", null);

    Event event = heardOnB.poll(10, TimeUnit.SECONDS);
    assertThat(event).isNotNull();
    assertThat(event.type()).isEqualTo("screen_pop");
    assertThat(event.payload()).contains("\"ticket_id\":" + ticketId);
  }
}
