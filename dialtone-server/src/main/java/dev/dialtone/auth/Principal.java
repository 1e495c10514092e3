package dev.dialtone.auth;

import dev.dialtone.account.Account;
import dev.dialtone.account.User;

/** Who is asking: an authenticated user of the account the request's host names. */
public record Principal(Account account, User user) {
  public long accountId() {
    return account.id();
  }
}
