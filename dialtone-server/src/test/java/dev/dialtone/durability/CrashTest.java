package dev.dialtone.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dialtone.store.Database;
import dev.dialtone.store.PostgresDatabase;
import dev.dialtone.store.SqliteDatabase;
import dev.dialtone.testing.Api;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.TestPostgres;
import dev.dialtone.testing.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dialtone keeps every call record it acknowledged, whole, however it dies: a real server process
 * under concurrent writes is killed with SIGKILL at a random moment, again and again, and restarted
 * on the same data; then every acknowledged call must be there exactly as acknowledged, and every
 * stored call (acknowledged or cut off mid-flight) must be complete, never half-written. Every call
 * is sent under an {@code Idempotency-Key}, and every one cut off is retried with its key after the
 * restart, as a careful client would: no key may ever make a second call.
 *
 * <p>The seed is printed; {@code -Ddialtone.crash.seed=…} replays a run's kill moments and bodies.
 */
class CrashTest {
  private static final int KILLS = Integer.getInteger("dialtone.crash.kills", 20);
  private static final int CLIENTS = 8;
  private static final String WITH_COMMENT = "crash-comment-";
  private static final String PLAIN = "crash-plain-";
  private static final String[] MANDATORY = {
    "app_id", "call_started_at", "direction", "from_line", "to_line"
  };
  private static final String[] DIRECTIONS = {"inbound", "outbound", "internal", "callback"};
  private static final String[] COMPLETION = {"completed", "missed", "abandoned_in_queue"};

  /**
   * Startup speed matters more than peak speed here: a client compiler only and a small serial heap
   * start the server several times faster, and change nothing about what is written.
   */
  private static final List<String> FAST_START =
      List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-Xshare:auto");

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;

  /** One request sent: the call as sent, and whether it asked for a voice comment. */
  record Attempt(String externalId, ObjectNode call, String commentTitle) {
    boolean withComment() {
      return commentTitle != null;
    }
  }

  /**
   * Sends calls, each under an {@code Idempotency-Key} of its own (its external id), and records
   * what became of each: acknowledged (201), or unanswered (cut off, or 503 while the server was
   * stalled) and so due for a retry with the same key.
   */
  record Writer(
      Api api,
      Map<String, Attempt> attempted,
      Map<Long, JsonNode> acknowledged,
      Map<String, Long> acknowledgedIds,
      ConcurrentLinkedQueue<String> unexpected,
      ConcurrentLinkedQueue<Attempt> unanswered,
      AtomicInteger cut) {
    Writer(Api api) {
      this(
          api,
          new ConcurrentHashMap<>(),
          new ConcurrentHashMap<>(),
          new ConcurrentHashMap<>(),
          new ConcurrentLinkedQueue<>(),
          new ConcurrentLinkedQueue<>(),
          new AtomicInteger());
    }

    Writer on(Api other) {
      return new Writer(
          other, attempted, acknowledged, acknowledgedIds, unexpected, unanswered, cut);
    }

    void send(Attempt attempt, boolean busyAllowed) {
      attempted.put(attempt.externalId(), attempt);
      try {
        Response response =
            api.withHeader("Idempotency-Key", attempt.externalId())
                .post("/api/v2/calls", body(attempt));
        if (response.status() == 201) {
          JsonNode call = response.json().get("call");
          long id = call.get("id").asLong();
          Long earlier = acknowledgedIds.putIfAbsent(attempt.externalId(), id);
          if (earlier != null && earlier != id) {
            unexpected.add(attempt.externalId() + ": acknowledged as " + earlier + " and " + id);
          }
          acknowledged.put(id, call);
        } else if (busyAllowed && response.status() == 503) {
          unanswered.add(attempt);
        } else {
          unexpected.add(attempt.externalId() + ": " + response);
        }
      } catch (UncheckedIOException e) {
        cut.incrementAndGet(); // killed mid-request, or not listening any more
        unanswered.add(attempt);
      }
    }

    /** Sends every unanswered attempt again under its key, as a client that retries would. */
    void retryUnanswered() {
      List<Attempt> due = new ArrayList<>();
      for (Attempt attempt; (attempt = unanswered.poll()) != null; ) {
        due.add(attempt);
      }
      due.forEach(attempt -> send(attempt, false));
    }

    /**
     * Replays every key sent: each must answer 201 as a replay ({@code hit}) with the call it
     * acknowledged, if it did: a key either stored its answer with its call or did nothing.
     */
    void replayAll() throws Exception {
      ExecutorService senders = Executors.newFixedThreadPool(4);
      try {
        List<Future<?>> replays = new ArrayList<>();
        for (Attempt attempt : attempted.values()) {
          replays.add(
              senders.submit(
                  () -> {
                    Response replay =
                        api.withHeader("Idempotency-Key", attempt.externalId())
                            .post("/api/v2/calls", body(attempt));
                    assertThat(replay.status())
                        .as("replay of " + attempt.externalId())
                        .isEqualTo(201);
                    assertThat(replay.header("x-idempotency-lookup"))
                        .as("replay of " + attempt.externalId())
                        .isEqualTo("hit");
                    assertThat(replay.json().at("/call/id").asLong())
                        .as("call of " + attempt.externalId())
                        .isEqualTo(acknowledgedIds.get(attempt.externalId()));
                  }));
        }
        for (Future<?> replay : replays) {
          try {
            replay.get(60, TimeUnit.SECONDS);
          } catch (ExecutionException e) {
            if (e.getCause() instanceof AssertionError failed) {
              throw failed;
            }
            throw e;
          }
        }
      } finally {
        senders.shutdownNow();
      }
    }
  }

