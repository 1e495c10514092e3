package dev.dialtone.auth;

import static dev.dialtone.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dialtone.testing.Api;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No password, token or {@code Authorization} header ever reaches a log line or an error body:
 * everything the server prints while it is signed into, right and wrong, is captured and searched.
 */
class SecretsInLogsTest {
  @TempDir Path dataDir;

  @Test
  void secretsNeverAppearInLogsOrErrorBodies() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
    List<Response> errors = new ArrayList<>();
    String wrongPassword = "wrong-password-7d1f";
    String wrongToken = "wrong-token-0a9c3e";
    String wrongBearer = "wrong-bearer-55aa";
    String bearer;
    System.setOut(capture);
    System.setErr(capture);
    try (TestServer server = TestServer.start(dataDir)) {
      Api admin = server.admin();
      bearer =
          admin
              .post("/api/v2/oauth/tokens", json("{'token': {'scopes': ['read', 'write']}}"))
              .json()
              .at("/token/full_token")
              .asText();
      Api anonymous = server.anonymous();
      errors.add(
          anonymous.withBasic(TestServer.ADMIN_EMAIL, wrongPassword).get("/api/v2/users/me"));
      errors.add(anonymous.withToken(TestServer.ADMIN_EMAIL, wrongToken).get("/api/v2/users/me"));
      errors.add(anonymous.withBearer(wrongBearer).get("/api/v2/users/me"));
      errors.add(anonymous.withBasic("nobody@example.com", wrongPassword).get("/api/v2/calls/1"));
      assertThat(
              anonymous
                  .withBasic(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD)
                  .get("/api/v2/users/me")
                  .status())
          .isEqualTo(200);
      assertThat(anonymous.withBearer(bearer).get("/api/v2/users/me").status()).isEqualTo(200);
      // Failures deeper in: bad input, unknown records, unknown routes, with good credentials.
      errors.add(admin.post("/api/v2/calls", "{\"call\": {"));
      errors.add(admin.post("/api/v2/calls", json("{'call': {'direction': 'sideways'}}")));
      errors.add(admin.get("/api/v2/calls/999"));
      errors.add(admin.get("/api/v2/nowhere"));
      errors.add(
          admin
              .withHeader("Content-Type", "text/plain")
              .post("/api/v2/tickets", "password=" + TestServer.ADMIN_PASSWORD));
      server.restart();
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
    String log = printed.toString(StandardCharsets.UTF_8);
    originalOut.println(log);

    List<String> secrets =
        List.of(
            TestServer.ADMIN_PASSWORD,
            TestServer.ADMIN_TOKEN,
            bearer,
            wrongPassword,
            wrongToken,
            wrongBearer,
            "Authorization",
            "Basic ");
    assertThat(log).as("what the server printed").isNotBlank();
    for (String secret : secrets) {
      assertThat(log).as("the server's output").doesNotContain(secret);
      for (Response error : errors) {
        assertThat(error.status()).isGreaterThanOrEqualTo(400);
        assertThat(error.body()).as("an error body").doesNotContain(secret);
      }
    }
  }
}
