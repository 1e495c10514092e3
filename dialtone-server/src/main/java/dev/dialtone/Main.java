package dev.dialtone;

import dev.dialtone.account.AccountStore;
import dev.dialtone.account.UserStore;
import dev.dialtone.admin.AccountSetup;
import dev.dialtone.auth.TokenStore;
import dev.dialtone.brand.BrandStore;
import dev.dialtone.config.Config;
import dev.dialtone.config.ConfigException;
import dev.dialtone.config.ConfigLoader;
import dev.dialtone.store.Database;
import dev.dialtone.store.PostgresDatabase;
import dev.dialtone.store.SqliteDatabase;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts Dialtone from environment variables and flags; SIGTERM stops it cleanly. A start-up
 * failure is one line on stderr (the trace only at debug level); a setting to change exits 2.
 */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);
  private static final int CONFIGURATION_ERROR = 2;
  private static final int FAILURE = 1;

  private Main() {}

  public static void main(String[] args) {
    List<String> arguments = List.of(args);
    if (arguments.contains("--help") || arguments.contains("-h")) {
      System.out.print(ConfigLoader.usage());
      return;
    }
    if (arguments.contains("--version")) {
      System.out.println("Dialtone " + version());
      return;
    }
    if (arguments.equals(List.of("train"))) {
      Training.run();
      return;
    }
    boolean adminToken = !arguments.isEmpty() && arguments.get(0).equals("admin-token");
    try {
      Config config =
          ConfigLoader.load(
              System.getenv(), adminToken ? arguments.subList(1, arguments.size()) : arguments);
      if (adminToken) {
        printAdminToken(config);
      } else {
        run(config);
      }
    } catch (ConfigException e) {
      fail(CONFIGURATION_ERROR, e.getMessage(), e);
    } catch (RuntimeException e) {
      fail(FAILURE, "cannot start: " + e.getMessage(), e);
    }
  }

  private static void run(Config config) {
    System.out.println("Dialtone starting with:\n" + ConfigLoader.describe(config));
    DialtoneServer server = DialtoneServer.create(config).start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "dialtone-shutdown"));
    AccountSetup.Created created = server.firstStart();
    if (created != null) {
      System.out.println(
          "Created account '"
              + created.account().subdomain()
              + "' with admin "
              + created.admin().email()
              + (config.adminPassword() == null ? "\n  password:  " + created.password() : "")
              + (config.adminToken() == null ? "\n  API token: " + created.apiToken() : "")
              + (config.adminPassword() == null || config.adminToken() == null
                  ? "\n  (shown once: keep them; a lost token: java -jar dialtone.jar admin-token)"
                  : ""));
    }
    System.out.println(
        "Dialtone listening on "
            + server.url()
            + "/api/v2/calls; agent console at "
            + server.url()
            + "/agent");
  }

  /**
   * {@code admin-token}: a new API token for the default account's admin, whether or not a server
   * runs on the same data. It does not take the data dir lock: it writes one short transaction
   * through the database, which SQLite (WAL, busy timeout) and PostgreSQL order with the server's
   * own writes.
   */
  private static void printAdminToken(Config config) {
    if (config.databaseUrl() == null
        && !Files.exists(config.dataDir().resolve(SqliteDatabase.FILE))) {
      throw new ConfigException(
          "no Dialtone database in "
              + config.dataDir().toAbsolutePath().normalize()
              + ": set DIALTONE_DATA_DIR or --data-dir (or DIALTONE_DATABASE_URL) to the server's");
    }
    AccountSetup setup =
        new AccountSetup(new AccountStore(), new BrandStore(), new UserStore(), new TokenStore());
    Optional<AccountSetup.AdminToken> issued;
    try (Database database = open(config)) {
      issued = database.write(tx -> setup.issueAdminToken(tx, config.subdomain(), Instant.now()));
    }
    AccountSetup.AdminToken token =
        issued.orElseThrow(
            () ->
                new ConfigException(
                    "no account '"
                        + config.subdomain()
                        + "' with an active admin: set DIALTONE_SUBDOMAIN or --subdomain"));
    System.out.println(
        "New API token for "
            + token.admin().email()
            + " of account '"
            + config.subdomain()
            + "'\n  API token: "
            + token.apiToken()
            + "\n  (shown once: keep it; sign in as "
            + token.admin().email()
            + "/token)");
  }

  private static Database open(Config config) {
    return config.databaseUrl() == null
        ? SqliteDatabase.open(config.dataDir(), config.databaseTimeout())
        : PostgresDatabase.open(
            config.databaseUrl(), new PostgresDatabase.PoolSettings(2, config.databaseTimeout()));
  }

  private static void fail(int status, @Nullable String message, Exception e) {
    System.err.println("dialtone: " + message);
    LOG.debug("start-up failure", e);
    System.exit(status);
  }

  /** The version the jar was built as; "development" when run from classes. */
  static String version() {
    String version = Main.class.getPackage().getImplementationVersion();
    return version == null ? "(development build)" : version;
  }
}