  /**
   * Long enough for a key left behind by a request that never stored its answer to count as
   * abandoned under the old claim-then-work design: replays after it prove no such key exists.
   */
  private static final Duration PAST_TAKEOVER = Duration.ofSeconds(61);

  @Test
  void sigkillUnderLoad_onSqlite_losesNoAcknowledgedCallAndHalfWritesNothing() throws Exception {
    run("sqlite", null);
  }

  @Test
  void sigkillUnderLoad_onPostgresql_losesNoAcknowledgedCallAndHalfWritesNothing()
      throws Exception {
    run("postgresql", TestPostgres.newDatabase());
  }

  @Test
  void stallUnderKeyedLoad_onSqlite_answers503OrOnce_neverTwice() throws Exception {
    stall("sqlite", null);
  }

  @Test
  void stallUnderKeyedLoad_onPostgresql_answers503OrOnce_neverTwice() throws Exception {
    stall("postgresql", TestPostgres.newDatabase());
  }

  private void run(String backend, String databaseUrl) throws Exception {
    long seed = Long.getLong("dialtone.crash.seed", System.nanoTime());
    System.out.println("CrashTest[" + backend + "] seed=" + seed);
    Random random = new Random(seed);
    Path dataDir = dir.resolve("data");
    Path log = dir.resolve("dialtone.log");
    Writer writer = null;
    long started = System.nanoTime();
    long lastKill = started;

    for (int round = 0; round < KILLS; round++) {
      DialtoneProcess server = DialtoneProcess.start(dataDir, databaseUrl, log, FAST_START);
      Api api = new Api(server.port()).withToken(TestServer.ADMIN_EMAIL, TestServer.ADMIN_TOKEN);
      writer = writer == null ? new Writer(api) : writer.on(api);
      // The requests the last kill cut off, retried with their keys; then one call with a
      // comment, so the load that follows meets a warm server.
      writer.retryUnanswered();
      writer.send(newAttempt(random, round + "-warm-up", true), false);
      assertThat(writer.unanswered()).as("retries after the restart answered").isEmpty();
      Load load = Load.start(writer, random, round + "-", false);
      Thread.sleep(100 + random.nextInt(501));
      boolean gone = server.kill();
      lastKill = System.nanoTime();
      load.stop();
      assertThat(gone).as("the killed process is gone").isTrue();
      assertThat(server.exitValue()).as("exit status of SIGKILL").isEqualTo(137);
      assertThat(writer.unexpected()).as("answers other than 201 while the server lived").isEmpty();
    }

    DialtoneProcess server = DialtoneProcess.start(dataDir, databaseUrl, log, FAST_START);
    try (Database database = openDatabase(dataDir, databaseUrl)) {
      Api api = new Api(server.port()).withToken(TestServer.ADMIN_EMAIL, TestServer.ADMIN_TOKEN);
      writer = writer.on(api);
      int retried = writer.unanswered().size();
      writer.retryUnanswered();
      assertThat(writer.unexpected()).as("answers to the retries").isEmpty();
      sleepUntil(lastKill + PAST_TAKEOVER.toNanos());
      writer.replayAll();
      Map<Long, String> stored = storedCalls(database);
      verify(api, database, writer.attempted(), writer.acknowledged(), stored);
      long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
      System.out.printf(
          "CrashTest[%s] seed=%d kills=%d attempted=%d acknowledged=%d cut=%d stored=%d"
              + " (cut off in the last round and retried at the end=%d) in %d s%n",
          backend,
          seed,
          KILLS,
          writer.attempted().size(),
          writer.acknowledged().size(),
          writer.cut().get(),
          stored.size(),
          retried,
          seconds);
    } finally {
      server.stop();
    }
  }

