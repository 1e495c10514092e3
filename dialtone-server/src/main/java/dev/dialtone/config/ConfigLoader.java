package dev.dialtone.config;

import dev.dialtone.http.CredentialRules;
import dev.dialtone.http.TrustedProxies;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@link Config} from environment variables and command-line flags; a flag wins over its
 * variable. An unknown {@code DIALTONE_*} variable or flag is an error, so a typo never silently
 * falls back to a default.
 */
public final class ConfigLoader {
  private ConfigLoader() {}

  public static Config load(Map<String, String> env, List<String> args) {
    Map<Setting, String> values = new EnumMap<>(Setting.class);
    for (Setting setting : Setting.values()) {
      if (setting.defaultValue != null) {
        values.put(setting, setting.defaultValue);
      }
    }
    for (Map.Entry<String, String> entry : env.entrySet()) {
      if (entry.getKey().startsWith("DIALTONE_")) {
        Setting setting =
            Arrays.stream(Setting.values())
                .filter(s -> s.envName().equals(entry.getKey()))
                .findFirst()
                .orElseThrow(() -> unknown("environment variable", entry.getKey()));
        values.put(setting, entry.getValue());
      }
    }
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String name = arg;
      String value;
      int equals = arg.indexOf('=');
      if (equals > 0) {
        name = arg.substring(0, equals);
        value = arg.substring(equals + 1);
      } else if (i + 1 < args.size()) {
        value = args.get(++i);
      } else {
        throw new ConfigException("flag " + arg + " needs a value");
      }
      String flag = name;
      Setting setting =
          Arrays.stream(Setting.values())
              .filter(s -> s.flag().equals(flag))
              .findFirst()
              .orElseThrow(() -> unknown("flag", flag));
      values.put(setting, value);
    }
    if ((values.get(Setting.TLS_CERT) == null) != (values.get(Setting.TLS_KEY) == null)) {
      throw new ConfigException("DIALTONE_TLS_CERT and DIALTONE_TLS_KEY go together: set both");
    }
    return new Config(
        port(Objects.requireNonNull(values.get(Setting.PORT), "PORT has a default")),
        Path.of(values.get(Setting.DATA_DIR)),
        nonBlank(values, Setting.BASE_DOMAIN),
        // Both have defaults, so checked() finds a value.
        Objects.requireNonNull(
            checked(
                values,
                Setting.SUBDOMAIN,
                v ->
                    CredentialRules.isSubdomain(v)
                        ? null
                        : "must be 1 to 63 lowercase letters, digits or inner hyphens")),
        Objects.requireNonNull(
            checked(
                values,
                Setting.ADMIN_EMAIL,
                v -> CredentialRules.isEmail(v) ? null : "must be an email address")),
        checked(values, Setting.ADMIN_PASSWORD, CredentialRules::passwordProblem),
        checked(values, Setting.ADMIN_TOKEN, CredentialRules::tokenProblem),
        blankToNull(values.get(Setting.DATABASE_URL)),
        positive(values, Setting.DATABASE_POOL_SIZE),
        Duration.ofMillis(atLeast(values, Setting.DATABASE_TIMEOUT_MS, 250)),
        atLeast(values, Setting.SIGN_IN_FAILURES, 0),
        trustedProxies(values),
        path(values.get(Setting.TLS_CERT)),
        path(values.get(Setting.TLS_KEY)),
        bool(values, Setting.TLS_SELF_SIGNED),
        atLeast(values, Setting.RATE_LIMIT_SUPPORT, 0),
        atLeast(values, Setting.RATE_LIMIT_TALK, 0),
        Duration.ofMillis(atLeast(values, Setting.RATE_LIMIT_SYNC_MS, 10)),
        blankToNull(values.get(Setting.HOST)));
  }

  /** What {@code --help} prints: every setting, its flag, default and meaning. */
  public static String usage() {
    StringBuilder usage =
        new StringBuilder(
            "Usage: java -jar dialtone.jar [--flag value]...\n"
                + "       java -jar dialtone.jar admin-token [--flag value]...  print a new API"
                + " token for the default account's admin\n"
                + "       java -XX:ArchiveClassesAtExit=dialtone.jsa -jar dialtone.jar train"
                + "  record the classes a start loads (run by the build)\n"
                + "       java -jar dialtone.jar --version | --help\n"
                + "Every setting is an environment variable or its flag (the flag wins):\n");
    for (Setting setting : Setting.values()) {
      usage.append(
          String.format(
              "  %-30s %-24s %s%s%n",
              setting.envName(),
              setting.flag(),
              setting.description,
              setting.defaultValue == null ? "" : " [" + setting.defaultValue + "]"));
    }
    return usage.toString();
  }

  /** The settings in force, one per line, secrets masked: printed once at start. */
  public static String describe(Config config) {
    Map<Setting, Object> shown = new EnumMap<>(Setting.class);
    shown.put(Setting.PORT, config.port());
    shown.put(Setting.DATA_DIR, config.dataDir().toAbsolutePath().normalize());
    shown.put(Setting.BASE_DOMAIN, config.baseDomain());
    shown.put(Setting.SUBDOMAIN, config.subdomain());
    shown.put(Setting.ADMIN_EMAIL, config.adminEmail());
    shown.put(Setting.ADMIN_PASSWORD, config.adminPassword() == null ? "(generate)" : "********");
    shown.put(Setting.ADMIN_TOKEN, config.adminToken() == null ? "(generate)" : "********");
    shown.put(
        Setting.DATABASE_URL,
        config.databaseUrl() == null
            ? "(unset: SQLite in the data dir)"
            : maskPassword(config.databaseUrl()));
    shown.put(Setting.DATABASE_POOL_SIZE, config.databasePoolSize());
    shown.put(Setting.DATABASE_TIMEOUT_MS, config.databaseTimeout().toMillis());
    shown.put(Setting.SIGN_IN_FAILURES, config.signInFailures());
    shown.put(
        Setting.TRUSTED_PROXIES,
        config.trustedProxies().equals(TrustedProxies.NONE)
            ? "(none: the TCP peer is the client)"
            : config.trustedProxies());
    shown.put(
        Setting.TLS_CERT, config.tlsCertificate() == null ? "(unset)" : config.tlsCertificate());
    shown.put(Setting.TLS_KEY, config.tlsKey() == null ? "(unset)" : config.tlsKey());
    shown.put(Setting.TLS_SELF_SIGNED, config.tlsSelfSigned());
    shown.put(Setting.RATE_LIMIT_SUPPORT, config.rateLimitSupport());
    shown.put(Setting.RATE_LIMIT_TALK, config.rateLimitTalk());
    shown.put(Setting.RATE_LIMIT_SYNC_MS, config.rateLimitSync().toMillis());
    shown.put(Setting.HOST, config.host() == null ? "(every interface)" : config.host());
    return shown.entrySet().stream()
        .map(e -> "  " + e.getKey().envName() + "=" + e.getValue())
        .collect(Collectors.joining("\n"));
  }

  /** An unknown setting, with the nearest known one when a typo is likely. */
  private static ConfigException unknown(String kind, String name) {
    boolean flag = kind.equals("flag");
    String nearest = null;
    int best = Integer.MAX_VALUE;
    for (Setting setting : Setting.values()) {
      String known = flag ? setting.flag() : setting.envName();
      int distance = distance(name.toLowerCase(Locale.ROOT), known.toLowerCase(Locale.ROOT));
      if (distance < best) {
        best = distance;
        nearest = known;
      }
    }
    // More than a third of the name changed is another word, not a typo.
    if (nearest != null && best <= Math.max(2, nearest.length() / 3)) {
      return new ConfigException(
          "unknown " + kind + " " + name + "; did you mean " + nearest + "?");
    }
    String known =
        Arrays.stream(Setting.values())
            .map(s -> s.envName() + " (" + s.flag() + ")")
            .collect(Collectors.joining(", "));
    return new ConfigException("unknown " + kind + " " + name + "; known settings: " + known);
  }

  /** The Levenshtein distance: single-character edits from one name to the other. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  /** A JDBC URL with any password replaced, whether as a parameter or in {@code user:pw@}. */
  static String maskPassword(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1********")
        .replaceAll("//([^/:@]+):[^/@]+@", "//$1:********@");
  }

  private static TrustedProxies trustedProxies(Map<Setting, String> values) {
    String value = values.get(Setting.TRUSTED_PROXIES);
    if (value == null) {
      return TrustedProxies.NONE;
    }
    try {
      return TrustedProxies.parse(value);
    } catch (IllegalArgumentException e) {
      Setting setting = Setting.TRUSTED_PROXIES;
      throw new ConfigException(setting.envName() + " (" + setting.flag() + ") " + e.getMessage());
    }
  }

  private static @Nullable Path path(@Nullable String value) {
    return value == null || value.isBlank() ? null : Path.of(value.strip());
  }

  private static boolean bool(Map<Setting, String> values, Setting setting) {
    // Every boolean setting has a default, so it always has a value.
    String value =
        Objects.requireNonNull(values.get(setting)).strip().toLowerCase(java.util.Locale.ROOT);
    return switch (value) {
      case "true", "yes", "1" -> true;
      case "false", "no", "0", "" -> false;
      default ->
          throw new ConfigException(
              setting.envName() + " must be true or false, not '" + value + "'");
    };
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static int positive(Map<Setting, String> values, Setting setting) {
    return atLeast(values, setting, 1);
  }

  private static int atLeast(Map<Setting, String> values, Setting setting, int minimum) {
    // Every numeric setting has a default, so it always has a value.
    String value = Objects.requireNonNull(values.get(setting));
    try {
      int number = Integer.parseInt(value.strip());
      if (number < minimum) {
        throw new NumberFormatException();
      }
      return number;
    } catch (NumberFormatException e) {
      throw new ConfigException(
          setting.envName()
              + " must be a whole number of at least "
              + minimum
              + ", not '"
              + value
              + "'");
    }
  }

  private static int port(String value) {
    try {
      int port = Integer.parseInt(value.strip());
      if (port < 0 || port > 65_535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new ConfigException("DIALTONE_PORT must be a port number, not '" + value + "'");
    }
  }

  /**
   * The setting's value, or null when unset; a value the rule refuses stops the start with one line
   * naming the setting. The value itself is not repeated: it may be a secret.
   */
  private static @Nullable String checked(
      Map<Setting, String> values, Setting setting, Function<String, @Nullable String> problem) {
    String value = values.get(setting);
    if (value == null) {
      return null;
    }
    String refused = problem.apply(value);
    if (refused != null) {
      throw new ConfigException(setting.envName() + " (" + setting.flag() + ") " + refused);
    }
    return value;
  }

  private static String nonBlank(Map<Setting, String> values, Setting setting) {
    String value = values.get(setting);
    if (value == null || value.isBlank()) {
      throw new ConfigException(setting.envName() + " must not be blank");
    }
    return value.strip();
  }
}
