package dev.dialtone.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialtone.DialtoneServer;
import dev.dialtone.config.Config;
import dev.dialtone.testing.Api;
import dev.dialtone.testing.TestPostgres;
import dev.dialtone.testing.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterStartTest {
  @TempDir Path dataDir;

  @Test
  void nodesStartingTogetherOnAnEmptyDatabase_migrateOnceAndCreateOneAccount() throws Exception {
    String url = TestPostgres.newDatabase();
    Config config =
        Config.defaults(dataDir)
            .withAdmin(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD, TestServer.ADMIN_TOKEN)
            .withDatabaseUrl(url);
    int nodes = 4;
    CyclicBarrier together = new CyclicBarrier(nodes);
    List<CompletableFuture<DialtoneServer>> starting = new ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      starting.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  together.await(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
                return DialtoneServer.create(config).start();
              }));
    }
    List<DialtoneServer> servers = new ArrayList<>();
    try {
      for (CompletableFuture<DialtoneServer> start : starting) {
        servers.add(start.get(60, TimeUnit.SECONDS));
      }

      long created = servers.stream().filter(s -> s.firstStart() != null).count();
      assertThat(created).as("nodes that created the default account").isEqualTo(1);
      for (DialtoneServer server : servers) {
        Api api = new Api(server.port()).withToken(TestServer.ADMIN_EMAIL, TestServer.ADMIN_TOKEN);
        assertThat(api.get("/api/v2/users/me").status()).isEqualTo(200);
      }
      Api any =
          new Api(servers.get(0).port()).withToken(TestServer.ADMIN_EMAIL, TestServer.ADMIN_TOKEN);
      assertThat(
              any.get("/api/v2/users/search?query=admin@example.com").json().get("count").asInt())
          .isEqualTo(1);
    } finally {
      servers.forEach(DialtoneServer::close);
    }
  }
}
