package dev.dialtone.admin;

import dev.dialtone.account.Account;
import dev.dialtone.account.AccountStore;
import dev.dialtone.account.Role;
import dev.dialtone.account.User;
import dev.dialtone.account.UserStore;
import dev.dialtone.auth.Secrets;
import dev.dialtone.auth.TokenStore;
import dev.dialtone.brand.Brand;
import dev.dialtone.brand.BrandStore;
import dev.dialtone.store.Tx;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Creates a whole account: the account, its default brand, its first admin and API token. */
public final class AccountSetup {
  private final AccountStore accounts;
  private final BrandStore brands;
  private final UserStore users;
  private final TokenStore tokens;

  public AccountSetup(
      AccountStore accounts, BrandStore brands, UserStore users, TokenStore tokens) {
    this.accounts = accounts;
    this.brands = brands;
    this.users = users;
    this.tokens = tokens;
  }

  /** What was created, with the secrets in clear: the only time they are ever shown. */
  public record Created(Account account, User admin, String password, String apiToken) {}

  /** A new API token, in clear, and the admin who may sign in with it. */
  public record AdminToken(User admin, String apiToken) {}

  /**
   * Adds a new API token to the account of {@code subdomain} and names its first admin: the way
   * back in for an operator who lost the credentials the first start printed. Empty when there is
   * no such account, or it has no admin.
   */
  public java.util.Optional<AdminToken> issueAdminToken(Tx tx, String subdomain, Instant now) {
    return accounts
        .findBySubdomain(tx, subdomain)
        .flatMap(
            account ->
                users
                    .firstAdmin(tx, account.id())
                    .map(
                        admin -> {
                          String apiToken = Secrets.newToken();
                          tokens.insertApiToken(
                              tx, account.id(), "Issued by admin-token", apiToken, now);
                          return new AdminToken(admin, apiToken);
                        }));
  }

  /**
   * Creates the account; a null password or token is generated. The caller's transaction makes it
   * all or nothing.
   */
  public Created create(
      Tx tx,
      String subdomain,
      String adminEmail,
      @Nullable String password,
      @Nullable String token,
      Instant now) {
    String adminPassword = password == null ? Secrets.newToken().substring(0, 20) : password;
    String apiToken = token == null ? Secrets.newToken() : token;
    Account account = accounts.insert(tx, subdomain, subdomain, now);
    Brand brand = brands.insert(tx, account.id(), subdomain, subdomain, now);
    accounts.setDefaultBrand(tx, account.id(), brand.id());
    User admin =
        users.insert(
            tx,
            account.id(),
            new UserStore.NewUser(
                "Admin", adminEmail, null, Role.ADMIN, null, Secrets.hashPassword(adminPassword)),
            now);
    tokens.insertApiToken(tx, account.id(), "Created with the account", apiToken, now);
    Account saved = accounts.findBySubdomain(tx, subdomain).orElseThrow();
    return new Created(saved, admin, adminPassword, apiToken);
  }
}
