package dev.dialtone.organization;

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

class OrganizationAndBrandTest {
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

  static Api agent() {
    long id =
        admin
            .post("/api/v2/users", json("{'user':{'name':'Agent','role':'agent'}}"))
            .json()
            .get("user")
            .get("id")
            .asLong();
    String token =
        admin
            .post(
                "/api/v2/oauth/tokens", json("{'token':{'user_id':" + id + ",'scopes':['read']}}"))
            .json()
            .get("token")
            .get("full_token")
            .asText();
    return new Api(server.port()).withBearer(token);
  }

  @Test
  void organization_isCreatedAndShown() {
    Response created =
        admin.post(
            "/api/v2/organizations",
            json("{'organization':{'name':'Globex','external_id':'crm-42'}}"));

    assertThat(created.status()).isEqualTo(201);
    JsonNode organization = created.json().get("organization");
    long id = organization.get("id").asLong();
    assertThat(created.header("Location")).endsWith("/api/v2/organizations/" + id + ".json");
    assertThat(organization.get("name").asText()).isEqualTo("Globex");
    assertThat(organization.get("external_id").asText()).isEqualTo("crm-42");
    assertThat(admin.get("/api/v2/organizations/" + id + ".json").json().get("organization"))
        .isEqualTo(organization);
  }

  @Test
  void organization_nameMustBeUniqueIgnoringCase() {
    assertThat(
            admin
                .post("/api/v2/organizations", json("{'organization':{'name':'Initech'}}"))
                .status())
        .isEqualTo(201);

    Response duplicate =
        admin.post("/api/v2/organizations", json("{'organization':{'name':'INITECH'}}"));

    assertThat(duplicate.status()).isEqualTo(422);
    assertThat(duplicate.json().get("details").toString())
        .isEqualTo(
            json(
                "{'name':[{'description':'Name: has already been taken','error':'InvalidValue'}]}"));
  }

  @Test
  void organization_withoutName_isBlank() {
    Response rejected = admin.post("/api/v2/organizations", json("{'organization':{}}"));

    assertThat(rejected.status()).isEqualTo(422);
    assertThat(rejected.json().get("details").toString())
        .isEqualTo(json("{'name':[{'description':'Name: cannot be blank','error':'BlankValue'}]}"));
  }

  @Test
  void brand_isCreatedAndShownAndIsNotTheDefault() {
    Response created =
        admin.post("/api/v2/brands", json("{'brand':{'name':'Second line','subdomain':'second'}}"));

    assertThat(created.status()).isEqualTo(201);
    JsonNode brand = created.json().get("brand");
    long id = brand.get("id").asLong();
    assertThat(created.header("Location")).endsWith("/api/v2/brands/" + id + ".json");
    assertThat(brand.get("name").asText()).isEqualTo("Second line");
    assertThat(brand.get("subdomain").asText()).isEqualTo("second");
    assertThat(brand.get("default").asBoolean()).isFalse();
    assertThat(admin.get("/api/v2/brands/" + id).json().get("brand")).isEqualTo(brand);
  }

  @Test
  void brand_withoutASubdomain_isRefused_asZendeskRefusesIt() {
    Response rejected = admin.post("/api/v2/brands", json("{'brand':{'name':'No address'}}"));

    assertThat(rejected.status()).isEqualTo(422);
    assertThat(rejected.json().get("details").toString())
        .isEqualTo(
            json(
                "{'subdomain':[{'description':'Subdomain: cannot be blank','error':'BlankValue'}]}"));
  }

  @Test
  void brand_reportsBlankNameAndBadSubdomainTogether() {
    Response rejected =
        admin.post("/api/v2/brands", json("{'brand':{'name':'','subdomain':'Not A Label'}}"));

    assertThat(rejected.status()).isEqualTo(422);
    assertThat(rejected.json().get("details").toString())
        .isEqualTo(
            json(
                "{'name':[{'description':'Name: cannot be blank','error':'BlankValue'}],"
                    + "'subdomain':[{'description':'Subdomain: must be 1 to 63 lowercase letters,"
                    + " digits or inner hyphens','error':'InvalidFormat'}]}"));
  }

  @Test
  void creating_isForAdminsButAgentsMayRead() {
    long organization =
        admin
            .post("/api/v2/organizations", json("{'organization':{'name':'Readable'}}"))
            .json()
            .get("organization")
            .get("id")
            .asLong();
    Api agent = agent();

    assertThat(agent.post("/api/v2/organizations", json("{'organization':{'name':'X'}}")).status())
        .isEqualTo(403);
    assertThat(
            agent.post("/api/v2/brands", json("{'brand':{'name':'X','subdomain':'x'}}")).status())
        .isEqualTo(403);
    assertThat(agent.get("/api/v2/organizations/" + organization).status()).isEqualTo(200);
  }

  @Test
  void unknownRecords_areNotFound() {
    assertThat(admin.get("/api/v2/organizations/1").status()).isEqualTo(404);
    assertThat(admin.get("/api/v2/brands/1").status()).isEqualTo(404);
  }
}
