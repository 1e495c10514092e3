package dev.dialtone.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.dialtone.http.ApiException;
import dev.dialtone.http.ApiRequest;
import dev.dialtone.http.ErrorCode;
import dev.dialtone.http.ErrorMapper;
import dev.dialtone.http.Json;
import dev.dialtone.http.Reply;
import dev.dialtone.store.Database;
import dev.dialtone.store.StoreException;
import dev.dialtone.store.Tx;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs requests that carry an {@code Idempotency-Key} (docs/api.md) at most once per key and
 * account: the first one claims the key in the database before it runs, and its response is stored
 * and replayed, byte for byte, to every retry within {@link #LIFETIME}.
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

  /**
   * A key still in flight after this long belongs to a request that died with its node (requests
   * give up on the database after seconds), so a retry may take it over.
   */
  static final Duration ABANDONED_AFTER = Duration.ofSeconds(60);

  /** How often each node deletes expired keys; they are ignored from the moment they expire. */
  static final Duration SWEEP_INTERVAL = Duration.ofMinutes(5);

  private static final Logger LOG = LoggerFactory.getLogger(Idempotency.class);
  private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

  private final Database database;
  private final IdempotencyKeys keys;
  private final Clock clock;
  private final AtomicReference<Instant> nextSweep = new AtomicReference<>(Instant.MIN);

  public Idempotency(Database database, IdempotencyKeys keys, Clock clock) {
    this.database = database;
    this.keys = keys;
    this.clock = clock;
  }

  /**
   * Answers the request under its key: the stored response when the same request ran before, else
   * the response of {@code work}, stored for the retries to come. 400 {@code
   * IdempotentRequestError} when the key was used for another request or is not 1 to 255
   * characters, 409 {@code Conflict} while the request that claimed the key still runs.
   */
  public Reply run(ApiRequest request, String key, Supplier<Reply> work) {
    if (key.isEmpty() || key.codePointCount(0, key.length()) > MAX_KEY_LENGTH) {
      throw ApiException.of(
          ErrorCode.IDEMPOTENT_REQUEST_ERROR,
          "The Idempotency-Key header must be 1 to " + MAX_KEY_LENGTH + " characters long");
    }
    String hash = requestHash(request.method(), request.path(), request.rawBody());
    long accountId = request.accountId();
    Instant now = clock.instant();
    sweepIfDue(now);
    String claim = UUID.randomUUID().toString();
    IdempotencyKeys.Entry entry =
        database.write(tx -> claimOrFind(tx, accountId, key, hash, claim));
    if (!entry.claim().equals(claim)) {
      return replay(entry);
    }
    Reply reply;
    try {
      reply = work.get();
    } catch (ApiException e) {
      reply = ErrorMapper.reply(e);
    } catch (RuntimeException | Error e) {
      release(accountId, key, claim);
      throw e;
    }
    if (reply.status() >= 500) {
      // Nothing was written (docs/errors.md), so a retry may as well run again.
      release(accountId, key, claim);
      return reply.withHeader(LOOKUP_HEADER, "miss");
    }
    return store(accountId, key, claim, reply);
  }

  private IdempotencyKeys.Entry claimOrFind(
      Tx tx, long accountId, String key, String hash, String claim) {
    Instant now = clock.instant();
    Instant expiresAt = now.plus(LIFETIME);
    IdempotencyKeys.Entry claimed =
        new IdempotencyKeys.Entry(
            hash, claim, IdempotencyKeys.State.IN_FLIGHT, 0, null, null, now, expiresAt);
    if (keys.insert(tx, accountId, key, hash, claim, now, expiresAt)) {
      return claimed;
    }
    IdempotencyKeys.Entry existing = keys.findForUpdate(tx, accountId, key).orElse(null);
    if (existing == null) {
      // Released between the insert and the read: the key is free again.
      if (keys.insert(tx, accountId, key, hash, claim, now, expiresAt)) {
        return claimed;
      }
      throw stillInFlight();
    }
    boolean expired = !existing.expiresAt().isAfter(now);
    if (!expired && !existing.requestHash().equals(hash)) {
      throw ApiException.of(
          ErrorCode.IDEMPOTENT_REQUEST_ERROR,
          "Request parameters don't match the given idempotency key");
    }
    if (!expired && existing.state() == IdempotencyKeys.State.DONE) {
      return existing;
    }
    boolean abandoned =
        existing.state() == IdempotencyKeys.State.IN_FLIGHT
            && !existing.claimedAt().plus(ABANDONED_AFTER).isAfter(now);
    if ((expired || abandoned)
        && keys.takeOver(tx, accountId, key, existing.claim(), hash, claim, now, expiresAt)) {
      return claimed;
    }
    throw stillInFlight();
  }

  private static ApiException stillInFlight() {
    return ApiException.of(
        ErrorCode.CONFLICT,
        "A request with this Idempotency-Key is still in progress; retry once it has finished");
  }

  private Reply store(long accountId, String key, String claim, Reply reply) {
    String body =
        reply.body() == null ? null : new String(Json.write(reply.body()), StandardCharsets.UTF_8);
    String headers = new String(Json.write(reply.headers()), StandardCharsets.UTF_8);
    try {
      boolean stored =
          database.write(
              tx -> keys.finish(tx, accountId, key, claim, reply.status(), headers, body));
      if (!stored) {
        LOG.warn("idempotency key was taken over before its response was stored");
      }
    } catch (StoreException e) {
      // The work is committed: the client hears its answer. The key stays in flight until it
      // counts as abandoned, and a retry after that runs the request again.
      LOG.warn("could not store the response of an idempotent request", e);
    }
    return answer(reply.status(), reply.headers(), body).withHeader(LOOKUP_HEADER, "miss");
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
  private static Reply answer(int status, Map<String, String> headers, String body) {
    return new Reply(
        status, body == null ? null : new RawValue(body), new LinkedHashMap<>(headers));
  }

  private void release(long accountId, String key, String claim) {
    try {
      database.write(
          tx -> {
            keys.release(tx, accountId, key, claim);
            return null;
          });
    } catch (RuntimeException e) {
      // The key stays in flight until it counts as abandoned; then a retry takes it over.
      LOG.warn("could not release an idempotency key", e);
    }
  }

  /**
   * Deletes expired keys, at most once per {@link #SWEEP_INTERVAL} on each node, on the way into a
   * request. Nodes may sweep at the same time: each delete is its own transaction, and a failed one
   * costs nothing but a log line, as expired keys are ignored anyway.
   */
  private void sweepIfDue(Instant now) {
    Instant due = nextSweep.get();
    if (now.isBefore(due) || !nextSweep.compareAndSet(due, now.plus(SWEEP_INTERVAL))) {
      return;
    }
    try {
      database.write(tx -> keys.deleteExpired(tx, now));
    } catch (RuntimeException e) {
      LOG.warn("could not delete expired idempotency keys", e);
    }
  }

  /**
   * The request a key stands for: method, path without the {@code .json} suffix (both name one
   * route) and body bytes, hashed.
   */
  static String requestHash(String method, String path, byte[] body) {
    String route = path.endsWith(".json") ? path.substring(0, path.length() - 5) : path;
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update((method + " " + route + "\n").getBytes(StandardCharsets.UTF_8));
      digest.update(body);
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
