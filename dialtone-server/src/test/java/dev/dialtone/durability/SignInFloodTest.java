package dev.dialtone.durability;

import static dev.dialtone.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dialtone.testing.Api;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many wrong passwords at once, against a server whose heap is small: each password check is
 * memory-hard on purpose, so only a few may run at once and the rest are answered straight away.
 */
class SignInFloodTest {
  private static final int GUESSES = 200;
  private static final int ALLOWED_FAILURES = 20;
  private static final String OTHER_TOKEN = "othertoken0123456789abcdefghijklmnopqrs";
  private static final String OTHER_PASSWORD = "another long enough password";

  @TempDir Path dir;

  @Test
  void parallelWrongPasswords_areRefusedWithoutRunningOutOfMemory_andOthersStillSignIn()
      throws Exception {
    Path log = dir.resolve("dialtone.log");
    DialtoneProcess server =
        DialtoneProcess.start(
            dir.resolve("data"), null, log, List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"));
    try {
      Api admin = new Api(server.port()).withToken(TestServer.ADMIN_EMAIL, TestServer.ADMIN_TOKEN);
      Response other =
          admin.post(
              "/_dialtone/accounts",
              json(
                  "{'account': {'subdomain': 'other', 'admin_email': 'o@other.test',"
                      + " 'admin_token': '"
                      + OTHER_TOKEN
                      + "', 'admin_password': '"
                      + OTHER_PASSWORD
                      + "'}}"));
      assertThat(other.status()).as(other.toString()).isEqualTo(201);

      HttpClient client =
          HttpClient.newBuilder()
              .executor(Executors.newFixedThreadPool(8))
              .connectTimeout(Duration.ofSeconds(10))
              .build();
      HttpRequest guess =
          HttpRequest.newBuilder(
                  URI.create("http://localhost:" + server.port() + "/api/v2/users/me"))
              .header("Authorization", basic(TestServer.ADMIN_EMAIL, "wrong password"))
              .timeout(Duration.ofSeconds(120))
              .build();
      List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
      for (int i = 0; i < GUESSES; i++) {
        sent.add(client.sendAsync(guess, HttpResponse.BodyHandlers.ofString()));
      }

      // During the flood, the other account's admin still gets in: its token at once, its
      // password once a check slot is free.
      Api otherAdmin = new Api(server.port()).forAccount("other");
      assertThat(otherAdmin.withToken("o@other.test", OTHER_TOKEN).get("/api/v2/users/me").status())
          .isEqualTo(200);
      assertThat(signInWithPassword(otherAdmin.withBasic("o@other.test", OTHER_PASSWORD)))
          .isEqualTo(200);

      Map<Integer, Integer> statuses = new TreeMap<>();
      for (CompletableFuture<HttpResponse<String>> response : sent) {
        statuses.merge(response.get().statusCode(), 1, Integer::sum);
      }
      assertThat(statuses.keySet()).as(statuses.toString()).allMatch(s -> s == 401 || s == 429);
      assertThat(statuses.getOrDefault(401, 0))
          .as(statuses.toString())
          .isBetween(1, ALLOWED_FAILURES);
      assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
      assertThat(
              otherAdmin.withBasic("o@other.test", OTHER_PASSWORD).get("/api/v2/users/me").status())
          .isEqualTo(200);
    } finally {
      server.stop();
    }
  }

  /** Retries while every password check slot is busy, as Retry-After asks. */
  private static int signInWithPassword(Api api) throws InterruptedException {
    for (int attempt = 0; attempt < 30; attempt++) {
      Response response = api.get("/api/v2/users/me");
      if (response.status() != 429) {
        return response.status();
      }
      Thread.sleep(1000L * Integer.parseInt(response.header("Retry-After")));
    }
    return 429;
  }

  private static String basic(String user, String secret) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }
}
