package dev.dialtone.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dialtone.testing.Api;
import dev.dialtone.testing.Calls;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.Rows;
import dev.dialtone.testing.TestServer;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retries of one create, as a client on a flaky network sends them, create one call. */
class IdempotentRetryTest {
  static final int SENDERS = 16;

  @TempDir static Path dataDir;
  @TempDir static Path secondDataDir;
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void concurrentRetries_createExactlyOneCall() throws Exception {
    String key = UUID.randomUUID().toString();
    Api api = server.admin().withHeader("Idempotency-Key", key);
    long calls = Rows.count(dataDir, "calls");

    List<Response> answers = sendAtOnce(List.of(api), Calls.MINIMAL);

    assertOneCallCreated(answers);
    assertThat(Rows.count(dataDir, "calls")).isEqualTo(calls + 1);
  }

  @Test
  void concurrentRetriesOnTwoNodes_createExactlyOneCall() throws Exception {
    assumeTrue(TestServer.onPostgres(), "only PostgreSQL is shared between nodes");
    try (TestServer second = server.secondNode(secondDataDir)) {
      String key = UUID.randomUUID().toString();
      Api onFirst = server.admin().withHeader("Idempotency-Key", key);
      Api onSecond = onFirst.onPort(second.port());
      long calls = Rows.count(dataDir, "calls");

      List<Response> answers = sendAtOnce(List.of(onFirst, onSecond), Calls.MINIMAL);

      assertOneCallCreated(answers);
      assertThat(Rows.count(dataDir, "calls")).isEqualTo(calls + 1);
    }
  }

  @Test
  void aRetryAfterTheConnectionWasCut_returnsTheOriginalCall() throws Exception {
    String key = UUID.randomUUID().toString();
    long calls = Rows.count(dataDir, "calls");

    sendAndHangUp(key, Calls.MINIMAL);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (Rows.count(dataDir, "calls") == calls && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    long created = (Long) Rows.single(dataDir, "SELECT max(id) FROM calls");
    Response retry = retryUntilSettled(server.admin().withHeader("Idempotency-Key", key));

    assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
    assertThat(retry.header("x-idempotency-lookup")).isEqualTo("hit");
    assertThat(retry.json().at("/call/id").asLong()).isEqualTo(created);
    assertThat(Rows.count(dataDir, "calls")).isEqualTo(calls + 1);
  }

  /** Sends the create over a raw socket and closes it at once, without reading the response. */
  static void sendAndHangUp(String key, String body) throws Exception {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String credentials =
        Base64.getEncoder()
            .encodeToString(
                (TestServer.ADMIN_EMAIL + "/token:" + TestServer.ADMIN_TOKEN)
                    .getBytes(StandardCharsets.UTF_8));
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/v2/calls HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
                  + credentials
                  + "\r\nIdempotency-Key: "
                  + key
                  + "\r\nContent-Type: application/json\r\nContent-Length: "
                  + bytes.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(bytes);
      out.flush();
    }
  }

  /** Retries while the first request is still finishing (409), as a client should. */
  static Response retryUntilSettled(Api api) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    Response response = api.post("/api/v2/calls", Calls.MINIMAL);
    while (response.status() == 409 && System.nanoTime() < deadline) {
      Thread.sleep(20);
      response = api.post("/api/v2/calls", Calls.MINIMAL);
    }
    return response;
  }

  /** {@link #SENDERS} copies of one request, released together, spread over the clients. */
  static List<Response> sendAtOnce(List<Api> apis, String body) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Response>> sent = new ArrayList<>();
      for (int i = 0; i < SENDERS; i++) {
        Api api = apis.get(i % apis.size());
        sent.add(
            pool.submit(
                () -> {
                  go.await();
                  return api.post("/api/v2/calls", body);
                }));
      }
      go.countDown();
      List<Response> answers = new ArrayList<>();
      for (Future<Response> answer : sent) {
        answers.add(answer.get(30, TimeUnit.SECONDS));
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }

  /** One miss; every other answer the same 201 replayed, or 409 while the first was running. */
  static void assertOneCallCreated(List<Response> answers) {
    List<Response> created = answers.stream().filter(r -> r.status() == 201).toList();
    assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn(201, 409));
    assertThat(created).isNotEmpty();
    assertThat(created).extracting(Response::body).containsOnly(created.get(0).body());
    assertThat(created).filteredOn(r -> "miss".equals(r.header("x-idempotency-lookup"))).hasSize(1);
    assertThat(answers)
        .filteredOn(r -> r.status() == 409)
        .allSatisfy(r -> assertThat(r.json().get("error").asText()).isEqualTo("Conflict"));
  }
}
