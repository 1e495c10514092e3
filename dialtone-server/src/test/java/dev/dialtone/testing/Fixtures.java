package dev.dialtone.testing;

import dev.dialtone.account.AccountStore;
import dev.dialtone.account.Role;
import dev.dialtone.account.UserStore;
import dev.dialtone.config.Config;
import dev.dialtone.store.Database;
import dev.dialtone.ticket.Comment;
import dev.dialtone.ticket.CommentStore;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test fixture: makes and reads records the HTTP API cannot yet (users; a ticket's stored
 * comments), through the server's own stores on a second handle of the running server's database
 * (SQLite in WAL mode lets it work beside the server); each call is one transaction of its own.
 * Only for records of the default account.
 */
public final class Fixtures implements AutoCloseable {
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private final Database database;
  private final long accountId;
  private final UserStore users = new UserStore();
  private final CommentStore comments = new CommentStore();

  private Fixtures(Database database, long accountId) {
    this.database = database;
    this.accountId = accountId;
  }

  /** Opens the server's data directory; close it before the server's temp directory goes. */
  public static Fixtures open(TestServer server) {
    Database database = server.openDatabase();
    String subdomain = Config.defaults(server.dataDir()).subdomain();
    long accountId =
        database.read(tx -> new AccountStore().findBySubdomain(tx, subdomain).orElseThrow().id());
    return new Fixtures(database, accountId);
  }

  /** A new agent of the default account; returns its id. */
  public long agent(String name) {
    return user(name, Role.AGENT);
  }

  /** A new end user of the default account; returns its id. */
  public long endUser(String name) {
    return user(name, Role.END_USER);
  }

  public long user(String name, Role role) {
    String email = "user" + SEQUENCE.incrementAndGet() + "." + System.nanoTime() + "@example.com";
    return database.write(
        tx ->
            users
                .insert(
                    tx,
                    accountId,
                    new UserStore.NewUser(name, email, null, role, null, null),
                    Instant.now())
                .id());
  }

  /** A ticket's stored comments in order, as the server wrote them. */
  public List<Comment> comments(long ticketId) {
    return database.read(tx -> comments.page(tx, accountId, ticketId, 0, 100));
  }

  /**
   * A stream of the agent's screen pops as another node would record it, last refreshed at {@code
   * lastSeen}: a node that stopped refreshing it has died.
   */
  public void presence(long agentId, Instant lastSeen) {
    database.write(
        tx ->
            tx.update(
                "INSERT INTO console_presence (id, account_id, agent_id, session_id, node,"
                    + " opened_at, last_seen_at) VALUES (?, ?, ?, NULL, 'other-node', ?, ?)",
                "presence" + SEQUENCE.incrementAndGet() + "." + System.nanoTime(),
                accountId,
                agentId,
                lastSeen,
                lastSeen));
  }

  /** Ends every stream of the agent, on every node, as a sign-out elsewhere would. */
  public void endPresence(long agentId) {
    database.write(
        tx ->
            tx.update(
                "DELETE FROM console_presence WHERE account_id = ? AND agent_id = ?",
                accountId,
                agentId));
  }

  @Override
  public void close() {
    database.close();
  }
}
