package dev.dialtone.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialtone.testing.TestPostgres;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventBusTest {
  @Test
  void inProcess_deliversToEverySubscriber_untilItUnsubscribes() throws Exception {
    try (InProcessEventBus bus = new InProcessEventBus()) {
      LinkedBlockingQueue<Event> first = new LinkedBlockingQueue<>();
      LinkedBlockingQueue<Event> second = new LinkedBlockingQueue<>();
      bus.subscribe(first::add);
      EventBus.Subscription subscription = bus.subscribe(second::add);

      bus.publish(new Event(1, "screen_pop", "{\"agent_id\":7}"));
      subscription.close();
      bus.publish(new Event(1, "screen_pop", "{\"agent_id\":8}"));

      assertThat(first).hasSize(2);
      assertThat(second).containsExactly(new Event(1, "screen_pop", "{\"agent_id\":7}"));
    }
  }

  @Test
  void postgres_anEventPublishedOnOneNodeReachesASubscriberOnAnother() throws Exception {
    String url = TestPostgres.newDatabase();
    try (PostgresEventBus nodeA = new PostgresEventBus(url);
        PostgresEventBus nodeB = new PostgresEventBus(url)) {
      LinkedBlockingQueue<Event> receivedOnB = new LinkedBlockingQueue<>();
      nodeB.subscribe(receivedOnB::add);
      Event event = new Event(42, "screen_pop", "{\"agent_id\":380000000001}");

      nodeA.publish(event);

      assertThat(receivedOnB.poll(10, TimeUnit.SECONDS)).isEqualTo(event);
    }
  }
}
