package dev.dialtone.event;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The listeners of one node, and delivery to them; a failing listener does not stop the rest. */
final class Subscribers {
  private static final Logger LOG = LoggerFactory.getLogger(Subscribers.class);

  private final CopyOnWriteArrayList<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();

  EventBus.Subscription add(Consumer<Event> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  void deliver(Event event) {
    for (Consumer<Event> listener : listeners) {
      try {
        listener.accept(event);
      } catch (RuntimeException e) {
        LOG.warn("event listener failed on {}", event.type(), e);
      }
    }
  }
}
