package dev.dialtone.idempotency;

import static dev.dialtone.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dialtone.testing.Api;
import dev.dialtone.testing.Calls;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.Rows;
import dev.dialtone.testing.TestClock;
import dev.dialtone.testing.TestServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code Idempotency-Key} on the POSTs that create things (docs/api.md). */
class IdempotencyTest {
  static final String MISMATCH =
      "{\"error\":\"IdempotentRequestError\","
          + "\"description\":\"Request parameters don't match the given idempotency key\"}";
  static final String IN_FLIGHT =
      "{\"error\":\"Conflict\",\"description\":\"A request with this Idempotency-Key is still in"
          + " progress; retry once it has finished\"}";
  static final String ACME_TOKEN = "acmetoken0123456789abcdefghijklmnopqrst";

  @TempDir static Path dataDir;
  static final TestClock clock = new TestClock();
  static TestServer server;
  static Api admin;
  static Api acme;
  static long callId;

  @BeforeAll
  static void start() {
    // A request that cannot get the database answers 503 within 2 s (the 503 test below).
    server = TestServer.start(dataDir, clock, c -> c.withDatabaseTimeout(Duration.ofSeconds(2)));
    admin = server.admin();
    Response created =
        admin.post(
            "/_dialtone/accounts",
            json(
                "{'account': {'subdomain': 'acme', 'admin_email': 'a@acme.test', 'admin_token': '"
                    + ACME_TOKEN
                    + "'}}"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    acme = new Api(server.port()).forAccount("acme").withToken("a@acme.test", ACME_TOKEN);
    callId = Calls.create(admin);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String newKey() {
    return UUID.randomUUID().toString();
  }

  static Api keyed(String key) {
    return admin.withHeader("Idempotency-Key", key);
  }

  static void assertReplayed(Response replay, Response first) {
    assertThat(first.header("x-idempotency-lookup")).isEqualTo("miss");
    assertThat(replay.header("x-idempotency-lookup")).isEqualTo("hit");
    assertThat(replay.status()).isEqualTo(first.status());
    assertThat(replay.body()).isEqualTo(first.body());
    assertThat(replay.header("Content-Type")).isEqualTo(first.header("Content-Type"));
    assertThat(replay.header("Location")).isEqualTo(first.header("Location"));
    assertThat(replay.header("ETag")).isEqualTo(first.header("ETag"));
  }

  @Test
  void retry_replaysTheFirstResponse_andCreatesNothingMore() {
    String key = newKey();
    long calls = Rows.count(dataDir, "calls");

    Response first = keyed(key).post("/api/v2/calls", Calls.MINIMAL);
    Response retry = keyed(key).post("/api/v2/calls", Calls.MINIMAL);

    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertThat(first.header("Location")).as("Zendesk's call answers carry none").isNull();
    assertReplayed(retry, first);
    assertThat(retry.header("X-Request-Id")).isNotEqualTo(first.header("X-Request-Id"));
    assertThat(Rows.count(dataDir, "calls")).isEqualTo(calls + 1);
  }

  @Test
  void jsonSuffix_namesTheSameRequest() {
    String key = newKey();

    Response first = keyed(key).post("/api/v2/calls", Calls.MINIMAL);
    Response retry = keyed(key).post("/api/v2/calls.json", Calls.MINIMAL);

    assertReplayed(retry, first);
  }

  @Test
  void unknownKeysHeaders_areReplayedToo() {
    String key = newKey();
    String body = json("{'call': {" + Calls.MINIMAL_FIELDS.replace('"', '\'') + ", 'colour': 1}}");

    Response first = keyed(key).post("/api/v2/calls", body);
    Response retry = keyed(key).post("/api/v2/calls", body);

    assertReplayed(retry, first);
    assertThat(retry.header("X-Dialtone-Ignored-Fields")).isEqualTo("colour");
  }

  @Test
  void sameKey_otherBody_isIdempotentRequestError() {
    String key = newKey();
    keyed(key).post("/api/v2/calls", Calls.MINIMAL);
    long calls = Rows.count(dataDir, "calls");

    Response other =
        keyed(key).post("/api/v2/calls", Calls.MINIMAL.replace("+16617480123", "+16617480199"));

    assertThat(other.status()).isEqualTo(400);
    assertThat(other.body()).isEqualTo(MISMATCH);
    assertThat(other.header("x-idempotency-lookup")).isNull();
    assertThat(Rows.count(dataDir, "calls")).isEqualTo(calls);
  }

  @Test
  void sameKey_otherRoute_isIdempotentRequestError() {
    String key = newKey();
    keyed(key).post("/api/v2/calls", Calls.MINIMAL);

    Response other = keyed(key).post("/api/v2/tickets", Calls.MINIMAL);

    assertThat(other.status()).isEqualTo(400);
    assertThat(other.body()).isEqualTo(MISMATCH);
  }

  @Test
  void sameBody_differentlyFormatted_isAnotherRequest() {
    String key = newKey();
    keyed(key).post("/api/v2/calls", Calls.MINIMAL);

    Response other = keyed(key).post("/api/v2/calls", Calls.MINIMAL + "\n");

    assertThat(other.body()).isEqualTo(MISMATCH);
  }

  @Test
  void keyOf255Characters_isAccepted() {
    Response created = keyed("k".repeat(255)).post("/api/v2/calls", Calls.MINIMAL);

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.header("x-idempotency-lookup")).isEqualTo("miss");
  }

  @ParameterizedTest
  @ValueSource(ints = {256, 4000})
  void keyOverLimit_isRejected_andNothingIsWritten(int length) {
    long calls = Rows.count(dataDir, "calls");

    Response rejected = keyed("k".repeat(length)).post("/api/v2/calls", Calls.MINIMAL);

    assertThat(rejected.status()).isEqualTo(400);
    assertThat(rejected.body())
        .isEqualTo(
            "{\"error\":\"IdempotentRequestError\",\"description\":\"The Idempotency-Key header"
                + " must be 1 to 255 characters long\"}");
    assertThat(Rows.count(dataDir, "calls")).isEqualTo(calls);
  }

  @Test
  void emptyKey_isRejected() {
    Response rejected = keyed("").post("/api/v2/calls", Calls.MINIMAL);

    assertThat(rejected.status()).isEqualTo(400);
    assertThat(rejected.json().get("error").asText()).isEqualTo("IdempotentRequestError");
  }

  @Test
  void afterTwoHours_theKeyIsForgotten_andTheRequestRunsAgain() {
    String key = newKey();
    String unused = newKey();
    Response first = keyed(key).post("/api/v2/calls", Calls.MINIMAL);
    keyed(unused).post("/api/v2/calls", Calls.MINIMAL);
    long calls = Rows.count(dataDir, "calls");

    clock.advance(Duration.ofHours(2).plusSeconds(1));
    Response again = keyed(key).post("/api/v2/calls", Calls.MINIMAL);

    assertThat(again.status()).isEqualTo(201);
    assertThat(again.header("x-idempotency-lookup")).isEqualTo("miss");
    assertThat(again.json().at("/call/id").asLong())
        .isNotEqualTo(first.json().at("/call/id").asLong());
    assertThat(Rows.count(dataDir, "calls")).isEqualTo(calls + 1);
    assertThat(keyed(key).post("/api/v2/calls", Calls.MINIMAL).header("x-idempotency-lookup"))
        .isEqualTo("hit");
    // Expired keys are deleted too, not only ignored.
    assertThat(Rows.count(dataDir, "idempotency_answers", "idempotency_key = ?", unused)).isZero();
  }

  @Test
  void justBeforeTwoHours_theKeyStillReplays() {
    String key = newKey();
    Response first = keyed(key).post("/api/v2/calls", Calls.MINIMAL);

    clock.advance(Duration.ofHours(2).minusSeconds(30));
    Response retry = keyed(key).post("/api/v2/calls", Calls.MINIMAL);

    assertReplayed(retry, first);
  }

  @Test
  void keysArePerAccount() {
    String key = newKey();

    Response mine = keyed(key).post("/api/v2/calls", Calls.MINIMAL);
    Response theirs = acme.withHeader("Idempotency-Key", key).post("/api/v2/calls", Calls.MINIMAL);

    assertThat(theirs.status()).as(theirs.toString()).isEqualTo(201);
    assertThat(theirs.header("x-idempotency-lookup")).isEqualTo("miss");
    assertThat(theirs.json().at("/call/account_id").asLong())
        .isNotEqualTo(mine.json().at("/call/account_id").asLong());
    assertThat(theirs.json().at("/call/id").asLong())
        .isNotEqualTo(mine.json().at("/call/id").asLong());
  }

  @Test
  void aFailed422_isStored_andReplayedAsTheSame422() {
    String key = newKey();
    String invalid = json("{'call': {'direction': 'sideways'}}");

    Response first = keyed(key).post("/api/v2/calls", invalid);
    Response retry = keyed(key).post("/api/v2/calls", invalid);

    assertThat(first.status()).isEqualTo(422);
    assertThat(first.json().get("error").asText()).isEqualTo("RecordInvalid");
    assertReplayed(retry, first);
    // The key now stands for the failed request: a corrected body needs a new key.
    assertThat(keyed(key).post("/api/v2/calls", Calls.MINIMAL).body()).isEqualTo(MISMATCH);
  }

  @Test
  void aRefusedAuthentication_isNotStored() {
    String key = newKey();

    Response refused =
        server.anonymous().withHeader("Idempotency-Key", key).post("/api/v2/calls", Calls.MINIMAL);
    Response created = keyed(key).post("/api/v2/calls", Calls.MINIMAL);

    assertThat(refused.status()).isEqualTo(401);
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("x-idempotency-lookup")).isEqualTo("miss");
  }

  @Test
  void whileTheFirstRuns_aRetryIsAConflict_andTheFirstStillMakesOneCall() throws Exception {
    String key = newKey();
    long calls = Rows.count(dataDir, "calls");
    ExecutorService clients = Executors.newFixedThreadPool(2);
    List<Response> answers = new ArrayList<>();
    try (Connection blocker = Rows.holdWriteLock(dataDir)) {
      // Whichever arrives first waits for the database; the other finds it running.
      List<Future<Response>> sent =
          List.of(
              clients.submit(() -> keyed(key).post("/api/v2/calls", Calls.MINIMAL)),
              clients.submit(() -> keyed(key).post("/api/v2/calls", Calls.MINIMAL)));
      Thread.sleep(1_000);
      blocker.rollback();
      for (Future<Response> answer : sent) {
        answers.add(answer.get(30, TimeUnit.SECONDS));
      }
    } finally {
      clients.shutdownNow();
    }
    answers.sort(Comparator.comparingInt(Response::status));
    Response again = keyed(key).post("/api/v2/calls", Calls.MINIMAL);

    assertThat(answers).extracting(Response::status).containsExactly(201, 409);
    assertThat(answers.get(1).body()).isEqualTo(IN_FLIGHT);
    assertReplayed(again, answers.get(0));
    assertThat(Rows.count(dataDir, "calls")).isEqualTo(calls + 1);
  }

  @Test
  void aRequestThatTimesOutOnABusyDatabase_leavesNeitherCallNorKey() throws Exception {
    String key = newKey();
    long calls = Rows.count(dataDir, "calls");
    Response busy;
    try (Connection blocker = Rows.holdWriteLock(dataDir)) {
      busy = keyed(key).post("/api/v2/calls", Calls.MINIMAL);
      blocker.rollback();
    }
    long callsAfterBusy = Rows.count(dataDir, "calls");
    long keysAfterBusy = Rows.count(dataDir, "idempotency_answers", "idempotency_key = ?", key);
    Response retry = keyed(key).post("/api/v2/calls", Calls.MINIMAL);

    assertThat(busy.status()).as(busy.toString()).isEqualTo(503);
    assertThat(callsAfterBusy).isEqualTo(calls);
    assertThat(keysAfterBusy).isZero();
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.header("x-idempotency-lookup")).isEqualTo("miss");
    assertThat(Rows.count(dataDir, "calls")).isEqualTo(calls + 1);
  }

