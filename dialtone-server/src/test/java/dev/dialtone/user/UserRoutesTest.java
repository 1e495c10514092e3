package dev.dialtone.user;

import static dev.dialtone.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dialtone.testing.Api;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.TestServer;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserRoutesTest {
  static final String FORBIDDEN =
      "{\"error\":{\"title\":\"Forbidden\",\"message\":\"You do not have access to this page."
          + " Please contact the account owner of this help desk for further help.\"}}";

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

  static String uniqueEmail() {
    return UUID.randomUUID() + "@example.com";
  }

  static long createUser(String role) {
    Response created =
        admin.post(
            "/api/v2/users",
            json(
                "{'user':{'name':'Someone','email':'"
                    + uniqueEmail()
                    + "','role':'"
                    + role
                    + "'}}"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("user").get("id").asLong();
  }

  /** Users Dialtone creates have no password or API token; an OAuth token lets them in. */
  static Api as(long userId) {
    return server.signedInAs(userId);
  }

  @Test
  void create_returnsTheUserWithLocationAndEndUserByDefault() {
    String email = uniqueEmail();
    Response created =
        admin.post(
            "/api/v2/users",
            json(
                "{'user':{'name':'Ada Caller','email':'"
                    + email
                    + "','phone':'+1 (513) 555-7611'}}"));

    assertThat(created.status()).isEqualTo(201);
    JsonNode user = created.json().get("user");
    long id = user.get("id").asLong();
    assertThat(created.header("Location")).endsWith("/api/v2/users/" + id + ".json");
    assertThat(user.get("url").asText()).isEqualTo(created.header("Location"));
    assertThat(user.get("name").asText()).isEqualTo("Ada Caller");
    assertThat(user.get("email").asText()).isEqualTo(email);
    assertThat(user.get("phone").asText()).isEqualTo("+1 (513) 555-7611");
    assertThat(user.get("role").asText()).isEqualTo("end-user");
    assertThat(user.get("organization_id").isNull()).isTrue();
    assertThat(user.get("suspended").asBoolean()).isFalse();
    assertThat(user.get("active").asBoolean()).isTrue();
    assertThat(user.get("created_at").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(admin.get("/api/v2/users/" + id + ".json").json().get("user")).isEqualTo(user);
  }

  @Test
  void create_reportsEveryInvalidFieldInOne422() throws Exception {
    Response rejected =
        admin.post(
            "/api/v2/users",
            json(
                "{'user':{'name':' ','email':'"
                    + TestServer.ADMIN_EMAIL
                    + "','phone':5135557611,'role':'boss','organization_id':1}}"));

    assertThat(rejected.status()).isEqualTo(422);
    assertThat(rejected.json())
        .isEqualTo(
            new ObjectMapper()
                .readTree(
                    json(
                        "{'error':'RecordInvalid','description':'Record validation errors',"
                            + "'details':{"
                            + "'name':[{'description':'Name: cannot be blank','error':'BlankValue'}],"
                            + "'phone':[{'description':'Phone: must be a string, not an integer',"
                            + "'error':'InvalidType'}],"
                            + "'role':[{'description':'Role: is not valid; use one of end-user,"
                            + " agent, admin','error':'InvalidValue'}],"
                            + "'email':[{'description':'Email: is already being used by another"
                            + " user','error':'InvalidValue'}],"
                            + "'organization_id':[{'description':'Organization: does not name an"
                            + " organization of this account','error':'InvalidValue'}]}}")));
  }

  @Test
  void create_withNameOver255Characters_isTooLong() {
    Response rejected =
        admin.post("/api/v2/users", json("{'user':{'name':'" + "x".repeat(256) + "'}}"));

    assertThat(rejected.status()).isEqualTo(422);
    assertThat(rejected.json().get("details").toString())
        .isEqualTo(
            json(
                "{'name':[{'description':'Name: is too long (maximum is 255 characters)',"
                    + "'error':'TooLong'}]}"));
  }

  @Test
  void create_withoutUserEnvelope_isInvalidJson() {
    Response rejected = admin.post("/api/v2/users", json("{'name':'Ada'}"));

    assertThat(rejected.status()).isEqualTo(400);
    assertThat(rejected.body())
        .isEqualTo(
            "{\"error\":\"InvalidJSON\",\"description\":\"The request body must have a"
                + " \\\"user\\\" object\"}");
  }

  @Test
  void create_reportsUnknownKeysAsIgnored() {
    Response created =
        admin.post("/api/v2/users", json("{'user':{'name':'Ada','nickname':'A'},'extra':1}"));

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("X-Dialtone-Ignored-Fields")).isEqualTo("extra,nickname");
  }

  @Test
  void agent_mayCreateEndUsersButNotStaff() {
    Api agent = as(createUser("agent"));

    Response endUser = agent.post("/api/v2/users", json("{'user':{'name':'Caller'}}"));
    Response staff =
        agent.post("/api/v2/users", json("{'user':{'name':'Colleague','role':'admin'}}"));

    assertThat(endUser.status()).isEqualTo(201);
    assertThat(staff.status()).isEqualTo(403);
    assertThat(staff.body()).isEqualTo(FORBIDDEN);
  }

  @Test
  void endUser_seesItselfButNoOtherUser() {
    long id = createUser("end-user");
    Api endUser = as(id);

    Response me = endUser.get("/api/v2/users/me");
    Response other = endUser.get("/api/v2/users/" + id);

    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().get("user").get("id").asLong()).isEqualTo(id);
    assertThat(other.status()).isEqualTo(403);
    assertThat(other.body()).isEqualTo(FORBIDDEN);
  }

  @Test
  void me_isTheAuthenticatedAdmin() {
    Response me = admin.get("/api/v2/users/me.json");

    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().get("user").get("email").asText()).isEqualTo(TestServer.ADMIN_EMAIL);
    assertThat(me.json().get("user").get("role").asText()).isEqualTo("admin");
    assertThat(me.json().get("user").get("verified").asBoolean()).isTrue();
  }

  @Test
  void verified_isTrueOnceTheUserHasAPassword() {
    long agent = createUser("agent");
    assertThat(admin.get("/api/v2/users/" + agent).json().get("user").get("verified").asBoolean())
        .isFalse();
    assertThat(as(agent).get("/api/v2/users/me").json().get("user").get("verified").asBoolean())
        .isFalse();

    Response set =
        admin.post(
            "/api/v2/users/" + agent + "/password", json("{'password':'a long new secret'}"));
    assertThat(set.status()).as(set.toString()).isEqualTo(200);

    assertThat(admin.get("/api/v2/users/" + agent).json().get("user").get("verified").asBoolean())
        .isTrue();
    assertThat(as(agent).get("/api/v2/users/me").json().get("user").get("verified").asBoolean())
        .isTrue();
  }

  @Test
  void show_ofAnotherAccountsUser_isNotFound() {
    Response account =
        admin.post(
            "/_dialtone/accounts",
            json("{'account':{'subdomain':'other','admin_email':'boss@other.example'}}"));
    assertThat(account.status()).isEqualTo(201);
    long otherAdmin = account.json().get("account").get("admin_id").asLong();

    Response shown = admin.get("/api/v2/users/" + otherAdmin);

    assertThat(shown.status()).isEqualTo(404);
    assertThat(shown.body())
        .isEqualTo(json("{'error':'RecordNotFound','description':'Not found'}"));
  }

  @Test
  void search_findsEndUserByAnyPhoneFormatting() {
    String phone = "+1 (937) 555-" + (1000 + (int) (Math.random() * 9000));
    Response created =
        admin.post(
            "/api/v2/users", json("{'user':{'name':'Phone Person','phone':'" + phone + "'}}"));
    long id = created.json().get("user").get("id").asLong();
    String digits = phone.replaceAll("\\D", "");
    String national = digits.substring(1);

    for (String query :
        new String[] {
          national,
          national.substring(0, 3) + "-" + national.substring(3, 6) + "-" + national.substring(6),
          "+" + digits,
          phone,
          "(" + national.substring(0, 3) + ") " + national.substring(3)
        }) {
      Response found =
          admin.get(
              "/api/v2/users/search?query="
                  + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8));
      assertThat(found.status()).isEqualTo(200);
      assertThat(found.json().get("users").findValues("id"))
          .as("query %s", query)
          .extracting(JsonNode::asLong)
          .containsExactly(id);
      assertThat(found.json().get("count").asInt()).isEqualTo(1);
      assertThat(found.json().get("next_page").isNull()).isTrue();
    }
  }

  @Test
  void search_findsByWholeEmailOrPartOfName() {
    String email = uniqueEmail();
    long id =
        admin
            .post(
                "/api/v2/users",
                json("{'user':{'name':'Grace Hopper-Zed','email':'" + email + "'}}"))
            .json()
            .get("user")
            .get("id")
            .asLong();

    assertThat(
            admin
                .get("/api/v2/users/search?query=" + email)
                .json()
                .get("users")
                .get(0)
                .get("id")
                .asLong())
        .isEqualTo(id);
    assertThat(admin.get("/api/v2/users/search?query=hopper-z").json().get("count").asInt())
        .isEqualTo(1);
    assertThat(
            admin
                .get("/api/v2/users/search?query=" + email.substring(3))
                .json()
                .get("count")
                .asInt())
        .isZero();
  }
}
