package dev.dialtone.user;

import static dev.dialtone.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dialtone.testing.Api;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordSignInTest {
  private static final String UNAUTHENTICATED = "{\"error\":\"Couldn't authenticate you\"}";

  @TempDir static Path dataDir;
  static TestServer server;
  static Api admin;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
    admin = server.admin();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static long createUser(String email, String role) {
    Response created =
        admin.post(
            "/api/v2/users",
            json("{'user':{'name':'Someone','email':'" + email + "','role':'" + role + "'}}"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("user").get("id").asLong();
  }

  @Test
  void aUserWithoutPassword_getsTheSame401AsAWrongPassword() {
    createUser("nopassword@example.com", "agent");

    Response withoutPassword =
        server
            .anonymous()
            .withBasic("nopassword@example.com", "anything at all")
            .get("/api/v2/users/me");
    Response unknown =
        server
            .anonymous()
            .withBasic("nobody@example.com", "anything at all")
            .get("/api/v2/users/me");

    assertThat(withoutPassword.status()).as(withoutPassword.toString()).isEqualTo(401);
    assertThat(withoutPassword.body()).isEqualTo(unknown.body());
  }
}
