package dev.dialtone.ratelimit;

import dev.dialtone.account.Account;
import dev.dialtone.store.Database;
import dev.dialtone.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-account rate limits in fixed windows (docs/api.md), decided in memory so that no request
 * waits for the database.
 *
 * <p>Each node counts the requests it admits per account, bucket and window. Every sync interval it
 * adds what it counted since the last sync to the shared count in the database and reads back the
 * total; it admits a request while the total at its last sync plus its own count since then is
 * below the limit. On one node that is exact. On several, a node does not yet see what the others
 * admitted since they last synced, so together they may admit more than the limit, by at most what
 * the other nodes admit in two sync intervals.
 */
public final class RateLimits implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RateLimits.class);

  /** Shared counts older than this are deleted: well past the longest window. */
  private static final Duration KEEP = Duration.ofMinutes(10);

  private static final Duration CLEANUP_EVERY = Duration.ofMinutes(1);

  private final Database database;
  private final RateLimitStore store = new RateLimitStore();
  private final Clock clock;
  private final int supportLimit;
  private final int talkLimit;
  private final Map<Key, Counter> counters = new ConcurrentHashMap<>();
  private final ReentrantLock syncing = new ReentrantLock();
  private boolean syncFailing; // guarded by syncing
  private Instant lastCleanup = Instant.EPOCH;
  private @Nullable ScheduledExecutorService scheduler; // null until start()

  /** {@code supportLimit} and {@code talkLimit} apply to accounts without limits of their own. */
  public RateLimits(Database database, Clock clock, int supportLimit, int talkLimit) {
    this.database = database;
    this.clock = clock;
    this.supportLimit = supportLimit;
    this.talkLimit = talkLimit;
  }

  private record Key(long accountId, Bucket bucket, long windowStart) {}

  /**
   * One node's view of one window. {@code synced} is the shared total read at the last sync (this
   * node's earlier requests included), {@code inflight} what a sync is adding right now, {@code
   * pending} what this node admitted since.
   */
  private static final class Counter {
    private long synced;
    private long inflight;
    private long pending;

    synchronized long used() {
      return synced + inflight + pending;
    }

    /** Counts one request if the limit allows it: the count with it, or -1 when refused. */
    synchronized long admit(int limit) {
      long used = used();
      if (used >= limit) {
        return -1;
      }
      pending++;
      return used + 1;
    }

    synchronized long takePending() {
      inflight = pending;
      pending = 0;
      return inflight;
    }

    synchronized void synced(long total) {
      synced = Math.max(synced, total);
      inflight = 0;
    }

    synchronized void syncFailed() {
      pending += inflight;
      inflight = 0;
    }
  }

  /**
   * Counts one request of the account against the bucket and says whether it may run; null when the
   * bucket has no limit for the account.
   */
  public @Nullable Quota acquire(Account account, Bucket bucket) {
    int limit = limitFor(account, bucket);
    if (limit == 0) {
      return null;
    }
    Instant now = clock.instant();
    Key key = new Key(account.id(), bucket, bucket.windowStart(now));
    long used = counters.computeIfAbsent(key, k -> new Counter()).admit(limit);
    return used < 0
        ? new Quota(limit, 0, resetSeconds(key, now), false)
        : new Quota(limit, limit - used, resetSeconds(key, now), true);
  }

  /**
   * Where the account stands in the bucket, without counting a request: for answers to requests
   * that fail before they are counted. Null when the bucket has no limit for the account.
   */
  public @Nullable Quota peek(Account account, Bucket bucket) {
    int limit = limitFor(account, bucket);
    if (limit == 0) {
      return null;
    }
    Instant now = clock.instant();
    Key key = new Key(account.id(), bucket, bucket.windowStart(now));
    Counter counter = counters.get(key);
    long used = counter == null ? 0 : counter.used();
    return new Quota(limit, Math.max(0, limit - used), resetSeconds(key, now), used < limit);
  }

  private int limitFor(Account account, Bucket bucket) {
    Integer own =
        switch (bucket) {
          case SUPPORT -> account.rateLimitSupport();
          case TALK -> account.rateLimitTalk();
        };
    if (own != null) {
      return own;
    }
    return bucket == Bucket.SUPPORT ? supportLimit : talkLimit;
  }

  private static long resetSeconds(Key key, Instant now) {
    long millis = key.bucket().windowEnd(key.windowStart()) - now.toEpochMilli();
    return Math.max(1, (millis + 999) / 1000);
  }

  /** Syncs every {@code interval} in the background until {@link #close}. */
  public void start(Duration interval) {
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "dialtone-rate-limits");
              thread.setDaemon(true);
              return thread;
            });
    // close() ends the schedule by shutting the scheduler down, and sync() handles its own
    // failures, so the future has nothing to tell.
    ScheduledFuture<?> unused =
        scheduler.scheduleWithFixedDelay(
            this::sync, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Adds this node's counts since the last sync to the shared ones and reads back the totals of
   * every window it tracks; forgets windows that have ended. A database failure keeps the counts
   * for the next sync: meanwhile the node decides on what it knows.
   */
  public void sync() {
    syncing.lock();
    try {
      Instant now = clock.instant();
      counters
          .keySet()
          .removeIf(key -> key.bucket().windowEnd(key.windowStart()) <= now.toEpochMilli());
      List<Key> keys = new ArrayList<>();
      List<Counter> tracked = new ArrayList<>();
      List<Long> deltas = new ArrayList<>();
      boolean anyNew = false;
      for (Map.Entry<Key, Counter> entry : counters.entrySet()) {
        keys.add(entry.getKey());
        tracked.add(entry.getValue());
        long delta = entry.getValue().takePending();
        deltas.add(delta);
        anyNew |= delta > 0;
      }
      boolean cleanup = !now.isBefore(lastCleanup.plus(CLEANUP_EVERY));
      if (keys.isEmpty() && !cleanup) {
        return;
      }
      Database.Work<List<Long>> work =
          tx -> {
            List<Long> totals = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
              Key key = keys.get(i);
              totals.add(
                  deltas.get(i) > 0
                      ? store.add(
                          tx, key.accountId(), key.bucket(), key.windowStart(), deltas.get(i))
                      : store.count(tx, key.accountId(), key.bucket(), key.windowStart()));
            }
            if (cleanup) {
              store.deleteBefore(tx, now.minus(KEEP).toEpochMilli());
            }
            return totals;
          };
      try {
        // Only reading needs no write turn: an idle SQLite node never takes the writer for this.
        List<Long> totals = anyNew || cleanup ? database.write(work) : database.read(work);
        for (int i = 0; i < tracked.size(); i++) {
          tracked.get(i).synced(totals.get(i));
        }
        if (cleanup) {
          lastCleanup = now;
        }
        if (syncFailing) {
          syncFailing = false;
          LOG.info("sharing rate-limit counts again");
        }
      } catch (RuntimeException e) {
        tracked.forEach(Counter::syncFailed);
        // One line when the failure starts, not one (with a trace) per second while it lasts.
        if (!syncFailing) {
          syncFailing = true;
          String reason = e instanceof StoreException store ? store.permanentReason() : null;
          LOG.warn(
              "could not share rate-limit counts ({}); deciding on this node's counts meanwhile",
              reason != null
                  ? reason
                  : String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        LOG.debug("rate-limit sync failed", e);
      }
    } finally {
      syncing.unlock();
    }
  }

  /** Stops syncing, after one last sync so the other nodes see this node's counts. */
  @Override
  public void close() {
    if (scheduler != null) {
      scheduler.shutdown();
      try {
        scheduler.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    sync();
  }
}