  /**
   * The server stalls (SIGSTOP for 10 s, then SIGCONT) under keyed load: requests that waited past
   * the database timeout answer 503 and leave nothing behind, and every key, retried after the
   * stall and again past the old takeover time, answers the one call it made.
   */
  private void stall(String backend, String databaseUrl) throws Exception {
    long seed = Long.getLong("dialtone.crash.seed", System.nanoTime());
    System.out.println("CrashTest[" + backend + ", stall] seed=" + seed);
    Random random = new Random(seed);
    DialtoneProcess server =
        DialtoneProcess.start(
            dir.resolve("data"), databaseUrl, dir.resolve("stall.log"), FAST_START);
    try (Database database = openDatabase(dir.resolve("data"), databaseUrl)) {
      Writer writer =
          new Writer(
              new Api(server.port()).withToken(TestServer.ADMIN_EMAIL, TestServer.ADMIN_TOKEN));
      writer.send(newAttempt(random, "warm-up", true), false);
      Load load = Load.start(writer, random, "", true);
      Thread.sleep(300 + random.nextInt(301));
      signal("STOP", server.pid());
      Thread.sleep(10_000);
      signal("CONT", server.pid());
      long resumed = System.nanoTime();
      Thread.sleep(1_000);
      load.stop();
      assertThat(writer.unexpected()).as("answers other than 201 or 503").isEmpty();
      int busy = writer.unanswered().size();
      writer.retryUnanswered();
      assertThat(writer.unexpected()).as("answers to the retries").isEmpty();
      sleepUntil(resumed + PAST_TAKEOVER.toNanos());
      writer.replayAll();
      Map<Long, String> stored = storedCalls(database);
      verify(writer.api(), database, writer.attempted(), writer.acknowledged(), stored);
      System.out.printf(
          "CrashTest[%s, stall] attempted=%d acknowledged=%d 503-or-cut-then-retried=%d stored=%d%n",
          backend, writer.attempted().size(), writer.acknowledged().size(), busy, stored.size());
    } finally {
      server.stop();
    }
  }

  /** {@link #CLIENTS} threads sending new calls through the writer until stopped. */
  private record Load(AtomicBoolean stopped, List<Thread> clients) {
    /**
     * A third of the calls ask for a voice comment; {@code busyAllowed}: a 503 is retried later.
     */
    static Load start(Writer writer, Random random, String prefix, boolean busyAllowed) {
      Load load = new Load(new AtomicBoolean(), new ArrayList<>());
      for (int c = 0; c < CLIENTS; c++) {
        Random clientRandom = new Random(random.nextLong());
        String clientPrefix = prefix + c + "-";
        Thread client =
            new Thread(
                () -> {
                  for (int n = 0; !load.stopped().get(); n++) {
                    writer.send(
                        newAttempt(clientRandom, clientPrefix + n, clientRandom.nextInt(3) == 0),
                        busyAllowed);
                  }
                },
                "crash-client-" + c);
        load.clients().add(client);
        client.start();
      }
      return load;
    }

