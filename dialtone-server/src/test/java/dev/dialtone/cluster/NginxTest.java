package dev.dialtone.cluster;

import static dev.dialtone.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dialtone.config.Config;
import dev.dialtone.http.TrustedProxies;
import dev.dialtone.testing.Api;
import dev.dialtone.testing.TestServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nginx configuration the README tells users to copy ({@code docs/nginx/dialtone.conf}), tested
 * as written in front of two nodes: requests spread over both, accounts by host still work, and
 * losing a node loses no service; with {@code DIALTONE_TRUSTED_PROXIES} naming nginx, the sign-in
 * throttle tells its clients apart. Needs nginx (CI installs it).
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

  @Test
  void behindTheDocumentedConfiguration_oneClientsWrongPasswordsLockOutOnlyThatClient()
      throws Exception {
    Path nginx = findNginx();
    assumeTrue(nginx != null, "nginx is not installed");
    UnaryOperator<Config> settings =
        config ->
            config.withSignInFailures(3).withTrustedProxies(TrustedProxies.parse("127.0.0.1/32"));
    try (TestServer nodeA = TestServer.startOnPostgres(dirA, Clock.systemUTC(), settings);
        TestServer nodeB = nodeA.secondNode(dirB)) {
      int port = freePort();
      Process process = startNginx(nginx, port, nodeA.port(), nodeB.port());
      try {
        waitUntilListening(port);
        String wrong = TestServer.ADMIN_EMAIL + ":wrong password";
        String right = TestServer.ADMIN_EMAIL + ":" + TestServer.ADMIN_PASSWORD;
        // Both clients reach nginx on loopback, from addresses of their own. Client A also
        // claims to be client B: nginx appends A's real address, and only that is believed.
        int refusedInARow = 0;
        for (int i = 0; i < 20 && refusedInARow < 2; i++) {
          int status = signIn("127.0.0.2", port, wrong, "127.0.0.3");
          assertThat(status).isIn(401, 429);
          refusedInARow = status == 429 ? refusedInARow + 1 : 0;
        }
        assertThat(refusedInARow).as("client A throttled on both nodes").isEqualTo(2);
        assertThat(signIn("127.0.0.2", port, right, null)).isEqualTo(429);
        assertThat(signIn("127.0.0.2", port, right, null)).isEqualTo(429);

        assertThat(signIn("127.0.0.3", port, right, null)).as("client B").isEqualTo(200);
        assertThat(signIn("127.0.0.3", port, right, null)).as("client B").isEqualTo(200);
      } finally {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  /**
   * The status of {@code GET /api/v2/users/me} with these Basic credentials, sent through nginx
   * from a socket bound to {@code from}, with an {@code X-Forwarded-For} of its own when given.
   */
  private static int signIn(String from, int port, String credentials, String forwardedFor)
      throws IOException {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(from, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(10_000);
      String request =
          "GET /api/v2/users/me HTTP/1.1\r\nHost: localhost:"
              + port
              + "\r\nAuthorization: Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))
              + "\r\n"
              + (forwardedFor == null ? "" : "X-Forwarded-For: " + forwardedFor + "\r\n")
              + "Connection: close\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      BufferedReader reader =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      String statusLine = reader.readLine();
      assertThat(statusLine).startsWith("HTTP/1.1 ");
      return Integer.parseInt(statusLine.substring(9, 12));
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
