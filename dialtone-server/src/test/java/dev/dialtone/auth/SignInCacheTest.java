package dev.dialtone.auth;

import static dev.dialtone.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dialtone.testing.Api;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.TestServer;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials that signed in are kept in memory, and every change to who they stand for takes
 * effect on the very next request: the node forgets them before the change's answer is sent.
 */
class SignInCacheTest {
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

  @Test
  void aDeletedUsersToken_isRefusedOnTheNextRequest() {
    long id = createUser("agent");
    Api agent = bearer(id);
    assertThat(agent.get("/api/v2/users/me").status()).isEqualTo(200);

    assertThat(admin.send("DELETE", "/api/v2/users/" + id, null).status()).isEqualTo(200);

    assertThat(agent.get("/api/v2/users/me").status()).isEqualTo(401);
  }

  @Test
  void aRoleChange_countsOnTheNextRequest() {
    long id = createUser("agent");
    Api agent = bearer(id);
    assertThat(agent.get("/api/v2/users").status()).isEqualTo(200);

    assertThat(admin.put("/api/v2/users/" + id, json("{'user':{'role':'end-user'}}")).status())
        .isEqualTo(200);

    assertThat(agent.get("/api/v2/users").status())
        .as("end users may not list users")
        .isEqualTo(403);
    assertThat(agent.get("/api/v2/users/me").json().at("/user/role").asText())
        .isEqualTo("end-user");
  }

  @Test
  void anEmailChange_endsTheOldEmailsApiTokenSignIn() {
    String email = UUID.randomUUID() + "@example.com";
    long id = createUser("agent", email);
    Api byToken = new Api(server.port()).withToken(email, TestServer.ADMIN_TOKEN);
    assertThat(byToken.get("/api/v2/users/me").status()).isEqualTo(200);

    String renamed = UUID.randomUUID() + "@example.com";
    assertThat(
            admin.put("/api/v2/users/" + id, json("{'user':{'email':'" + renamed + "'}}")).status())
        .isEqualTo(200);

    assertThat(byToken.get("/api/v2/users/me").status()).isEqualTo(401);
    assertThat(
            new Api(server.port())
                .withToken(renamed, TestServer.ADMIN_TOKEN)
                .get("/api/v2/users/me")
                .json()
                .at("/user/id")
                .asLong())
        .isEqualTo(id);
  }

  static long createUser(String role) {
    return createUser(role, UUID.randomUUID() + "@example.com");
  }

  static long createUser(String role, String email) {
    Response created =
        admin.post(
            "/api/v2/users",
            json("{'user':{'name':'Someone','email':'" + email + "','role':'" + role + "'}}"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().at("/user/id").asLong();
  }

  static Api bearer(long userId) {
    return server.signedInAs(userId);
  }
}