  @Test
  void aStoredAnswer_isInTheTransactionOfItsCall() {
    String key = newKey();

    Response created = keyed(key).post("/api/v2/calls", Calls.MINIMAL);

    assertThat(created.status()).isEqualTo(201);
    assertThat(
            Rows.single(
                dataDir,
                "SELECT response_body FROM idempotency_answers WHERE idempotency_key = ?",
                key))
        .isEqualTo(created.body());
  }

  static Stream<Arguments> coveredRoutes() {
    return Stream.of(
        Arguments.of("/api/v2/calls", Calls.MINIMAL, "calls"),
        Arguments.of("/api/v2/calls.json", Calls.MINIMAL, "calls"),
        Arguments.of(
            "/api/v2/calls/" + callId + "/comments", json("{'title': 'Hello'}"), "ticket_comments"),
        Arguments.of(
            "/api/v2/calls/" + callId + "/comments.json",
            json("{'title': 'Hello'}"),
            "ticket_comments"),
        Arguments.of(
            "/api/v2/tickets",
            json("{'ticket': {'subject': 'Hi', 'comment': {'body': 'Hello'}}}"),
            "tickets"),
        Arguments.of(
            "/api/v2/tickets.json",
            json("{'ticket': {'subject': 'Hi', 'comment': {'body': 'Hello'}}}"),
            "tickets"),
        Arguments.of(
            "/api/v2/channels/voice/tickets",
            json("{'ticket': {'via_id': 45, 'comment': {'body': 'Caller asked'}}}"),
            "tickets"),
        Arguments.of(
            "/api/v2/channels/voice/tickets.json",
            json("{'ticket': {'via_id': 45, 'comment': {'body': 'Caller asked'}}}"),
            "tickets"));
  }

