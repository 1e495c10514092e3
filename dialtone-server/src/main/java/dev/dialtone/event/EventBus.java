package dev.dialtone.event;

import dev.dialtone.store.Tx;
import java.util.function.Consumer;

/**
 * Carries events to every subscriber on every node of the cluster: in-process when there is one
 * node (SQLite), through PostgreSQL {@code LISTEN/NOTIFY} when there are several.
 */
public interface EventBus extends AutoCloseable {

  /** Sends the event to every subscriber of every node, this one included. */
  void publish(Event event);

  /**
   * Sends the event as {@link #publish} does once the transaction commits, and never if it rolls
   * back: how a change tells the world of itself only when it is real.
   */
  default void publishOnCommit(Tx tx, Event event) {
    tx.afterCommit(() -> publish(event));
  }

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
