package dev.dialtone.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialtone.testing.Api;
import dev.dialtone.testing.ManualClock;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes on one PostgreSQL database share each account's rate limit, within the tolerance the
 * README states: the nodes together admit at most the limit plus what the other node admits in two
 * sync intervals.
 */
class MultiNodeRateLimitTest {
  static final int LIMIT = 10;

  @TempDir Path dirA;
  @TempDir Path dirB;

  @Test
  void alternatingRequestsAcrossNodes_areLimitedWithinTheTolerance() {
    ManualClock clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
    // The timers never fire: the test syncs each node itself after every request it sends there,
    // so one sync interval holds one request per node and the tolerance is 2 requests.
    try (TestServer nodeA =
            TestServer.startOnPostgres(
                dirA,
                clock,
                config ->
                    config.withRateLimits(LIMIT, LIMIT).withRateLimitSync(Duration.ofHours(1)));
        TestServer nodeB = nodeA.secondNode(dirB)) {
      TestServer[] nodes = {nodeA, nodeB};
      int admitted = 0;
      for (int i = 0; i < 4 * LIMIT; i++) {
        TestServer node = nodes[i % 2];
        Response response = node.admin().get("/api/v2/users/me");
        assertThat(response.status()).isIn(200, 429);
        if (response.status() == 200) {
          admitted++;
        }
        node.syncRateLimits();
      }

      assertThat(admitted).isBetween(LIMIT, LIMIT + 2);
      for (TestServer node : nodes) {
        assertThat(node.admin().get("/api/v2/users/me").status()).isEqualTo(429);
      }

      clock.advance(Duration.ofMinutes(1));
      assertThat(nodeA.admin().get("/api/v2/users/me").status()).isEqualTo(200);
      assertThat(nodeB.admin().get("/api/v2/users/me").status()).isEqualTo(200);
    }
  }

  @Test
  void theTimer_sharesEachNodesCounts() throws Exception {
    ManualClock clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
    try (TestServer nodeA =
            TestServer.startOnPostgres(
                dirA,
                clock,
                config ->
                    config.withRateLimits(LIMIT, LIMIT).withRateLimitSync(Duration.ofMillis(20)));
        TestServer nodeB = nodeA.secondNode(dirB)) {
      // Node B counts in this window from its first request on; node A spends the rest.
      assertThat(nodeB.admin().get("/api/v2/users/me").status()).isEqualTo(200);
      Api apiA = nodeA.admin();
      for (int i = 0; i < LIMIT - 1; i++) {
        assertThat(apiA.get("/api/v2/users/me").status()).isEqualTo(200);
      }

      // A request that fails to sign in spends nothing but shows the account's quota as the node
      // sees it: node B learns of node A's requests at the next syncs of both.
      Api anonymousB = nodeB.anonymous();
      String remaining = null;
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (System.nanoTime() < deadline) {
        remaining = anonymousB.get("/api/v2/users/me").header("X-Rate-Limit-Remaining");
        if ("0".equals(remaining)) {
          break;
        }
        Thread.sleep(10);
      }

      assertThat(remaining).isEqualTo("0");
      assertThat(nodeB.admin().get("/api/v2/users/me").status()).isEqualTo(429);
    }
  }
}
