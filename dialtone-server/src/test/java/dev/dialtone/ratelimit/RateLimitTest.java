package dev.dialtone.ratelimit;

import static dev.dialtone.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dialtone.testing.Api;
import dev.dialtone.testing.Calls;
import dev.dialtone.testing.ManualClock;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.Rows;
import dev.dialtone.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-account rate limits and their headers (docs/api.md), on a clock the test moves. */
class RateLimitTest {
  static final int SUPPORT = 5;
  static final int TALK = 8;
  static final String TOO_MANY_SUPPORT =
      "{\"error\":\"TooManyRequests\",\"description\":\"Number of allowed API requests per minute"
          + " exceeded\"}";
  static final String TOO_MANY_TALK =
      "{\"error\":\"TooManyRequests\",\"description\":\"Number of allowed Talk API requests per 5"
          + " minutes exceeded\"}";
  static final AtomicInteger ACCOUNTS = new AtomicInteger();

  @TempDir static Path dataDir;
  static final ManualClock clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
  static TestServer server;
  static Api admin;

  @BeforeAll
  static void start() {
    // The timer never fires during the test: on one node, counting needs no sync to be exact.
    server =
        TestServer.start(
            dataDir,
            clock,
            config -> config.withRateLimits(SUPPORT, TALK).withRateLimitSync(Duration.ofHours(1)));
    admin = server.admin();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Each test starts at the start of fresh windows of both buckets. */
  @BeforeEach
  void nextWindow() {
    long fiveMinutes = Duration.ofMinutes(5).toMillis();
    long now = clock.instant().toEpochMilli();
    clock.set(Instant.ofEpochMilli((now / fiveMinutes + 1) * fiveMinutes));
  }

  @Test
  void everyAnswer_carriesTheQuota_andRemainingCountsDown() {
    for (int i = 1; i <= 3; i++) {
      Response response = admin.get("/api/v2/users/me");

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.header("X-Rate-Limit")).isEqualTo("5");
      assertThat(response.header("X-Rate-Limit-Remaining")).isEqualTo(String.valueOf(5 - i));
      assertThat(response.header("ratelimit-limit")).isEqualTo("5");
      assertThat(response.header("ratelimit-remaining")).isEqualTo(String.valueOf(5 - i));
      assertThat(response.header("ratelimit-reset")).isEqualTo("60");
    }

    clock.advance(Duration.ofMillis(15_500));
    Response later = admin.get("/api/v2/users/me");

    assertThat(later.header("X-Rate-Limit-Remaining")).isEqualTo("1");
    assertThat(later.header("ratelimit-reset")).isEqualTo("45");
  }

