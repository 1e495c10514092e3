package dev.dialtone.token;

import static dev.dialtone.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dialtone.testing.Api;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenRoutesTest {
  static final String INVALID_TOKEN =
      "{\"error\":\"invalid_token\",\"error_description\":\"The access token provided is expired,"
          + " revoked, malformed or invalid for other reasons.\"}";

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

  static JsonNode created(Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json();
  }

  @Test
  void apiToken_isShownOnceAndThenAuthenticates() {
    JsonNode token =
        created(
                admin.post(
                    "/api/v2/api_tokens", json("{'api_token':{'description':'CTI integration'}}")))
            .get("api_token");

    assertThat(token.get("description").asText()).isEqualTo("CTI integration");
    assertThat(token.get("active").asBoolean()).isTrue();
    assertThat(token.get("id").asLong()).isPositive();
    assertThat(token.get("created_at").asText()).endsWith("Z");
    String secret = token.get("token").asText();
    assertThat(secret).hasSize(40);

    Response me =
        new Api(server.port()).withToken(TestServer.ADMIN_EMAIL, secret).get("/api/v2/users/me");
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().get("user").get("email").asText()).isEqualTo(TestServer.ADMIN_EMAIL);
    Response wrong =
        new Api(server.port())
            .withToken(TestServer.ADMIN_EMAIL, secret.substring(1) + "x")
            .get("/api/v2/users/me");
    assertThat(wrong.status()).isEqualTo(401);
  }

  @Test
  void oauthToken_worksAsBearerForItsUser() {
    long agent =
        created(
                admin.post(
                    "/api/v2/users",
                    json(
                        "{'user':{'name':'Agent Smith','email':'smith@example.com','role':'agent'}}")))
            .get("user")
            .get("id")
            .asLong();

    JsonNode token =
        created(
                admin.post(
                    "/api/v2/oauth/tokens",
                    json("{'token':{'user_id':" + agent + ",'scopes':['read','write']}}")))
            .get("token");

    assertThat(token.get("user_id").asLong()).isEqualTo(agent);
    assertThat(token.get("scopes").toString()).isEqualTo("[\"read\",\"write\"]");
    Response me =
        new Api(server.port()).withBearer(token.get("full_token").asText()).get("/api/v2/users/me");
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().get("user").get("id").asLong()).isEqualTo(agent);
  }

  @Test
  void oauthToken_withoutUser_isTheCallers() {
    JsonNode token =
        created(admin.post("/api/v2/oauth/tokens", json("{'token':{'scopes':['read']}}")))
            .get("token");

    Response me =
        new Api(server.port()).withBearer(token.get("full_token").asText()).get("/api/v2/users/me");
    assertThat(me.json().get("user").get("email").asText()).isEqualTo(TestServer.ADMIN_EMAIL);
  }

  @Test
  void badBearer_isInvalidToken() {
    Response response = new Api(server.port()).withBearer("no-such-token").get("/api/v2/users/me");

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.body()).isEqualTo(INVALID_TOKEN);
  }

  @Test
  void oauthToken_rejectsUnknownUsersAndBadScopes() {
    Response rejected =
        admin.post(
            "/api/v2/oauth/tokens", json("{'token':{'user_id':12345,'scopes':['read','root!']}}"));

    assertThat(rejected.status()).isEqualTo(422);
    assertThat(rejected.json().get("details").toString())
        .isEqualTo(
            json(
                "{'scopes':[{'description':'Scopes: must be read, write, impersonate or"
                    + " resource:read|write','error':'InvalidValue'}],"
                    + "'user_id':[{'description':'User: does not name a user of this account',"
                    + "'error':'InvalidValue'}]}"));
    Response noScopes = admin.post("/api/v2/oauth/tokens", json("{'token':{}}"));
    assertThat(noScopes.json().get("details").toString())
        .isEqualTo(
            json("{'scopes':[{'description':'Scopes: cannot be blank','error':'BlankValue'}]}"));
  }

  @Test
  void tokens_areForAdminsOnly() {
    long agent =
        created(
                admin.post(
                    "/api/v2/users",
                    json("{'user':{'name':'Agent','email':'agent@example.com','role':'agent'}}")))
            .get("user")
            .get("id")
            .asLong();
    String bearer =
        created(
                admin.post(
                    "/api/v2/oauth/tokens",
                    json("{'token':{'user_id':" + agent + ",'scopes':['read']}}")))
            .get("token")
            .get("full_token")
            .asText();
    Api asAgent = new Api(server.port()).withBearer(bearer);

    assertThat(asAgent.post("/api/v2/api_tokens", json("{'api_token':{}}")).status())
        .isEqualTo(403);
    assertThat(asAgent.post("/api/v2/oauth/tokens", json("{'token':{'scopes':['read']}}")).status())
        .isEqualTo(403);
  }
}
