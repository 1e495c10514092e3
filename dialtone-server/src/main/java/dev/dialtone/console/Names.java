package dev.dialtone.console;

import dev.dialtone.account.User;
import dev.dialtone.account.UserStore;
import dev.dialtone.store.Tx;
import java.util.HashMap;
import java.util.Map;

/** Users' names for one page, each looked up once, inside the page's read transaction. */
final class Names {
  private final Tx tx;
  private final long accountId;
  private final UserStore users = new UserStore();
  private final Map<Long, String> names = new HashMap<>();

  Names(Tx tx, long accountId) {
    this.tx = tx;
    this.accountId = accountId;
  }

  String of(long userId) {
    return names.computeIfAbsent(
        userId,
        id -> users.find(tx, accountId, id).map(User::name).orElse("user " + id + " (deleted)"));
  }
}