  @Test
  void errorAnswers_carryTheQuotaToo() {
    Response notFound = admin.get("/api/v2/users/1");
    Response invalid = admin.post("/api/v2/users", json("{'user': {}}"));
    Response unauthenticated = server.anonymous().get("/api/v2/users/me");

    assertThat(notFound.status()).isEqualTo(404);
    assertThat(notFound.header("X-Rate-Limit-Remaining")).isEqualTo("4");
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.header("X-Rate-Limit-Remaining")).isEqualTo("3");
    // Failed sign-ins are shown the quota but do not spend it.
    assertThat(unauthenticated.status()).isEqualTo(401);
    assertThat(unauthenticated.header("X-Rate-Limit")).isEqualTo("5");
    assertThat(unauthenticated.header("X-Rate-Limit-Remaining")).isEqualTo("3");
    assertThat(unauthenticated.header("ratelimit-reset")).isEqualTo("60");
    assertThat(admin.get("/api/v2/users/me").header("X-Rate-Limit-Remaining")).isEqualTo("2");
  }

  @Test
  void answersWithoutAKnownAccount_orOutsideTheApi_haveNoQuota() {
    Response unknownAccount = admin.forAccount("nosuchaccount").get("/api/v2/users/me");
    Response unknownRoute = admin.get("/api/v2/nowhere");
    Response own = server.anonymous().get("/_dialtone/health/ready");

    assertThat(unknownAccount.status()).isEqualTo(404);
    assertThat(unknownRoute.status()).isEqualTo(404);
    assertThat(own.status()).isEqualTo(200);
    for (Response response : new Response[] {unknownAccount, unknownRoute, own}) {
      assertThat(response.header("X-Rate-Limit")).isNull();
      assertThat(response.header("ratelimit-remaining")).isNull();
    }
  }

  @Test
  void theRequestPastTheLimit_is429WithRetryAfterUntilTheWindowEnds() {
    for (int i = 0; i < SUPPORT; i++) {
      assertThat(admin.get("/api/v2/users/me").status()).isEqualTo(200);
    }
    clock.advance(Duration.ofMillis(20_300));

    Response limited = admin.get("/api/v2/users/me");

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.body()).isEqualTo(TOO_MANY_SUPPORT);
    assertThat(limited.mediaType()).isEqualTo("application/json");
    assertThat(limited.header("Retry-After")).isEqualTo("40");
    assertThat(limited.header("X-Rate-Limit")).isEqualTo("5");
    assertThat(limited.header("X-Rate-Limit-Remaining")).isEqualTo("0");
    assertThat(limited.header("ratelimit-remaining")).isEqualTo("0");
    assertThat(limited.header("ratelimit-reset")).isEqualTo("40");
    assertThat(limited.header("X-Request-Id")).isNotBlank();

    clock.advance(Duration.ofMillis(39_500));
    assertThat(admin.get("/api/v2/tickets").header("Retry-After")).isEqualTo("1");
  }

  @Test
  void theNextWindow_startsAfresh() {
    for (int i = 0; i < SUPPORT; i++) {
      admin.get("/api/v2/users/me");
    }
    assertThat(admin.get("/api/v2/users/me").status()).isEqualTo(429);

    clock.advance(Duration.ofMinutes(1));
    Response next = admin.get("/api/v2/users/me");

    assertThat(next.status()).isEqualTo(200);
    assertThat(next.header("X-Rate-Limit-Remaining")).isEqualTo("4");
  }

  @Test
  void talkEndpoints_spendTheirOwnBucket() {
    for (int i = 0; i < SUPPORT; i++) {
      admin.get("/api/v2/users/me");
    }
    assertThat(admin.get("/api/v2/tickets").status()).isEqualTo(429);

    Response created = admin.post("/api/v2/calls", Calls.MINIMAL);
    long id = created.json().at("/call/id").asLong();
    Response read = admin.get("/api/v2/calls/" + id + ".json");
    Response voice = admin.post("/api/v2/channels/voice/tickets", json("{'ticket': {}}"));

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("X-Rate-Limit")).isEqualTo("8");
    assertThat(created.header("X-Rate-Limit-Remaining")).isEqualTo("7");
    assertThat(created.header("ratelimit-reset")).isEqualTo("300");
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.header("X-Rate-Limit-Remaining")).isEqualTo("6");
    assertThat(voice.status()).isEqualTo(422);
    assertThat(voice.header("X-Rate-Limit-Remaining")).isEqualTo("5");
  }

  @Test
  void theTalkBucket_isLimitedPerFiveMinutes() {
    for (int i = 0; i < TALK; i++) {
      assertThat(admin.get("/api/v2/calls/1").status()).isEqualTo(404);
    }
    clock.advance(Duration.ofMinutes(4));

    Response limited = admin.get("/api/v2/calls/1");

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.body()).isEqualTo(TOO_MANY_TALK);
    assertThat(limited.header("Retry-After")).isEqualTo("60");
    assertThat(admin.get("/api/v2/users/me").status()).isEqualTo(200);
  }

  @Test
  void aRateLimitedPost_writesNothing() {
    String subdomain = newAccount();
    Api api = accountApi(subdomain);
    setLimits(subdomain, "{'account': {'rate_limit_talk': 1}}");
    long accountId = accountId(subdomain);

    assertThat(api.post("/api/v2/calls", Calls.MINIMAL).status()).isEqualTo(201);
    Response limited = api.post("/api/v2/calls", Calls.MINIMAL);

    assertThat(limited.status()).isEqualTo(429);
    assertThat(Rows.count(dataDir, "calls", "account_id = ?", accountId)).isEqualTo(1);
  }

  @Test
  void anAccountsOwnLimit_appliesToItAlone() {
    String subdomain = newAccount();
    Api api = accountApi(subdomain);

    Response set =
        setLimits(subdomain, "{'account': {'rate_limit_support': 2, 'rate_limit_calls': 1}}");

    assertThat(set.status()).as(set.toString()).isEqualTo(200);
    assertThat(set.header("X-Dialtone-Ignored-Fields")).isEqualTo("rate_limit_calls");
    assertThat(set.json().at("/account/rate_limit_support").asInt()).isEqualTo(2);
    assertThat(set.json().at("/account/rate_limit_talk").isNull()).isTrue();
    assertThat(api.get("/api/v2/users/me").header("X-Rate-Limit")).isEqualTo("2");
    assertThat(api.get("/api/v2/users/me").status()).isEqualTo(200);
    assertThat(api.get("/api/v2/users/me").status()).isEqualTo(429);
    // Its Talk bucket keeps the setting, and the default account keeps all of its own.
    assertThat(api.get("/api/v2/calls/1").header("X-Rate-Limit")).isEqualTo("8");
    Response other = admin.get("/api/v2/users/me");
    assertThat(other.status()).isEqualTo(200);
    assertThat(other.header("X-Rate-Limit")).isEqualTo("5");
    assertThat(other.header("X-Rate-Limit-Remaining")).isEqualTo("4");

    Response cleared = setLimits(subdomain, "{'account': {'rate_limit_support': null}}");

    assertThat(cleared.json().at("/account/rate_limit_support").isNull()).isTrue();
    Response again = api.get("/api/v2/users/me");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.header("X-Rate-Limit")).isEqualTo("5");
    assertThat(again.header("X-Rate-Limit-Remaining")).isEqualTo("2");
  }

  @Test
  void aLimitOfZero_turnsTheBucketOff() {
    String subdomain = newAccount();
    Api api = accountApi(subdomain);
    setLimits(subdomain, "{'account': {'rate_limit_support': 0}}");

    for (int i = 0; i < SUPPORT * 3; i++) {
      Response response = api.get("/api/v2/users/me");
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.header("X-Rate-Limit")).isNull();
      assertThat(response.header("ratelimit-reset")).isNull();
    }
    assertThat(api.get("/api/v2/calls/1").header("X-Rate-Limit")).isEqualTo("8");
  }

  @Test
  void zeroInTheSettings_turnsTheBucketOffForEveryAccount(@TempDir Path otherDir) {
    try (TestServer unlimited =
        TestServer.start(otherDir, clock, config -> config.withRateLimits(0, TALK))) {
      Api api = unlimited.admin();
      for (int i = 0; i < SUPPORT * 3; i++) {
        Response response = api.get("/api/v2/users/me");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("X-Rate-Limit")).isNull();
      }
      assertThat(api.get("/api/v2/calls/1").header("X-Rate-Limit")).isEqualTo("8");
    }
  }

  @Test
  void settingLimits_isForTheDefaultAccountsAdmin_withValidValues() {
    String subdomain = newAccount();

    Response fromOtherAccount =
        accountApi(subdomain)
            .patch(
                "/_dialtone/accounts/" + subdomain,
                json("{'account': {'rate_limit_support': 100}}"));
    Response unknown =
        admin.patch("/_dialtone/accounts/nosuch", json("{'account': {'rate_limit_talk': 1}}"));
    Response invalid =
        setLimits(subdomain, "{'account': {'rate_limit_support': -1, 'rate_limit_talk': '10'}}");

    assertThat(fromOtherAccount.status()).isEqualTo(403);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body())
        .isEqualTo("{\"error\":\"RecordNotFound\",\"description\":\"Not found\"}");
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.body())
        .isEqualTo(
            "{\"error\":\"RecordInvalid\",\"description\":\"Record validation errors\","
                + "\"details\":{\"rate_limit_support\":[{\"description\":\"Rate limit support:"
                + " must be from 0 (no limit) to 1000000000\",\"error\":\"InvalidValue\"}],"
                + "\"rate_limit_talk\":[{\"description\":\"Rate limit talk: must be an integer"
                + " or null\",\"error\":\"InvalidType\"}]}}");
  }

  @Test
  void aRestartedNode_takesUpTheWindowsCountAtItsFirstSync() {
    for (int i = 0; i < SUPPORT - 1; i++) {
      admin.get("/api/v2/users/me");
    }

    server.restart();
    admin = server.admin(); // a restart binds another free port
    // A node that has not synced yet knows only its own requests.
    assertThat(admin.get("/api/v2/users/me").header("X-Rate-Limit-Remaining")).isEqualTo("4");
    server.syncRateLimits();

    assertThat(admin.get("/api/v2/users/me").status()).isEqualTo(429);
  }

  static String newAccount() {
    String subdomain = "limits" + ACCOUNTS.incrementAndGet();
    Response created =
        admin.post(
            "/_dialtone/accounts",
            json(
                "{'account': {'subdomain': '"
                    + subdomain
                    + "', 'admin_email': 'a@"
                    + subdomain
                    + ".test', 'admin_token': '"
                    + token(subdomain)
                    + "'}}"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return subdomain;
  }

  static long accountId(String subdomain) {
    return ((Number) Rows.single(dataDir, "SELECT id FROM accounts WHERE subdomain = ?", subdomain))
        .longValue();
  }

  static String token(String subdomain) {
    return subdomain + "-token-0123456789abcdef";
  }

  static Api accountApi(String subdomain) {
    return server
        .anonymous()
        .forAccount(subdomain)
        .withToken("a@" + subdomain + ".test", token(subdomain));
  }

  static Response setLimits(String subdomain, String singleQuotedBody) {
    return admin.patch("/_dialtone/accounts/" + subdomain, json(singleQuotedBody));
  }
}
