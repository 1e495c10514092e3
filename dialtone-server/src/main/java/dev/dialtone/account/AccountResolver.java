package dev.dialtone.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.dialtone.http.ApiException;
import dev.dialtone.store.Database;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Finds the account a request's {@code Host} names: {@code acme.localhost:8080} is account {@code
 * acme} under the base domain {@code localhost}; a host outside the base domain is the default
 * account; a subdomain that names no account is 404 {@code InvalidEndpoint} (docs/api.md).
 *
 * <p>Every request needs its account, so accounts found are kept in memory: a change to one drops
 * it at once on this node ({@link #forget}, called for {@code Tx.identityChanged}) and on the
 * others over the event bus, and an entry lives at most {@link #KEPT} should a notice be lost. A
 * subdomain that names nothing is looked up each time, so nobody fills the cache with names.
 */
public final class AccountResolver {
  /** The longest an account stays in memory unchanged: the bound on a lost change notice. */
  public static final Duration KEPT = Duration.ofSeconds(5);

  private static final int MOST_KEPT = 10_000;

  private final Database database;
  private final AccountStore accounts;
  private final String baseDomain;
  private final String defaultSubdomain;
  private final Cache<String, Account> found =
      Caffeine.newBuilder().maximumSize(MOST_KEPT).expireAfterWrite(KEPT).build();

  /**
   * Counts {@link #forget} calls: an account read before a change committed is not kept when the
   * change's notice arrived while it was read.
   */
  private final AtomicLong changes = new AtomicLong();

  public AccountResolver(
      Database database, AccountStore accounts, String baseDomain, String defaultSubdomain) {
    this.database = database;
    this.accounts = accounts;
    this.baseDomain = baseDomain.toLowerCase(Locale.ROOT);
    this.defaultSubdomain = defaultSubdomain;
  }

  public Account resolve(String hostHeader) {
    String subdomain = subdomainOf(hostHeader);
    Account kept = found.getIfPresent(subdomain);
    if (kept != null) {
      return kept;
    }
    long before = changes.get();
    Account account =
        database
            .read(tx -> accounts.findBySubdomain(tx, subdomain))
            .orElseThrow(ApiException::invalidEndpoint);
    if (changes.get() == before) {
      found.put(subdomain, account);
    }
    return account;
  }

  /** Drops what this node keeps of the account: it changed. */
  public void forget(long accountId) {
    changes.incrementAndGet();
    found.asMap().values().removeIf(account -> account.id() == accountId);
  }

  /** The subdomain a Host header names, or the default account's. */
  String subdomainOf(String hostHeader) {
    if (hostHeader == null || hostHeader.isBlank()) {
      return defaultSubdomain;
    }
    String host = hostHeader.strip().toLowerCase(Locale.ROOT);
    if (host.startsWith("[")) {
      return defaultSubdomain; // an IPv6 literal
    }
    int colon = host.lastIndexOf(':');
    if (colon >= 0) {
      host = host.substring(0, colon);
    }
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    String suffix = "." + baseDomain;
    if (host.endsWith(suffix) && host.length() > suffix.length()) {
      return host.substring(0, host.length() - suffix.length());
    }
    return defaultSubdomain;
  }
}
