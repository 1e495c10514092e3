package dev.dialtone.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.dialtone.api.ErrorCode;
import dev.dialtone.http.ApiException;
import dev.dialtone.http.ErrorMapper;
import dev.dialtone.http.Json;
import dev.dialtone.http.Reply;
import dev.dialtone.store.Database;
import dev.dialtone.store.StoreException;
import dev.dialtone.store.Tx;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs requests that carry an {@code Idempotency-Key} (docs/api.md) at most once per key and
 * account. The lookup, the request's work and its stored answer are one transaction: a key either
 * has a stored answer, replayed byte for byte to every retry within {@link #LIFETIME}, or had no
 * effect at all, whatever happens to the process or the database in between.
 */
public final class Idempotency {
  /** The request header that names the key. */
  public static final String HEADER = "Idempotency-Key";

  /** The response header that tells a first answer ({@code miss}) from a replay ({@code hit}). */
  static final String LOOKUP_HEADER = "x-idempotency-lookup";

  /** The longest key accepted, in characters (Zendesk's limit). */
  static final int MAX_KEY_LENGTH = 255;

  /** How long a key and its response are kept (Zendesk's two hours). */
  static final Duration LIFETIME = Duration.ofHours(2);

  /** How often each node deletes expired keys; they are ignored from the moment they expire. */
  static final Duration SWEEP_INTERVAL = Duration.ofMinutes(5);

  private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

  private final Database database;
  private final IdempotencyKeys keys;
  private final Clock clock;
  private final AtomicReference<Instant> nextSweep = new AtomicReference<>(Instant.MIN);

  /** Keys whose request runs on this node now, as account id and key. */
  private final Set<String> running = ConcurrentHashMap.newKeySet();

  public Idempotency(Database database, IdempotencyKeys keys, Clock clock) {
    this.database = database;
    this.keys = keys;
    this.clock = clock;
  }

  /**
   * Answers the request under its key: the stored response when the same request ran before, else
   * the response of {@code work}, stored in the same transaction as the work. 400 {@code
   * IdempotentRequestError} when the key was used for another request or is not 1 to 255
   * characters, 409 {@code Conflict} while a request with the key runs, on this node or another.
   */
  public Reply run(
      long accountId, String method, String path, byte[] body, String key, Supplier<Reply> work) {
    if (key.isEmpty() || key.codePointCount(0, key.length()) > MAX_KEY_LENGTH) {
      throw ApiException.of(
          ErrorCode.IDEMPOTENT_REQUEST_ERROR,
          "The Idempotency-Key header must be 1 to " + MAX_KEY_LENGTH + " characters long");
    }
    String hash = requestHash(method, path, body);
    // On this node a retry is told at once, without waiting for the writer the first one holds.
    String name = accountId + "\n" + key;
    if (!running.add(name)) {
      throw stillInFlight();
    }
    try {
      return database.write(tx -> answer(tx, accountId, key, hash, work));
    } catch (FailedWork failed) {
      // The work rolled back with the transaction and the key is free: a retry runs afresh.
      return failed.reply.withHeader(LOOKUP_HEADER, "miss");
    } finally {
      running.remove(name);
    }
  }

  private Reply answer(Tx tx, long accountId, String key, String hash, Supplier<Reply> work) {
    // Another node running the same key holds this lock until its transaction ends.
    if (!tx.tryLock(lockId(accountId, key))) {
      throw stillInFlight();
    }
    Instant now = clock.instant();
    sweepIfDue(tx, now);
    IdempotencyKeys.Entry existing = keys.find(tx, accountId, key).orElse(null);
    if (existing != null && existing.expiresAt().isAfter(now)) {
      if (!existing.requestHash().equals(hash)) {
        throw ApiException.of(
            ErrorCode.IDEMPOTENT_REQUEST_ERROR,
            "Request parameters don't match the given idempotency key");
      }
      return replay(existing);
    }
    Reply reply;
    try {
      reply = work.get();
    } catch (ApiException e) {
      // The work's own writes were undone with its unit of work; the refusal is the answer.
      reply = ErrorMapper.reply(e);
    }
    if (reply.status() >= 500) {
      throw new FailedWork(reply);
    }
    String body =
        reply.body() == null ? null : new String(Json.write(reply.body()), StandardCharsets.UTF_8);
    String headers = new String(Json.write(reply.headers()), StandardCharsets.UTF_8);
    keys.store(tx, accountId, key, hash, reply.status(), headers, body, now, now.plus(LIFETIME));
    return answer(reply.status(), reply.headers(), body).withHeader(LOOKUP_HEADER, "miss");
  }

  /** A 5xx answer of the work, carried out of the transaction so that it rolls back. */
  private static final class FailedWork extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Reply reply;

    FailedWork(Reply reply) {
      super(null, null, false, false);
      this.reply = reply;
    }
  }

  private static ApiException stillInFlight() {
    return ApiException.of(
        ErrorCode.CONFLICT,
        "A request with this Idempotency-Key is still in progress; retry once it has finished");
  }

  /**
   * The number naming the key's lock across nodes: 64 bits of its hash. Two keys sharing one (odds
   * of 1 in 2^64 a pair) only make a retry of one answer 409 while the other runs.
   */
  static long lockId(long accountId, String key) {
    byte[] digest = sha256((accountId + "\n" + key).getBytes(StandardCharsets.UTF_8));
    return ByteBuffer.wrap(digest).getLong();
  }

  private static Reply replay(IdempotencyKeys.Entry entry) {
    Map<String, String> headers;
    try {
      headers = Json.mapper().readValue(entry.headers(), HEADERS);
    } catch (JsonProcessingException e) {
      throw new StoreException("stored idempotent response headers are not JSON", e);
    }
    return answer(entry.status(), headers, entry.body()).withHeader(LOOKUP_HEADER, "hit");
  }

  /** A reply whose body is JSON already rendered, written out as it is, so replays are exact. */
  private static Reply answer(int status, Map<String, String> headers, @Nullable String body) {
    return new Reply(
        status, body == null ? null : new RawValue(body), new LinkedHashMap<>(headers));
  }

  /**
   * Deletes expired keys, at most once per {@link #SWEEP_INTERVAL} on each node, in the transaction
   * of a keyed request. Nodes may sweep at the same time: expired rows are ignored anyway, and
   * deleting one twice deletes nothing.
   */
  private void sweepIfDue(Tx tx, Instant now) {
    Instant due = nextSweep.get();
    if (!now.isBefore(due) && nextSweep.compareAndSet(due, now.plus(SWEEP_INTERVAL))) {
      keys.deleteExpired(tx, now);
    }
  }

  /**
   * The request a key stands for: method, path without the {@code .json} suffix (both name one
   * route) and body bytes, hashed.
   */
  static String requestHash(String method, String path, byte[] body) {
    String route = path.endsWith(".json") ? path.substring(0, path.length() - 5) : path;
    byte[] line = (method + " " + route + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] request = Arrays.copyOf(line, line.length + body.length);
    System.arraycopy(body, 0, request, line.length, body.length);
    return HexFormat.of().formatHex(sha256(request));
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
