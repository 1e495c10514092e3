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

  @Test
  void anAdminSetsAnAgentsPassword_andTheAgentSignsInWithIt() {
    long agent = createUser("agent-set@example.com", "agent");

    Response set =
        admin.post(
            "/api/v2/users/" + agent + "/password", json("{'password':'a long new secret'}"));

    assertThat(set.status()).as(set.toString()).isEqualTo(200);
    Api signedIn = server.anonymous().withBasic("agent-set@example.com", "a long new secret");
    assertThat(signedIn.get("/api/v2/users/me").json().get("user").get("id").asLong())
        .isEqualTo(agent);
  }

  @Test
  void aShortPassword_isRecordInvalid_andChangesNothing() {
    long agent = createUser("agent-short@example.com", "agent");

    Response refused = admin.post("/api/v2/users/" + agent + "/password", json("{'password':'x'}"));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    assertThat(refused.json().get("error").asText()).isEqualTo("RecordInvalid");
    assertThat(refused.json().get("details").has("password")).isTrue();
    assertThat(
            server
                .anonymous()
                .withBasic("agent-short@example.com", "x")
                .get("/api/v2/users/me")
                .status())
        .isEqualTo(401);
  }

  @Test
  void settingAPassword_isForAdminsOnly() {
    long agent = createUser("agent-notadmin@example.com", "agent");
    admin.post("/api/v2/users/" + agent + "/password", json("{'password':'the agent secret'}"));
    Api asAgent = server.anonymous().withBasic("agent-notadmin@example.com", "the agent secret");

    Response refused =
        asAgent.post("/api/v2/users/" + agent + "/password", json("{'password':'another secret'}"));

    assertThat(refused.status()).isEqualTo(403);
  }

  @Test
  void aUserChangesTheirOwnPassword_givingThePreviousOne() {
    long agent = createUser("agent-change@example.com", "agent");
    admin.post("/api/v2/users/" + agent + "/password", json("{'password':'the first secret'}"));
    Api asAgent = server.anonymous().withBasic("agent-change@example.com", "the first secret");

    Response wrong =
        asAgent.put(
            "/api/v2/users/" + agent + "/password",
            json("{'previous_password':'not it at all','password':'the second secret'}"));
    Response changed =
        asAgent.put(
            "/api/v2/users/" + agent + "/password",
            json("{'previous_password':'the first secret','password':'the second secret'}"));

    assertThat(wrong.status()).as(wrong.toString()).isEqualTo(422);
    assertThat(wrong.json().get("details").has("previous_password")).isTrue();
    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    assertThat(
            server
                .anonymous()
                .withBasic("agent-change@example.com", "the second secret")
                .get("/api/v2/users/me")
                .status())
        .isEqualTo(200);
  }

  @Test
  void nobodyChangesAnotherUsersPassword() {
    long agent = createUser("agent-other@example.com", "agent");

    Response refused =
        admin.put(
            "/api/v2/users/" + agent + "/password",
            json("{'previous_password':'whatever it is','password':'the second secret'}"));

    assertThat(refused.status()).isEqualTo(403);
  }

  @Test
  void theRequirements_stateThePasswordRule() {
    long agent = createUser("agent-rules@example.com", "agent");

    Response requirements = admin.get("/api/v2/users/" + agent + "/password/requirements");

    assertThat(requirements.status()).isEqualTo(200);
    assertThat(requirements.json().get("requirements").get(0).asText())
        .isEqualTo("must be at least 10 characters");
  }
}
