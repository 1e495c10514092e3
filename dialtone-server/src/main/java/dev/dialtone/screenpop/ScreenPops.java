package dev.dialtone.screenpop;

import dev.dialtone.event.Event;
import dev.dialtone.event.EventBus;
import dev.dialtone.http.Json;
import dev.dialtone.store.Tx;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Delivers screen pops to agents. Until the agent console exists no agent has a browser session
 * open, so nothing is delivered; every request is recorded so it can be read back at {@code GET
 * /_dialtone/screen-pops}. The agent console changes only this class: the routes ask it whether a
 * pop was delivered and answer accordingly.
 */
public final class ScreenPops {
  /** {@code POST /api/v2/channels/voice/agents/{agent_id}/tickets/{ticket_id}/display}. */
  public static final String DISPLAY_TICKET = "display_ticket";

  /** {@code POST /api/v2/channels/voice/agents/{agent_id}/users/{user_id}/display}. */
  public static final String DISPLAY_USER = "display_user";

  /** {@code display_to_agent} of a TPE voice comment. */
  public static final String VOICE_COMMENT = "voice_comment";

  /** {@code display_to_agent} of {@code POST /api/v2/channels/voice/tickets}. */
  public static final String VOICE_TICKET = "voice_ticket";

  /** The type of the event that tells every node of a screen pop, for the agent console. */
  public static final String EVENT_TYPE = "screen_pop";

  private final ScreenPopStore store;
  private final EventBus events;

  public ScreenPops(ScreenPopStore store, EventBus events) {
    this.store = store;
    this.events = events;
  }

  /** Records the pop and answers whether an open console of the agent received it. */
  public boolean pop(
      Tx tx,
      long accountId,
      long agentId,
      @Nullable Long ticketId,
      @Nullable Long userId,
      String source,
      Instant now) {
    boolean delivered = false;
    ScreenPopStore.ScreenPop pop =
        store.insert(tx, accountId, agentId, ticketId, userId, source, delivered, now);
    // Every node hears of it, so the agent's console is reached wherever it is connected.
    tx.afterCommit(() -> events.publish(new Event(accountId, EVENT_TYPE, payload(pop))));
    return delivered;
  }

  private static String payload(ScreenPopStore.ScreenPop pop) {
    return "{\"id\":"
        + pop.id()
        + ",\"agent_id\":"
        + pop.agentId()
        + ",\"ticket_id\":"
        + pop.ticketId()
        + ",\"user_id\":"
        + pop.userId()
        + ",\"source\":\""
        + pop.source()
        + "\"}";
  }

  /**
   * Calls {@code onPop} with the JSON of every pop for this agent from now on, on whichever node it
   * was asked for, until the subscription closes.
   */
  public EventBus.Subscription listen(long accountId, long agentId, Consumer<String> onPop) {
    return events.subscribe(
        event -> {
          if (event.accountId() == accountId
              && event.type().equals(EVENT_TYPE)
              && Json.parseObject(event.payload().getBytes(StandardCharsets.UTF_8))
                      .path("agent_id")
                      .asLong()
                  == agentId) {
            onPop.accept(event.payload());
          }
        });
  }

  /** The account's screen pops, newest first. */
  public List<ScreenPopStore.ScreenPop> recent(Tx tx, long accountId, int limit) {
    return store.recent(tx, accountId, limit);
  }
}
