package dev.dialtone.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialtone.http.TrustedProxies;
import dev.dialtone.testing.Api;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignInThrottleApiTest {
  @TempDir Path dataDir;

  @Test
  void anAddressThatKeepsGuessing_isRefusedEvenWithTheRightPassword() {
    try (TestServer server = TestServer.start(dataDir, config -> config.withSignInFailures(3))) {
      Api guesser = server.anonymous().withBasic(TestServer.ADMIN_EMAIL, "wrong password");
      for (int i = 0; i < 3; i++) {
        assertThat(guesser.get("/api/v2/users/me").status()).isEqualTo(401);
      }

      Response refused =
          server
              .anonymous()
              .withBasic(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD)
              .get("/api/v2/users/me");

      assertThat(refused.status()).isEqualTo(429);
      assertThat(refused.json().get("error").asText()).isEqualTo("TooManyRequests");
      assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
    }
  }

  @Test
  void aForgedForwardedFor_sentStraightToANode_isIgnored() {
    try (TestServer server = TestServer.start(dataDir, config -> config.withSignInFailures(3))) {
      for (int i = 0; i < 3; i++) {
        Response guess =
            server
                .anonymous()
                .withHeader("X-Forwarded-For", "198.51.100." + i)
                .withBasic(TestServer.ADMIN_EMAIL, "wrong password")
                .get("/api/v2/users/me");
        assertThat(guess.status()).isEqualTo(401);
      }

      Response refused =
          server
              .anonymous()
              .withHeader("X-Forwarded-For", "203.0.113.7")
              .withBasic(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD)
              .get("/api/v2/users/me");

      assertThat(refused.status()).isEqualTo(429);
    }
  }

  @Test
  void fromATrustedProxy_theForwardedClientIsCounted_notTheProxy() {
    try (TestServer server =
        TestServer.start(
            dataDir,
            config ->
                config
                    .withSignInFailures(3)
                    .withTrustedProxies(TrustedProxies.parse("127.0.0.0/8,::1")))) {
      Api guesser =
          server
              .anonymous()
              .withHeader("X-Forwarded-For", "198.51.100.1")
              .withBasic(TestServer.ADMIN_EMAIL, "wrong password");
      for (int i = 0; i < 3; i++) {
        assertThat(guesser.get("/api/v2/users/me").status()).isEqualTo(401);
      }
      Api other =
          server
              .anonymous()
              .withHeader("X-Forwarded-For", "198.51.100.2")
              .withBasic(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
      Api sameClient =
          server
              .anonymous()
              .withHeader("X-Forwarded-For", "198.51.100.1")
              .withBasic(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);

      assertThat(other.get("/api/v2/users/me").status()).isEqualTo(200);
      assertThat(sameClient.get("/api/v2/users/me").status()).isEqualTo(429);
    }
  }

  @Test
  void requestsWithoutCredentials_doNotCountAsFailedSignIns() {
    try (TestServer server = TestServer.start(dataDir, config -> config.withSignInFailures(3))) {
      for (int i = 0; i < 5; i++) {
        assertThat(server.anonymous().get("/api/v2/users/me").status()).isEqualTo(401);
      }

      assertThat(server.admin().get("/api/v2/users/me").status()).isEqualTo(200);
    }
  }
}