  @ParameterizedTest
  @MethodSource("coveredRoutes")
  void everyCoveredRoute_runsOncePerKey(String path, String body, String table) {
    String key = newKey();

    Response first = keyed(key).post(path, body);
    long rows = Rows.count(dataDir, table);
    Response retry = keyed(key).post(path, body);

    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertReplayed(retry, first);
    assertThat(Rows.count(dataDir, table)).isEqualTo(rows);
  }

  @Test
  void otherPosts_ignoreTheKey() {
    String key = newKey();
    String user = json("{'user': {'name': 'Twice', 'role': 'end-user'}}");

    Response first = keyed(key).post("/api/v2/users", user);
    Response second = keyed(key).post("/api/v2/users", user);

    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.header("x-idempotency-lookup")).isNull();
    assertThat(second.json().at("/user/id").asLong())
        .isNotEqualTo(first.json().at("/user/id").asLong());
  }

  @Test
  void withoutAKey_everyRequestRuns() {
    long calls = Rows.count(dataDir, "calls");

    Response first = admin.post("/api/v2/calls", Calls.MINIMAL);
    admin.post("/api/v2/calls", Calls.MINIMAL);

    assertThat(first.header("x-idempotency-lookup")).isNull();
    assertThat(Rows.count(dataDir, "calls")).isEqualTo(calls + 2);
  }
}
