package dev.dialtone.call;

import static dev.dialtone.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dialtone.event.Event;
import dev.dialtone.event.EventBus;
import dev.dialtone.testing.Api;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.Rows;
import dev.dialtone.testing.TestServer;
import java.nio.file.Path;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A call written through the calls API is announced on the event bus, for open ticket pages. */
class CallChangedEventTest {
  @TempDir static Path dataDir;
  static TestServer server;
  static Api api;
  final LinkedBlockingQueue<Event> heard = new LinkedBlockingQueue<>();
  EventBus.Subscription subscription;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
    api = server.admin();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void listen() {
    subscription =
        server
            .events()
            .subscribe(
                event -> {
                  if (event.type().equals(CallRoutes.CALL_CHANGED)) {
                    heard.add(event);
                  }
                });
  }

  @AfterEach
  void stopListening() {
    subscription.close();
  }

  static long createCall() {
    Response created = api.post("/api/v2/calls", CallsApiTest.MINIMAL_CALL);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().at("/call/id").asLong();
  }

  Event next() throws InterruptedException {
    Event event = heard.poll(5, TimeUnit.SECONDS);
    assertThat(event).as("a call_changed event within 5 s").isNotNull();
    return event;
  }

  @Test
  void creatingACall_announcesIt() throws Exception {
    long id = createCall();

    Event event = next();
    assertThat(event.type()).isEqualTo("call_changed");
    assertThat(event.accountId()).isEqualTo(Rows.DEFAULT_ACCOUNT);
    assertThat(event.payload()).isEqualTo("{\"id\":" + id + "}");
  }

  @Test
  void patchingACall_announcesIt_butARejectedPatchDoesNot() throws Exception {
    long id = createCall();
    assertThat(next().payload()).isEqualTo("{\"id\":" + id + "}");
    long other = createCall();
    assertThat(next().payload()).isEqualTo("{\"id\":" + other + "}");

    Response rejected =
        api.patch("/api/v2/calls/" + other, json("{'call': {'direction': 'sideways'}}"));
    Response patched = api.patch("/api/v2/calls/" + id, json("{'call': {'duration': 42}}"));

    assertThat(rejected.status()).isEqualTo(422);
    assertThat(patched.status()).isEqualTo(200);
    // Events arrive in the order published: the first one after the rejection is the patch's.
    assertThat(next().payload()).isEqualTo("{\"id\":" + id + "}");
  }
}
