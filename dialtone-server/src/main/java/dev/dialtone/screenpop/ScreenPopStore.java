package dev.dialtone.screenpop;

import dev.dialtone.store.Row;
import dev.dialtone.store.Tx;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** SQL for screen pops: every one asked for is kept, delivered or not, to be read back. */
public final class ScreenPopStore {

  /** A screen pop asked for; it names a ticket or a user to open for the agent. */
  public record ScreenPop(
      long id,
      long accountId,
      long agentId,
      @Nullable Long ticketId,
      @Nullable Long userId,
      String source,
      boolean delivered,
      Instant createdAt) {}

  public ScreenPop insert(
      Tx tx,
      long accountId,
      long agentId,
      @Nullable Long ticketId,
      @Nullable Long userId,
      String source,
      boolean delivered,
      Instant now) {
    long id =
        tx.insert(
            "INSERT INTO screen_pops (account_id, agent_id, ticket_id, user_id, source, delivered,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
            accountId,
            agentId,
            ticketId,
            userId,
            source,
            delivered,
            now);
    return new ScreenPop(id, accountId, agentId, ticketId, userId, source, delivered, now);
  }

  /** The account's screen pops, newest first. */
  public List<ScreenPop> recent(Tx tx, long accountId, int limit) {
    return tx.list(
        "SELECT id, account_id, agent_id, ticket_id, user_id, source, delivered, created_at"
            + " FROM screen_pops WHERE account_id = ? ORDER BY id DESC LIMIT ?",
        ScreenPopStore::map,
        accountId,
        limit);
  }

  private static ScreenPop map(Row row) {
    return new ScreenPop(
        row.getLong("id"),
        row.getLong("account_id"),
        row.getLong("agent_id"),
        row.longOrNull("ticket_id"),
        row.longOrNull("user_id"),
        row.string("source"),
        Boolean.TRUE.equals(row.bool("delivered")),
        row.instant("created_at"));
  }
}
