package dev.dialtone.testing;

import dev.dialtone.DialtoneServer;
import dev.dialtone.config.Config;
import dev.dialtone.event.EventBus;
import dev.dialtone.route.RouteTable;
import dev.dialtone.store.Database;
import dev.dialtone.store.PostgresDatabase;
import dev.dialtone.store.SqliteDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * A real Dialtone server on a free port, on a real SQLite file in a directory of the test's, with a
 * known admin. {@link #restart} stops it and starts a new one on the same data.
 *
 * <p>The test configuration raises the rate limits to {@link #TEST_RATE_LIMIT} in both buckets, so
 * suites that send thousands of requests in a minute (the bad-input sweep) are never limited, while
 * every answer still carries the rate-limit headers. {@code RateLimitTest} sets small limits of its
 * own with {@link #start(Path, Clock, UnaryOperator)}.
 */
public final class TestServer implements AutoCloseable {
  public static final String ADMIN_EMAIL = "admin@example.com";
  public static final String ADMIN_PASSWORD = "correct horse battery staple";
  public static final String ADMIN_TOKEN = "testtoken0123456789abcdefghijklmnopqrstu";

  /** The rate limit of both buckets in the test configuration. */
  public static final int TEST_RATE_LIMIT = 1_000_000;

  /** Which database each running test server's data directory stands for, for {@link Rows}. */
  private static final Map<Path, String> DATABASES = new ConcurrentHashMap<>();

  private final Path dataDir;
  private final String databaseUrl;
  private final Clock clock;
  private final UnaryOperator<Config> settings;
  private DialtoneServer server;

  private TestServer(
      Path dataDir, String databaseUrl, Clock clock, UnaryOperator<Config> settings) {
    this.dataDir = dataDir;
    this.databaseUrl = databaseUrl;
    this.clock = clock;
    this.settings = settings;
    if (databaseUrl != null) {
      DATABASES.put(dataDir.toAbsolutePath(), databaseUrl);
    }
    this.server = boot();
  }

  /** Whether the API suites run on PostgreSQL in this test JVM. */
  public static boolean onPostgres() {
    return "postgresql".equals(System.getProperty("dialtone.test.database"));
  }

  public static TestServer start(Path dataDir) {
    return start(dataDir, Clock.systemUTC(), UnaryOperator.identity());
  }

  /** A server that tells time by {@code clock}, e.g. a {@link TestClock} the test moves. */
  public static TestServer start(Path dataDir, Clock clock) {
    return start(dataDir, clock, UnaryOperator.identity());
  }

  /**
   * A server on the suite's database that reads the time from {@code clock}, with the test
   * configuration changed by {@code settings}.
   */
  public static TestServer start(Path dataDir, Clock clock, UnaryOperator<Config> settings) {
    return new TestServer(
        dataDir, onPostgres() ? TestPostgres.newDatabase() : null, clock, settings);
  }

  /** The PostgreSQL URL of the test server on this data directory; null for SQLite. */
  static String databaseUrlOf(Path dataDir) {
    return DATABASES.get(dataDir.toAbsolutePath());
  }

  /** A server with some settings changed from the test defaults. */
  public static TestServer start(Path dataDir, UnaryOperator<Config> settings) {
    return start(dataDir, Clock.systemUTC(), settings);
  }

  /** A server on a new PostgreSQL database, whatever the suite's database. */
  public static TestServer startOnPostgres(Path dataDir) {
    return startOnPostgres(dataDir, Clock.systemUTC(), UnaryOperator.identity());
  }

  /** As {@link #startOnPostgres(Path)}, with this clock and settings. */
  public static TestServer startOnPostgres(
      Path dataDir, Clock clock, UnaryOperator<Config> settings) {
    return new TestServer(dataDir, TestPostgres.newDatabase(), clock, settings);
  }

  /** Every route this server answers. */
  public RouteTable routes() {
    return server.routes();
  }

  /** The cluster-wide event bus of this node. */
  public EventBus events() {
    return server.events();
  }

  /**
   * A second node on the same database as this one (PostgreSQL only), with the same clock and
   * settings.
   */
  public TestServer secondNode(Path otherDataDir) {
    if (databaseUrl == null) {
      throw new IllegalStateException("only PostgreSQL is shared between nodes");
    }
    return new TestServer(otherDataDir, databaseUrl, clock, settings);
  }

  private DialtoneServer boot() {
    return DialtoneServer.create(config(), clock).addStep(RouteHits.STEP).start();
  }

  /** The configuration this server runs with. */
  public Config config() {
    // Suites send many requests and many wrong credentials on purpose from one address; the
    // rate limits and the sign-in throttle have tests of their own.
    Config config =
        Config.defaults(dataDir)
            .withAdmin(ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_TOKEN)
            .withSignInFailures(10_000)
            .withRateLimits(TEST_RATE_LIMIT, TEST_RATE_LIMIT);
    return settings.apply(databaseUrl == null ? config : config.withDatabaseUrl(databaseUrl));
  }

  /** Shares this node's rate-limit counts with the other nodes now, as its timer would. */
  public void syncRateLimits() {
    server.rateLimits().sync();
  }

  /** Runs this node's presence heartbeat now, as its timer would. */
  public void heartbeat() {
    server.presence().heartbeat();
  }

  /**
   * Another handle on the server's database, for fixtures that set up what the API cannot. The
   * caller closes it.
   */
  public Database openDatabase() {
    return databaseUrl == null
        ? SqliteDatabase.open(dataDir)
        : PostgresDatabase.open(
            databaseUrl, new PostgresDatabase.PoolSettings(2, Duration.ofSeconds(5)));
  }

  /** Stops the server and starts a new one on the same data directory. */
  public void restart() {
    server.close();
    server = boot();
  }

  public int port() {
    return server.port();
  }

  public Path dataDir() {
    return dataDir;
  }

  /** A client for the default account, authenticated as the admin with the API token. */
  public Api admin() {
    return new Api(port()).withToken(ADMIN_EMAIL, ADMIN_TOKEN);
  }

  /**
   * A client of the default account signed in as this user, with an OAuth token the admin makes for
   * it (users Dialtone creates have no password or API token of their own).
   */
  public Api signedInAs(long userId) {
    Response token =
        admin()
            .post(
                "/api/v2/oauth/tokens",
                "{\"token\":{\"user_id\":" + userId + ",\"scopes\":[\"read\",\"write\"]}}");
    if (token.status() != 201) {
      throw new AssertionError("no OAuth token for user " + userId + ": " + token);
    }
    return new Api(port()).withBearer(token.json().at("/token/full_token").asText());
  }

  /** A client with no credentials. */
  public Api anonymous() {
    return new Api(port());
  }

  @Override
  public void close() {
    server.close();
  }
}
