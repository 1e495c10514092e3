package dev.dialtone.screenpop;

import dev.dialtone.store.Database;
import dev.dialtone.store.StoreException;
import dev.dialtone.store.Tx;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which agents are listening for screen pops, on any node: one {@code console_presence} row per
 * open console or stream. The node holding a stream refreshes its rows every {@link #HEARTBEAT}; a
 * row not refreshed for {@link #EXPIRY} was left by a node that died and no longer counts. Kept in
 * the database rather than in each node's memory, so that the node answering a display request
 * knows of a stream open on another.
 */
public final class Presence implements AutoCloseable {
  /** How often this node tells the database that its streams are still open. */
  public static final Duration HEARTBEAT = Duration.ofSeconds(10);

  /** How long a row counts after its last heartbeat: three heartbeats, so one late one is fine. */
  public static final Duration EXPIRY = Duration.ofSeconds(30);

  /**
   * How long a console's presence outlasts its stream: moving from one page to the next closes the
   * page's stream and opens the next page's a moment later, and a display request in between must
   * still find the agent present. A sign-out ends it at once ({@link #endSession}).
   */
  public static final Duration LINGER = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(Presence.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Database database;
  private final Clock clock;
  private final String node = randomId();
  private final Map<String, Handle> open = new ConcurrentHashMap<>();
  // Rows whose handle closed while the database refused the delete: the next heartbeat retries.
  private final Set<String> unclosed = ConcurrentHashMap.newKeySet();
  private volatile boolean failing;
  private volatile Runnable probe = () -> {};
  private @Nullable ScheduledExecutorService scheduler; // null until start()

  public Presence(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** One open console or stream; {@link #close} removes it from every node's view. */
  public final class Handle implements AutoCloseable {
    private final String id;
    private final boolean console;
    private final Runnable onGone;

    private Handle(String id, boolean console, Runnable onGone) {
      this.id = id;
      this.console = console;
      this.onGone = onGone;
    }

    @Override
    public void close() {
      if (open.remove(id) == null && !unclosed.contains(id)) {
        return; // closed already, or ended by the heartbeat because its row was gone
      }
      try {
        if (console) {
          // Counts for LINGER more, then expires like a row of a node that died.
          Instant lastSeen = clock.instant().minus(EXPIRY).plus(LINGER);
          database.write(
              tx ->
                  tx.update(
                      "UPDATE console_presence SET last_seen_at = ? WHERE id = ?", lastSeen, id));
        } else {
          database.write(tx -> tx.update("DELETE FROM console_presence WHERE id = ?", id));
        }
        unclosed.remove(id);
      } catch (RuntimeException e) {
        unclosed.add(id);
        warn(e);
      }
    }
  }

  /**
   * Records that {@code agentId} listens from now on, until the handle closes; {@code sessionId} is
   * the console session that opened it (null for a stream opened with API credentials). {@code
   * onGone} runs, on the heartbeat's thread, when the row was deleted elsewhere (a sign-out on
   * another node): it should end the stream.
   */
  public Handle open(long accountId, long agentId, @Nullable String sessionId, Runnable onGone) {
    String id = randomId();
    Instant now = clock.instant();
    database.write(
        tx ->
            tx.update(
                "INSERT INTO console_presence (id, account_id, agent_id, session_id, node,"
                    + " opened_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                id,
                accountId,
                agentId,
                sessionId,
                node,
                now,
                now));
    Handle handle = new Handle(id, sessionId != null, onGone);
    open.put(id, handle);
    return handle;
  }

  /** Whether some stream of the agent, on any node, was seen within {@link #EXPIRY} of now. */
  public boolean isOpen(Tx tx, long accountId, long agentId, Instant now) {
    return tx.count(
            "SELECT COUNT(*) AS n FROM console_presence"
                + " WHERE account_id = ? AND agent_id = ? AND last_seen_at > ?",
            accountId,
            agentId,
            now.minus(EXPIRY))
        > 0;
  }

  /**
   * Ends the streams a console session opened, on every node (the nodes holding them notice at
   * their next heartbeat); for a sign-out. Answers how many there were.
   */
  public int endSession(Tx tx, String sessionId) {
    return tx.update("DELETE FROM console_presence WHERE session_id = ?", sessionId);
  }

  /**
   * Starts the heartbeat, every {@link #HEARTBEAT} until {@link #close}. Each one first runs {@code
   * probe}, which writes to every open stream so that those whose client left end and close their
   * handle: they stop counting within two heartbeats.
   */
  public void start(Runnable probe) {
    this.probe = probe;
    ScheduledExecutorService started =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "dialtone-presence");
              thread.setDaemon(true);
              return thread;
            });
    scheduler = started;
    // close() ends the schedule by shutting the scheduler down, and heartbeat() handles its own
    // failures, so the future has nothing to tell.
    ScheduledFuture<?> unused =
        started.scheduleWithFixedDelay(
            this::heartbeat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Refreshes this node's rows, ends the streams whose row was deleted elsewhere, and sweeps rows
   * past {@link #EXPIRY} (left by a node that died). Runs on its timer; tests call it to run one
   * now. A database failure is logged once, when it starts, and tried again next time.
   */
  public void heartbeat() {
    try {
      probe.run();
    } catch (RuntimeException e) {
      LOG.warn("probing the open streams failed", e);
    }
    // Only handles open before the refresh can be missed by it: one opened meanwhile is not gone.
    Set<String> before = new HashSet<>(open.keySet());
    Set<String> retried = new HashSet<>(unclosed);
    Instant now = clock.instant();
    List<String> present;
    try {
      // An idle node takes SQLite's one write turn only when a leftover row is to be swept.
      if (before.isEmpty()
          && retried.isEmpty()
          && database.read(
                  tx ->
                      tx.count(
                          "SELECT COUNT(*) AS n FROM console_presence WHERE last_seen_at <= ?",
                          now.minus(EXPIRY)))
              == 0) {
        recovered();
        return;
      }
      present =
          database.write(
              tx -> {
                for (String id : retried) {
                  tx.update("DELETE FROM console_presence WHERE id = ?", id);
                }
                tx.update("UPDATE console_presence SET last_seen_at = ? WHERE node = ?", now, node);
                tx.update(
                    "DELETE FROM console_presence WHERE last_seen_at <= ?", now.minus(EXPIRY));
                return tx.list(
                    "SELECT id FROM console_presence WHERE node = ?",
                    row -> row.string("id"),
                    node);
              });
    } catch (RuntimeException e) {
      warn(e);
      return;
    }
    unclosed.removeAll(retried);
    recovered();
    before.removeAll(present);
    for (String id : before) {
      Handle gone = open.remove(id);
      if (gone != null) {
        try {
          gone.onGone.run();
        } catch (RuntimeException e) {
          LOG.warn("ending a stream whose presence was removed failed", e);
        }
      }
    }
  }

  private void recovered() {
    if (failing) {
      failing = false;
      LOG.info("recording which agents have a stream open works again");
    }
  }

  private void warn(RuntimeException e) {
    // One line when the failure starts, not one (with a trace) per heartbeat while it lasts.
    if (!failing) {
      failing = true;
      String reason = e instanceof StoreException store ? store.permanentReason() : null;
      LOG.warn(
          "node {} could not record which agents have a stream open ({}); display requests may"
              + " answer 404 until it works again",
          node,
          reason != null ? reason : String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
    }
    LOG.debug("presence write failed", e);
  }

  /** Stops the heartbeat and removes this node's rows: its streams end with it. */
  @Override
  public void close() {
    ScheduledExecutorService started = scheduler;
    if (started != null) {
      started.shutdown();
      try {
        started.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      database.write(tx -> tx.update("DELETE FROM console_presence WHERE node = ?", node));
      open.clear();
      unclosed.clear();
    } catch (RuntimeException e) {
      warn(e);
    }
  }

  private static String randomId() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
