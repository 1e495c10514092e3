package dev.dialtone.cluster;

import static dev.dialtone.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dialtone.testing.Api;
import dev.dialtone.testing.TestServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nginx configuration the README tells users to copy ({@code docs/nginx/dialtone.conf}), tested
 * as written in front of two nodes: requests spread over both, accounts by host still work, and
 * losing a node loses no service. Needs nginx (CI installs it).
 */
class NginxTest {
  @TempDir Path dirA;
  @TempDir Path dirB;
  @TempDir Path nginxDir;

  @Test
  void theDocumentedConfiguration_servesTwoNodesAsOne() throws Exception {
    Path nginx = findNginx();
    assumeTrue(nginx != null, "nginx is not installed");
    try (TestServer nodeA = TestServer.startOnPostgres(dirA);
        TestServer nodeB = nodeA.secondNode(dirB)) {
      int port = freePort();
      Process process = startNginx(nginx, port, nodeA.port(), nodeB.port());
      try {
        Api api = new Api(port).withToken(TestServer.ADMIN_EMAIL, TestServer.ADMIN_TOKEN);
        waitUntilListening(port);
        long id =
            api.post(
                    "/api/v2/calls",
                    json(
                        "{'call': {'app_id': 1, 'call_started_at': '2022-01-27T15:31:40Z',"
                            + " 'direction': 'inbound', 'from_line': '+16617480123',"
                            + " 'to_line': '+16617480124'}}"))
                .json()
                .at("/call/id")
                .asLong();
        for (int i = 0; i < 6; i++) {
          assertThat(api.get("/api/v2/calls/" + id).status()).isEqualTo(200);
        }

        api.post(
            "/_dialtone/accounts",
            json(
                "{'account': {'subdomain': 'acme', 'admin_email': 'a@acme.test',"
                    + " 'admin_token': 'acme-token-0123456789'}}"));
        Api acme =
            new Api(port)
                .withToken("a@acme.test", "acme-token-0123456789")
                .withHeader("Host", "acme.localhost:" + port);
        assertThat(acme.get("/api/v2/users/me").json().at("/user/email").asText())
            .isEqualTo("a@acme.test");
        assertThat(acme.get("/api/v2/calls/" + id).status()).isEqualTo(404);

        nodeA.close();
        for (int i = 0; i < 6; i++) {
          assertThat(api.get("/api/v2/calls/" + id).status()).as("with node A down").isEqualTo(200);
        }
      } finally {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private Process startNginx(Path nginx, int port, int nodeA, int nodeB) throws IOException {
    String documented = Files.readString(Path.of("..", "docs", "nginx", "dialtone.conf"));
    String site =
        documented
            .replace("listen 80;", "listen 127.0.0.1:" + port + ";")
            .replace("127.0.0.1:8081", "127.0.0.1:" + nodeA)
            .replace("127.0.0.1:8082", "127.0.0.1:" + nodeB);
    assertThat(site).contains("127.0.0.1:" + nodeA).contains("127.0.0.1:" + nodeB);
    String temp = nginxDir.toAbsolutePath().toString();
    String conf =
        "daemon off;\nworker_processes 1;\npid "
            + temp
            + "/nginx.pid;\nerror_log "
            + temp
            + "/error.log;\nevents {}\nhttp {\n  access_log off;\n"
            + "  client_body_temp_path "
            + temp
            + "/body;\n  proxy_temp_path "
            + temp
            + "/proxy;\n  fastcgi_temp_path "
            + temp
            + "/fastcgi;\n  uwsgi_temp_path "
            + temp
            + "/uwsgi;\n  scgi_temp_path "
            + temp
            + "/scgi;\n"
            + site
            + "\n}\n";
    Path file = nginxDir.resolve("nginx.conf");
    Files.writeString(file, conf);
    return new ProcessBuilder(nginx.toString(), "-p", temp, "-c", file.toString())
        .redirectErrorStream(true)
        .redirectOutput(nginxDir.resolve("out.log").toFile())
        .start();
  }

  private static Path findNginx() {
    for (String candidate :
        new String[] {"/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx"}) {
      if (Files.isExecutable(Path.of(candidate))) {
        return Path.of(candidate);
      }
    }
    return null;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void waitUntilListening(int port) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      try (Socket socket = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException e) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("nginx did not start on port " + port);
  }
}
