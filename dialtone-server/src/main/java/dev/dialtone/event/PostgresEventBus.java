package dev.dialtone.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.dialtone.http.Json;
import dev.dialtone.store.Tx;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster-wide event bus on PostgreSQL: {@code NOTIFY} on one channel, and on every node one
 * connection of its own that {@code LISTEN}s and hands what arrives to the node's subscribers. A
 * lost listening connection is opened again; events sent while it was down are not replayed (screen
 * pops are only useful now).
 */
public final class PostgresEventBus implements EventBus {
  static final String CHANNEL = "dialtone_events";
  private static final Logger LOG = LoggerFactory.getLogger(PostgresEventBus.class);

  private final String jdbcUrl;
  private final Subscribers subscribers = new Subscribers();
  private final Thread listener;
  private volatile boolean running = true;
  private volatile Connection listening;
  private @Nullable Connection publishing; // opened on first publish, dropped on failure

  public PostgresEventBus(String jdbcUrl) {
    this.jdbcUrl = jdbcUrl;
    this.listening = listen();
    this.listener = new Thread(this::receive, "dialtone-events");
    listener.setDaemon(true);
    listener.start();
  }

  private Connection listen() {
    try {
      Connection connection = DriverManager.getConnection(jdbcUrl);
      try (Statement statement = connection.createStatement()) {
        statement.execute("LISTEN " + CHANNEL);
      }
      return connection;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot listen for events: " + e.getMessage(), e);
    }
  }

  private void receive() {
    while (running) {
      try {
        PGNotification[] notifications = listening.unwrap(PGConnection.class).getNotifications(500);
        if (notifications != null) {
          for (PGNotification notification : notifications) {
            subscribers.deliver(Json.mapper().readValue(notification.getParameter(), Event.class));
          }
        }
      } catch (SQLException | RuntimeException | JsonProcessingException e) {
        if (running) {
          LOG.warn("event listener lost its connection; reconnecting", e);
          reconnect();
        }
      }
    }
  }

  private void reconnect() {
    closeQuietly(listening);
    while (running) {
      try {
        listening = listen();
        return;
      } catch (IllegalStateException e) {
        try {
          Thread.sleep(1_000);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  @Override
  public synchronized void publish(Event event) {
    try {
      if (publishing == null || publishing.isClosed()) {
        publishing = DriverManager.getConnection(jdbcUrl);
      }
      try (PreparedStatement statement = publishing.prepareStatement("SELECT pg_notify(?, ?)")) {
        statement.setString(1, CHANNEL);
        statement.setString(2, Json.mapper().writeValueAsString(event));
        statement.execute();
      }
    } catch (SQLException | JsonProcessingException e) {
      closeQuietly(publishing);
      publishing = null;
      throw new IllegalStateException("cannot publish event: " + e.getMessage(), e);
    }
  }

  /**
   * The notice goes with the transaction itself: PostgreSQL delivers a {@code NOTIFY} when its
   * transaction commits and drops it on rollback, so no second connection and no lock of this
   * node's are needed on the way (the one {@link #publish} takes serializes every sender).
   */
  @Override
  public void publishOnCommit(Tx tx, Event event) {
    String payload;
    try {
      payload = Json.mapper().writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write event: " + e.getMessage(), e);
    }
    tx.first("SELECT pg_notify(?, ?) AS sent", row -> Boolean.TRUE, CHANNEL, payload);
  }

  @Override
  public Subscription subscribe(Consumer<Event> listener) {
    return subscribers.add(listener);
  }

  @Override
  public void close() {
    running = false;
    try {
      listener.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closeQuietly(listening);
    synchronized (this) {
      closeQuietly(publishing);
    }
  }

  private static void closeQuietly(@Nullable Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // Closing: nothing more to do.
      }
    }
  }
}
