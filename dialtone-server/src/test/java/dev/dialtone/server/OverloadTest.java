package dev.dialtone.server;

import static dev.dialtone.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dialtone.testing.Api;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.Rows;
import dev.dialtone.testing.TestServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the database cannot take a write in time (here another session holds the lock), requests
 * fail fast with 503 and {@code Retry-After} instead of piling up, reads go on, and the server
 * recovers by itself when the pressure ends.
 */
class OverloadTest {
  static final String CALL =
      json(
          "{'call': {'app_id': 1, 'call_started_at': '2022-01-27T15:31:40Z',"
              + " 'direction': 'inbound', 'from_line': '+16617480123', 'to_line': '+16617480124'}}");

  @TempDir Path dataDir;

  @Test
  void aBlockedDatabase_answers503Fast_andTheServerRecoversByItself() throws Exception {
    try (TestServer server =
        TestServer.start(dataDir, config -> config.withDatabaseTimeout(Duration.ofMillis(500)))) {
      Api api = server.admin();
      long id = api.post("/api/v2/calls", CALL).json().at("/call/id").asLong();

      Response refused;
      long took;
      try (Connection blocker = Rows.holdWriteLock(server.dataDir())) {
        long started = System.nanoTime();
        refused = api.post("/api/v2/calls", CALL);
        took = Duration.ofNanos(System.nanoTime() - started).toMillis();

        assertThat(api.get("/api/v2/calls/" + id).status()).as("reads go on").isEqualTo(200);
        blocker.rollback();
      }

      assertThat(refused.status()).isEqualTo(503);
      assertThat(refused.json().get("error").asText()).isEqualTo("ServiceUnavailable");
      assertThat(Integer.parseInt(refused.header("Retry-After"))).isPositive();
      assertThat(took).as("milliseconds to answer").isLessThan(3_000);
      assertThat(api.post("/api/v2/calls", CALL).status()).as("after the pressure").isEqualTo(201);
    }
  }
}
