package dev.dialtone.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialtone.http.TrustedProxies;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigLoaderTest {
  @Test
  void noSettings_givesTheDefaults() {
    Config config = ConfigLoader.load(Map.of(), List.of());

    assertThat(config)
        .isEqualTo(
            new Config(
                8080,
                Path.of("./data"),
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
                null));
  }

  @Test
  void environmentVariables_setEverySetting() {
    Config config =
        ConfigLoader.load(
            Map.ofEntries(
                Map.entry("DIALTONE_PORT", "9090"),
                Map.entry("DIALTONE_DATA_DIR", "/var/lib/dialtone"),
                Map.entry("DIALTONE_BASE_DOMAIN", "example.org"),
                Map.entry("DIALTONE_SUBDOMAIN", "support"),
                Map.entry("DIALTONE_ADMIN_EMAIL", "ops@example.org"),
                Map.entry("DIALTONE_ADMIN_PASSWORD", "a long enough password"),
                Map.entry("DIALTONE_ADMIN_TOKEN", "token-0123456789abcdefghij"),
                Map.entry("DIALTONE_DATABASE_URL", "jdbc:postgresql://db/dialtone?password=pw"),
                Map.entry("DIALTONE_DATABASE_POOL_SIZE", "20"),
                Map.entry("DIALTONE_DATABASE_TIMEOUT_MS", "750"),
                Map.entry("DIALTONE_TRUSTED_PROXIES", "10.0.0.0/8, fd00::/8"),
                Map.entry("DIALTONE_RATE_LIMIT_SUPPORT", "400"),
                Map.entry("DIALTONE_RATE_LIMIT_TALK", "9000"),
                Map.entry("DIALTONE_RATE_LIMIT_SYNC_MS", "250")),
            List.of());

    assertThat(config)
        .isEqualTo(
            new Config(
                9090,
                Path.of("/var/lib/dialtone"),
                "example.org",
                "support",
                "ops@example.org",
                "a long enough password",
                "token-0123456789abcdefghij",
                "jdbc:postgresql://db/dialtone?password=pw",
                20,
                Duration.ofMillis(750),
                20,
                TrustedProxies.parse("10.0.0.0/8,fd00::/8"),
                null,
                null,
                false,
                400,
                9000,
                Duration.ofMillis(250),
                null));
  }

  @Test
  void trustedProxiesFlag_winsOverItsVariable() {
    Config config =
        ConfigLoader.load(
            Map.of("DIALTONE_TRUSTED_PROXIES", "10.0.0.0/8"),
            List.of("--trusted-proxies", "127.0.0.1/32,::1"));

    assertThat(config.trustedProxies()).isEqualTo(TrustedProxies.parse("127.0.0.1/32,::1"));
    assertThat(ConfigLoader.describe(config)).contains("DIALTONE_TRUSTED_PROXIES=127.0.0.1/32,::1");
    assertThat(ConfigLoader.usage())
        .contains("DIALTONE_TRUSTED_PROXIES")
        .contains("--trusted-proxies");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "10.0.0.0/33",
        "10.0.0.0/",
        "10.0.0/8",
        "localhost",
        "10.0.0.1/8",
        "fd00::/129",
        "10.0.0.0/8,,::1",
        "10.0.0.0/8 ::1",
        "fe80::1%eth0"
      })
  void trustedProxiesThatAreNotCidrRanges_stopTheStartWithOneLineNamingTheSetting(String value) {
    assertThatThrownBy(
            () -> ConfigLoader.load(Map.of("DIALTONE_TRUSTED_PROXIES", value), List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("DIALTONE_TRUSTED_PROXIES (--trusted-proxies) ")
        .hasMessageNotContaining("\n");
  }

  @Test
  void defaults_matchTheEmbeddingDefaults() {
    Config loaded = ConfigLoader.load(Map.of(), List.of());
    Config embedded = Config.defaults(Path.of("./data"));

    assertThat(embedded.trustedProxies()).isEqualTo(loaded.trustedProxies());
    assertThat(embedded.rateLimitSupport()).isEqualTo(loaded.rateLimitSupport());
    assertThat(embedded.rateLimitTalk()).isEqualTo(loaded.rateLimitTalk());
    assertThat(embedded.rateLimitSync()).isEqualTo(loaded.rateLimitSync());
  }

  @Test
  void rateLimitFlags_setTheLimits_andZeroTurnsABucketOff() {
    Config config =
        ConfigLoader.load(
            Map.of("DIALTONE_RATE_LIMIT_SUPPORT", "100"),
            List.of("--rate-limit-support=0", "--rate-limit-talk", "0", "--rate-limit-sync-ms=50"));

    assertThat(config.rateLimitSupport()).isZero();
    assertThat(config.rateLimitTalk()).isZero();
    assertThat(config.rateLimitSync()).isEqualTo(Duration.ofMillis(50));
  }

  @ParameterizedTest
  @ValueSource(strings = {"DIALTONE_RATE_LIMIT_SUPPORT", "DIALTONE_RATE_LIMIT_TALK"})
  void rateLimitThatIsNotAWholeNumberOfAtLeastZero_isAnError(String variable) {
    for (String value : List.of("-1", "lots", "1.5", "", "99999999999")) {
      assertThatThrownBy(() -> ConfigLoader.load(Map.of(variable, value), List.of()))
          .as(value)
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining(variable)
          .hasMessageContaining("at least 0");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "9", "soon"})
  void syncIntervalBelowTenMilliseconds_isAnError(String value) {
    assertThatThrownBy(
            () -> ConfigLoader.load(Map.of("DIALTONE_RATE_LIMIT_SYNC_MS", value), List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("DIALTONE_RATE_LIMIT_SYNC_MS");
  }

  @Test
  void otherEnvironmentVariables_areIgnored() {
    Config config = ConfigLoader.load(Map.of("PATH", "/bin", "DIALTONEX", "1"), List.of());

    assertThat(config.port()).isEqualTo(8080);
  }

  @Test
  void flag_winsOverItsEnvironmentVariable() {
    Map<String, String> env = Map.of("DIALTONE_PORT", "9090", "DIALTONE_SUBDOMAIN", "env");

    assertThat(ConfigLoader.load(env, List.of("--port", "7070")).port()).isEqualTo(7070);
    assertThat(ConfigLoader.load(env, List.of("--port=7071")).port()).isEqualTo(7071);
    assertThat(ConfigLoader.load(env, List.of("--subdomain", "flag")).subdomain())
        .isEqualTo("flag");
    assertThat(ConfigLoader.load(env, List.of()).port()).isEqualTo(9090);
  }

  @Test
  void unknownDialtoneVariable_isAnErrorNamingIt() {
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("DIALTONE_PROT", "80"), List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("DIALTONE_PROT")
        .hasMessageContaining("DIALTONE_PORT");
  }

  @Test
  void unknownFlag_isAnError() {
    assertThatThrownBy(() -> ConfigLoader.load(Map.of(), List.of("--prot", "80")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("--prot");
  }

  @Test
  void misspeltFlag_suggestsTheNearestOne() {
    assertThatThrownBy(() -> ConfigLoader.load(Map.of(), List.of("--data-dri", "/tmp/x")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("unknown flag --data-dri; did you mean --data-dir?");
  }

  @Test
  void misspeltVariable_suggestsTheNearestOne() {
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("DIALTONE_DATABSE_URL", "x"), List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "unknown environment variable DIALTONE_DATABSE_URL; did you mean"
                + " DIALTONE_DATABASE_URL?");
  }

  @Test
  void hostFlag_setsTheBindAddress() {
    assertThat(ConfigLoader.load(Map.of(), List.of("--host", "127.0.0.1")).host())
        .isEqualTo("127.0.0.1");
    assertThat(ConfigLoader.load(Map.of(), List.of()).host()).isNull();
  }

  @Test
  void flagWithoutValue_isAnError() {
    assertThatThrownBy(() -> ConfigLoader.load(Map.of(), List.of("--port")))
        .isInstanceOf(ConfigException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http", "-1", "65536", ""})
  void portThatIsNotAPortNumber_isAnError(String port) {
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("DIALTONE_PORT", port), List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("DIALTONE_PORT");
  }

  @Test
  void blankSubdomain_isAnError() {
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("DIALTONE_SUBDOMAIN", " "), List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("DIALTONE_SUBDOMAIN");
  }

  @Test
  void describe_masksSecretsAndShowsTheRest() {
    Config config =
        ConfigLoader.load(
            Map.of(
                "DIALTONE_ADMIN_PASSWORD", "hunter2-secret",
                "DIALTONE_ADMIN_TOKEN", "tok-0123456789-abcdefgh"),
            List.of("--port", "9999"));

    String described = ConfigLoader.describe(config);

    assertThat(described)
        .doesNotContain("hunter2-secret")
        .doesNotContain("tok-0123456789")
        .contains("DIALTONE_ADMIN_PASSWORD=********")
        .contains("DIALTONE_ADMIN_TOKEN=********")
        .contains("DIALTONE_PORT=9999")
        .contains("DIALTONE_SUBDOMAIN=dialtone")
        .contains("DIALTONE_RATE_LIMIT_SUPPORT=700")
        .contains("DIALTONE_RATE_LIMIT_TALK=15000")
        .contains("DIALTONE_RATE_LIMIT_SYNC_MS=1000");
  }

  @Test
  void describe_saysWhenSecretsWillBeGenerated() {
    String described = ConfigLoader.describe(ConfigLoader.load(Map.of(), List.of()));

    assertThat(described)
        .contains("DIALTONE_ADMIN_PASSWORD=(generate)")
        .contains("DIALTONE_ADMIN_TOKEN=(generate)");
  }

  @Test
  void describe_masksTheDatabasePassword() {
    Config config =
        ConfigLoader.load(
            Map.of(
                "DIALTONE_DATABASE_URL",
                "jdbc:postgresql://db:5432/dialtone?user=dialtone&password=hunter2&ssl=true"),
            List.of());

    String described = ConfigLoader.describe(config);

    assertThat(described)
        .contains("jdbc:postgresql://db:5432/dialtone?user=dialtone&password=********&ssl=true")
        .doesNotContain("hunter2");
  }

  @Test
  void aPoolOfZero_isAnError() {
    assertThatThrownBy(
            () -> ConfigLoader.load(Map.of("DIALTONE_DATABASE_POOL_SIZE", "0"), List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("DIALTONE_DATABASE_POOL_SIZE");
  }

  @Test
  void usage_namesEverySettingWithItsFlag() {
    String usage = ConfigLoader.usage();

    for (Setting setting : Setting.values()) {
      assertThat(usage).contains(setting.envName()).contains(setting.flag());
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "DIALTONE_ADMIN_EMAIL|notanemail",
        "DIALTONE_ADMIN_EMAIL|@",
        "DIALTONE_SUBDOMAIN|Bad_Sub!",
        "DIALTONE_ADMIN_PASSWORD|x",
        "DIALTONE_ADMIN_TOKEN|short",
        "DIALTONE_ADMIN_TOKEN|token with spaces 0123456789"
      })
  void weakOrMalformedCredentials_stopTheStart_inOneLineNamingTheSetting(
      String variable, String value) {
    assertThatThrownBy(() -> ConfigLoader.load(Map.of(variable, value), List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(variable)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void aWeakPasswordFlag_isRefusedLikeTheVariable() {
    assertThatThrownBy(() -> ConfigLoader.load(Map.of(), List.of("--admin-email", "notanemail")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("--admin-email");
  }
}
