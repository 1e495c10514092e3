package dev.dialtone.brand;

import static dev.dialtone.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dialtone.testing.Api;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/v2/brands}. */
class BrandListTest {
  private static final String OTHER_TOKEN = "othertoken0123456789abcdefghijklmnopqrs";

  @TempDir static Path dataDir;
  static TestServer server;
  static Api admin;
  static Api other;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
    admin = server.admin();
    Response account =
        admin.post(
            "/_dialtone/accounts",
            json(
                "{'account': {'subdomain': 'other', 'admin_email': 'a@other.test',"
                    + " 'admin_token': '"
                    + OTHER_TOKEN
                    + "'}}"));
    assertThat(account.status()).as(account.toString()).isEqualTo(201);
    other = new Api(server.port()).forAccount("other").withToken("a@other.test", OTHER_TOKEN);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static long brand(Api api, String name) {
    Response created =
        api.post(
            "/api/v2/brands",
            json("{'brand':{'name':'" + name + "','subdomain':'" + subdomainOf(name) + "'}}"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("brand").get("id").asLong();
  }

  static String subdomainOf(String name) {
    return name.toLowerCase(java.util.Locale.ROOT)
        .replaceAll("[^a-z0-9]+", "-")
        .replaceAll("^-|-$", "");
  }

  static List<Long> ids(JsonNode page) {
    List<Long> ids = new ArrayList<>();
    page.get("brands").forEach(brand -> ids.add(brand.get("id").asLong()));
    return ids;
  }

  @Test
  void list_startsWithTheDefaultBrand_andPagesBothWays() {
    long second = brand(admin, "Second");
    long third = brand(admin, "Third");

    JsonNode all = admin.get("/api/v2/brands").json();
    assertThat(ids(all))
        .hasSizeGreaterThanOrEqualTo(3)
        .containsSubsequence(second, third)
        .isSorted();
    assertThat(all.get("brands").get(0).get("default").asBoolean()).isTrue();
    assertThat(all.get("brands").get(0))
        .isEqualTo(admin.get("/api/v2/brands/" + ids(all).get(0)).json().get("brand"));
    assertThat(all.get("count").asLong()).isEqualTo(ids(all).size());

    JsonNode page = admin.get("/api/v2/brands?per_page=1").json();
    assertThat(ids(page)).containsExactly(ids(all).get(0));
    assertThat(page.get("next_page").asText()).endsWith("/api/v2/brands?page=2&per_page=1");

    JsonNode cursor = admin.get("/api/v2/brands?page[size]=1").json();
    assertThat(ids(cursor)).containsExactly(ids(all).get(0));
    assertThat(cursor.get("meta").get("has_more").asBoolean()).isTrue();
    // As on Zendesk, the first page links back too; has_more alone says whether there is more.
    assertThat(cursor.get("links").get("prev").asText()).contains("page%5Bbefore%5D=");
    String next = cursor.get("links").get("next").asText().replaceFirst("^https?://[^/]+", "");
    assertThat(ids(admin.get(next).json())).containsExactly(ids(all).get(1));
  }

  @Test
  void list_showsThisAccountsBrandsOnly() {
    long mine = brand(admin, "Mine");
    long theirs = brand(other, "Theirs");

    assertThat(ids(admin.get("/api/v2/brands").json())).contains(mine).doesNotContain(theirs);
    assertThat(ids(other.get("/api/v2/brands").json())).contains(theirs).doesNotContain(mine);
  }
}
