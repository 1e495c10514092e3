package dev.dialtone.account;

import dev.dialtone.http.ApiException;
import dev.dialtone.store.Database;
import java.util.Locale;

/**
 * Finds the account a request's {@code Host} names: {@code acme.localhost:8080} is account {@code
 * acme} under the base domain {@code localhost}; a host outside the base domain is the default
 * account; a subdomain that names no account is 404 {@code InvalidEndpoint} (docs/api.md).
 */
public final class AccountResolver {
  private final Database database;
  private final AccountStore accounts;
  private final String baseDomain;
  private final String defaultSubdomain;

  public AccountResolver(
      Database database, AccountStore accounts, String baseDomain, String defaultSubdomain) {
    this.database = database;
    this.accounts = accounts;
    this.baseDomain = baseDomain.toLowerCase(Locale.ROOT);
    this.defaultSubdomain = defaultSubdomain;
  }

  public Account resolve(String hostHeader) {
    String subdomain = subdomainOf(hostHeader);
    return database
        .read(tx -> accounts.findBySubdomain(tx, subdomain))
        .orElseThrow(ApiException::invalidEndpoint);
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
