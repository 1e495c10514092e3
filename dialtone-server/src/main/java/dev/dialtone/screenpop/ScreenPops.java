package dev.dialtone.screenpop;

import dev.dialtone.event.Event;
import dev.dialtone.event.EventBus;
import dev.dialtone.store.Tx;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Delivers screen pops to agents. Every pop asked for is recorded, so it can be read back at {@code
 * GET /_dialtone/screen-pops}, and sent to every node; it counts as delivered when some stream of
 * the agent is open on any node ({@link Presence}): an agent console, or the API's screen-pop
 * stream, since whoever listens for an agent's pops receives them. The routes ask this class
 * whether a pop was delivered and answer accordingly.
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
  private final Presence presence;

  public ScreenPops(ScreenPopStore store, EventBus events, Presence presence) {
    this.store = store;
    this.events = events;
    this.presence = presence;
  }

  /** Records the pop and answers whether an open stream of the agent, on any node, receives it. */
  public boolean pop(
      Tx tx,
      long accountId,
      long agentId,
      @Nullable Long ticketId,
      @Nullable Long userId,
      String source,
      Instant now) {
    boolean delivered = presence.isOpen(tx, accountId, agentId, now);
    ScreenPopStore.ScreenPop pop =
        store.insert(tx, accountId, agentId, ticketId, userId, source, delivered, now);
    // Every node hears of it, so the agent's streams are reached wherever they are connected.
    events.publishOnCommit(tx, new Event(accountId, EVENT_TYPE, payload(pop)));
    return delivered;
  }

  /**
   * The pop's JSON. It starts with its agent, so that each listener of each node tells its own
   * agent's pops from the rest without parsing every one.
   */
  private static String payload(ScreenPopStore.ScreenPop pop) {
    return agentPrefix(pop.agentId())
        + "\"id\":"
        + pop.id()
        + ",\"ticket_id\":"
        + pop.ticketId()
        + ",\"user_id\":"
        + pop.userId()
        + ",\"source\":\""
        + pop.source()
        + "\"}";
  }

  private static String agentPrefix(long agentId) {
    return "{\"agent_id\":" + agentId + ",";
  }

  /**
   * Calls {@code onPop} with the JSON of every pop for this agent from now on, on whichever node it
   * was asked for, and counts the agent as present for as long as the returned subscription is
   * open. {@code sessionId} is the console session listening (null for a stream opened with API
   * credentials); {@code onGone} runs when the presence was ended elsewhere (a sign-out on another
   * node), and should end the stream. Closing the subscription ends both.
   */
  public EventBus.Subscription listen(
      long accountId,
      long agentId,
      @Nullable String sessionId,
      Consumer<String> onPop,
      Runnable onGone) {
    String prefix = agentPrefix(agentId);
    // Subscribed before present: a pop that counts as delivered finds the listener in place.
    EventBus.Subscription subscription =
        events.subscribe(
            event -> {
              if (event.accountId() == accountId
                  && event.type().equals(EVENT_TYPE)
                  && event.payload().startsWith(prefix)) {
                onPop.accept(event.payload());
              }
            });
    Presence.Handle present;
    try {
      present = presence.open(accountId, agentId, sessionId, onGone);
    } catch (RuntimeException e) {
      subscription.close();
      throw e;
    }
    return () -> {
      try {
        present.close();
      } finally {
        subscription.close();
      }
    };
  }

  /** The account's screen pops, newest first. */
  public List<ScreenPopStore.ScreenPop> recent(Tx tx, long accountId, int limit) {
    return store.recent(tx, accountId, limit);
  }
}
