package dev.dialtone.config;

import dev.dialtone.http.TrustedProxies;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * How a Dialtone server is set up. Every setting has an environment variable and a matching
 * command-line flag ({@link ConfigLoader}).
 *
 * @param adminPassword the first admin's password; null means generate one on first start
 * @param adminToken the first API token; null means generate one on first start
 * @param databaseUrl a PostgreSQL JDBC URL; null means the embedded SQLite file in {@code dataDir}
 * @param databasePoolSize the most PostgreSQL connections this node holds
 * @param databaseTimeout how long a request waits for the database before a 503
 * @param signInFailures wrong credentials a source may present per minute; 0 means no limit
 * @param trustedProxies the proxies whose {@code X-Forwarded-For} names the client
 * @param tlsCertificate a PEM certificate chain to serve HTTPS with; null for none
 * @param tlsKey the PEM (PKCS#8) private key of {@code tlsCertificate}
 * @param tlsSelfSigned serve HTTPS with a self-signed certificate kept in the data dir
 * @param rateLimitSupport support API requests per account per minute; 0 is no limit
 * @param rateLimitTalk Talk API requests per account per 5 minutes; 0 is no limit
 * @param rateLimitSync how often a node adds its request counts to the shared ones and reads back
 *     the totals
 * @param host the address to bind; null or empty means every interface
 */
public record Config(
    int port,
    Path dataDir,
    String baseDomain,
    String subdomain,
    String adminEmail,
    @Nullable String adminPassword,
    @Nullable String adminToken,
    @Nullable String databaseUrl,
    int databasePoolSize,
    Duration databaseTimeout,
    int signInFailures,
    TrustedProxies trustedProxies,
    @Nullable Path tlsCertificate,
    @Nullable Path tlsKey,
    boolean tlsSelfSigned,
    int rateLimitSupport,
    int rateLimitTalk,
    Duration rateLimitSync,
    @Nullable String host) {

  /** Defaults for tests and embedding: port 0 binds a free port. */
  public static Config defaults(Path dataDir) {
    return new Config(
        0,
        dataDir,
        "localhost",
        "dialtone",
        "admin@example.com",
        null,
        null,
        null,
        10,
        Duration.ofSeconds(5),
        20,
        TrustedProxies.NONE,
        null,
        null,
        false,
        700,
        15_000,
        Duration.ofSeconds(1),
        null);
  }

  /** The same settings binding only this address (null: every interface). */
  public Config withHost(@Nullable String address) {
    return with(c -> c.host = address);
  }

  /** Whether the port serves HTTPS rather than plain HTTP. */
  public boolean tls() {
    return tlsSelfSigned || tlsCertificate != null;
  }

  public Config withAdmin(String email, @Nullable String password, @Nullable String token) {
    return with(
        c -> {
          c.adminEmail = email;
          c.adminPassword = password;
          c.adminToken = token;
        });
  }

  /** The same settings on PostgreSQL at this JDBC URL. */
  public Config withDatabaseUrl(@Nullable String url) {
    return with(c -> c.databaseUrl = url);
  }

  /** The same settings with requests waiting at most this long for the database. */
  public Config withDatabaseTimeout(Duration timeout) {
    return with(c -> c.databaseTimeout = timeout);
  }

  public Config withSignInFailures(int failuresPerMinute) {
    return with(c -> c.signInFailures = failuresPerMinute);
  }

  /** The same settings believing {@code X-Forwarded-For} from these proxies. */
  public Config withTrustedProxies(TrustedProxies proxies) {
    return with(c -> c.trustedProxies = proxies);
  }

  /** HTTPS with the given PEM files, or self-signed when both are null. */
  public Config withTls(@Nullable Path certificate, @Nullable Path key) {
    return with(
        c -> {
          c.tlsCertificate = certificate;
          c.tlsKey = key;
          c.tlsSelfSigned = certificate == null;
        });
  }

  /** The same settings with these rate limits (0 is no limit). */
  public Config withRateLimits(int support, int talk) {
    return with(
        c -> {
          c.rateLimitSupport = support;
          c.rateLimitTalk = talk;
        });
  }

  /** The same settings with nodes sharing their request counts this often. */
  public Config withRateLimitSync(Duration interval) {
    return with(c -> c.rateLimitSync = interval);
  }

  /** A copy with some settings changed. */
  private Config with(Consumer<Copy> change) {
    Copy copy = new Copy(this);
    change.accept(copy);
    return copy.build();
  }

  /** The settings while a copy is being changed. */
  private static final class Copy {
    int port;
    Path dataDir;
    String baseDomain;
    String subdomain;
    String adminEmail;
    @Nullable String adminPassword;
    @Nullable String adminToken;
    @Nullable String databaseUrl;
    int databasePoolSize;
    Duration databaseTimeout;
    int signInFailures;
    TrustedProxies trustedProxies;
    @Nullable Path tlsCertificate;
    @Nullable Path tlsKey;
    boolean tlsSelfSigned;
    int rateLimitSupport;
    int rateLimitTalk;
    Duration rateLimitSync;
    @Nullable String host;

    Copy(Config c) {
      port = c.port;
      dataDir = c.dataDir;
      baseDomain = c.baseDomain;
      subdomain = c.subdomain;
      adminEmail = c.adminEmail;
      adminPassword = c.adminPassword;
      adminToken = c.adminToken;
      databaseUrl = c.databaseUrl;
      databasePoolSize = c.databasePoolSize;
      databaseTimeout = c.databaseTimeout;
      signInFailures = c.signInFailures;
      trustedProxies = c.trustedProxies;
      tlsCertificate = c.tlsCertificate;
      tlsKey = c.tlsKey;
      tlsSelfSigned = c.tlsSelfSigned;
      rateLimitSupport = c.rateLimitSupport;
      rateLimitTalk = c.rateLimitTalk;
      rateLimitSync = c.rateLimitSync;
      host = c.host;
    }

    Config build() {
      return new Config(
          port,
          dataDir,
          baseDomain,
          subdomain,
          adminEmail,
          adminPassword,
          adminToken,
          databaseUrl,
          databasePoolSize,
          databaseTimeout,
          signInFailures,
          trustedProxies,
          tlsCertificate,
          tlsKey,
          tlsSelfSigned,
          rateLimitSupport,
          rateLimitTalk,
          rateLimitSync,
          host);
    }
  }
}
