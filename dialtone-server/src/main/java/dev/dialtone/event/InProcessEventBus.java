package dev.dialtone.event;

import java.util.function.Consumer;

/** The event bus of a single node: events go straight to this process's subscribers. */
public final class InProcessEventBus implements EventBus {
  private final Subscribers subscribers = new Subscribers();

  @Override
  public void publish(Event event) {
    subscribers.deliver(event);
  }

  @Override
  public Subscription subscribe(Consumer<Event> listener) {
    return subscribers.add(listener);
  }

  @Override
  public void close() {}
}
