package dev.dialtone.screenpop;

import dev.dialtone.store.Tx;
import java.time.Instant;

/**
 * Delivers screen pops to agents. Until the agent console exists no agent has a browser session
 * open, so nothing is delivered; every request is recorded so it can be read back at {@code GET
 * /_dialtone/screen-pops}.
 */
public final class ScreenPops {
  private final ScreenPopStore store;

  public ScreenPops(ScreenPopStore store) {
    this.store = store;
  }

  /** Records the pop and answers whether an open console of the agent received it. */
  public boolean pop(
      Tx tx, long accountId, long agentId, Long ticketId, Long userId, String source, Instant now) {
    boolean delivered = false;
    store.insert(tx, accountId, agentId, ticketId, userId, source, delivered, now);
    return delivered;
  }
}
