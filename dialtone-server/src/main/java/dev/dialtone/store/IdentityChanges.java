package dev.dialtone.store;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who hears that an account's sign-in records (the account row, its users, its tokens) changed: the
 * caches that keep them in memory. A transaction says so with {@link Tx#identityChanged}, and the
 * listeners hear it once the change has committed, before the request that made it answers.
 */
public final class IdentityChanges {
  private static final Logger LOG = LoggerFactory.getLogger(IdentityChanges.class);

  private final CopyOnWriteArrayList<LongConsumer> listeners = new CopyOnWriteArrayList<>();

  /** Calls {@code listener} with the account's id after each committed change. */
  public void listen(LongConsumer listener) {
    listeners.add(listener);
  }

  void announce(long accountId) {
    for (LongConsumer listener : listeners) {
      try {
        listener.accept(accountId);
      } catch (RuntimeException e) {
        LOG.warn("a listener of account {}'s sign-in changes failed", accountId, e);
      }
    }
  }
}