    void stop() throws InterruptedException {
      stopped.set(true);
      for (Thread client : clients) {
        client.join(TimeUnit.SECONDS.toMillis(60));
        assertThat(client.isAlive()).as("client thread finished").isFalse();
      }
    }
  }

  private static void signal(String name, long pid) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).start();
    assertThat(kill.waitFor()).as("kill -" + name).isZero();
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long left = nanoTime - System.nanoTime();
    if (left > 0) {
      TimeUnit.NANOSECONDS.sleep(left);
    }
  }

  private static void verify(
      Api api,
      Database database,
      Map<String, Attempt> attempted,
      Map<Long, JsonNode> acknowledged,
      Map<Long, String> stored)
      throws Exception {
    assertThat(acknowledged).as("the load got calls acknowledged").isNotEmpty();
    List<Long> lost =
        acknowledged.keySet().stream().filter(id -> !stored.containsKey(id)).sorted().toList();
    assertThat(lost).as("acknowledged calls missing from the database").isEmpty();
    Set<String> externalIds = new HashSet<>();
    for (String externalId : stored.values()) {
      assertThat(externalIds.add(externalId)).as("stored once: " + externalId).isTrue();
      assertThat(attempted.containsKey(externalId)).as("sent by the test: " + externalId).isTrue();
    }
    for (JsonNode call : acknowledged.values()) {
      // The 201 itself carried what was sent: intact on the way in, before any kill.
      assertIntact(call, attempted.get(call.get("external_id").asText()), "201 of ");
    }

    ExecutorService readers = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> checks = new ArrayList<>();
      for (Map.Entry<Long, String> entry : stored.entrySet()) {
        long id = entry.getKey();
        Attempt attempt = attempted.get(entry.getValue());
        JsonNode ack = acknowledged.get(id);
        checks.add(readers.submit(() -> checkStoredCall(api, id, attempt, ack)));
      }
      for (Future<?> check : checks) {
        try {
          check.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          if (e.getCause() instanceof AssertionError failed) {
            throw failed;
          }
          throw e;
        }
      }
    } finally {
      readers.shutdownNow();
    }

    // Nothing written beside a call that did not commit with it: every ticket belongs to a call,
    // and there is exactly one voice comment (with its audit) per call created with one.
    long withComment = stored.values().stream().filter(e -> e.startsWith(WITH_COMMENT)).count();
    database.read(
        tx -> {
          assertThat(
                  tx.count(
                      "SELECT COUNT(*) AS n FROM tickets t"
                          + " WHERE NOT EXISTS (SELECT 1 FROM calls c WHERE c.ticket_id = t.id)"))
              .as("tickets without a call")
              .isZero();
          assertThat(tx.count("SELECT COUNT(*) AS n FROM tickets")).isEqualTo(withComment);
          assertThat(tx.count("SELECT COUNT(*) AS n FROM ticket_comments")).isEqualTo(withComment);
          assertThat(tx.count("SELECT COUNT(*) AS n FROM ticket_audits")).isEqualTo(withComment);
          assertThat(
                  tx.count(
                      "SELECT COUNT(*) AS n FROM calls c JOIN ticket_comments m"
                          + " ON m.call_id = c.id AND m.ticket_id = c.ticket_id"))
              .as("comments on their call's ticket")
              .isEqualTo(withComment);
          return null;
        });
  }

  /**
   * One stored call, read back through the API: complete, equal to what was sent, equal to its 201
   * when it had one, and with its ticket and voice comment when it asked for one.
   */
  private static void checkStoredCall(Api api, long id, Attempt attempt, JsonNode acknowledged) {
    Response read = api.get("/api/v2/calls/" + id);
    assertThat(read.status()).as("GET call " + id).isEqualTo(200);
    JsonNode call = read.json().get("call");
    for (String field : MANDATORY) {
      assertThat(call.get(field).isNull()).as(field + " of call " + id).isFalse();
    }
    assertIntact(call, attempt, "stored ");
    if (acknowledged != null) {
      assertThat(call).as("call " + id + " as acknowledged").isEqualTo(acknowledged);
    }
    if (!attempt.withComment()) {
      assertThat(call.get("ticket_id").isNull()).as("ticket of plain call " + id).isTrue();
      return;
    }
    assertThat(call.get("ticket_id").isNull()).as("ticket of call " + id).isFalse();
    long ticketId = call.get("ticket_id").asLong();
    Response comments = api.get("/api/v2/tickets/" + ticketId + "/comments");
    assertThat(comments.status()).as("comments of ticket " + ticketId).isEqualTo(200);
    List<JsonNode> voice = new ArrayList<>();
    for (JsonNode comment : comments.json().get("comments")) {
      if (comment.get("type").asText().equals("TpeVoiceComment")
          && comment.at("/data/call_id").asLong() == id) {
        voice.add(comment);
      }
    }
    assertThat(voice).as("voice comments of call " + id).hasSize(1);
    assertThat(voice.get(0).get("title").asText()).isEqualTo(attempt.commentTitle());
  }

  private static void assertIntact(JsonNode call, Attempt attempt, String what) {
    long id = call.get("id").asLong();
    attempt
        .call()
        .properties()
        .forEach(
            field ->
                assertThat(call.get(field.getKey()))
                    .as(what + "call " + id + " field " + field.getKey())
                    .isEqualTo(field.getValue()));
  }

  /** Every call in the database, by a second handle on it: id and external_id. */
  private static Map<Long, String> storedCalls(Database database) {
    Map<Long, String> stored = new HashMap<>();
    database
        .read(
            tx ->
                tx.list(
                    "SELECT id, external_id FROM calls",
                    row -> Map.entry(row.getLong("id"), row.string("external_id"))))
        .forEach(entry -> stored.put(entry.getKey(), entry.getValue()));
    return stored;
  }

  private static Database openDatabase(Path dataDir, String databaseUrl) {
    return databaseUrl == null
        ? SqliteDatabase.open(dataDir)
        : PostgresDatabase.open(
            databaseUrl, new PostgresDatabase.PoolSettings(2, Duration.ofSeconds(5)));
  }

  /**
   * A call with the mandatory fields and a random handful of optional ones; a third ask for a voice
   * comment too, which writes a ticket, an audit and a comment in the same transaction.
   */
  private static Attempt newAttempt(Random random, String suffix, boolean withComment) {
    String externalId = (withComment ? WITH_COMMENT : PLAIN) + suffix;
    ObjectNode call = MAPPER.createObjectNode();
    Instant start =
        Instant.parse("2024-01-01T00:00:00Z")
            .plus(random.nextInt(365 * 24 * 3600), ChronoUnit.SECONDS);
    call.put("app_id", 1 + random.nextInt(1_000_000));
    call.put("call_started_at", start.toString());
    call.put("direction", DIRECTIONS[random.nextInt(DIRECTIONS.length)]);
    call.put("from_line", "+1661" + (1_000_000 + random.nextInt(9_000_000)));
    call.put("to_line", "+1513" + (1_000_000 + random.nextInt(9_000_000)));
    call.put("external_id", externalId);
    if (random.nextBoolean()) {
      int duration = random.nextInt(3_600);
      call.put("duration", duration);
      call.put("call_ended_at", start.plusSeconds(duration).toString());
      call.put("completion_status", COMPLETION[random.nextInt(COMPLETION.length)]);
    }
    if (random.nextBoolean()) {
      call.put("queue_name", "Queue ü " + random.nextInt(10));
      call.put("customer_requested_voicemail", random.nextBoolean());
      call.put("recording_url", "https://recordings.example.com/" + externalId + ".mp3");
    }
    if (random.nextInt(4) == 0) {
      call.put("transcript", ("Caller " + externalId + " says hello. ").repeat(50));
    }
    return new Attempt(externalId, call, withComment ? "Call " + externalId : null);
  }

  private static String body(Attempt attempt) {
    ObjectNode body = MAPPER.createObjectNode();
    body.set("call", attempt.call());
    if (attempt.withComment()) {
      ObjectNode comment = body.putObject("comment");
      comment.put("title", attempt.commentTitle());
      ArrayNode fields = comment.putArray("call_fields");
      fields.add("from_line").add("to_line").add("direction").add("duration");
    }
    try {
      return MAPPER.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
