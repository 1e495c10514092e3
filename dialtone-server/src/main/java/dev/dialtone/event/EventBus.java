package dev.dialtone.event;

import java.util.function.Consumer;

/**
 * Carries events to every subscriber on every node of the cluster: in-process when there is one
 * node (SQLite), through PostgreSQL {@code LISTEN/NOTIFY} when there are several.
 */
public interface EventBus extends AutoCloseable {

  /** Sends the event to every subscriber of every node, this one included. */
  void publish(Event event);

  /** Calls the listener with every event published from now on, until the subscription closes. */
  Subscription subscribe(Consumer<Event> listener);

  @Override
  void close();

  /** A live subscription. */
  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }
}
