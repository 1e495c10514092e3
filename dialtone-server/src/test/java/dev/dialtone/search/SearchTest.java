package dev.dialtone.search;

import static dev.dialtone.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dialtone.testing.Api;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchTest {
  @TempDir static Path dataDir;
  static TestServer server;
  static Api admin;
  static long caller;
  static long agent;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
    admin = server.admin();
    caller =
        create("{'name':'Mary Caller','email':'mary@example.com','phone':'+1 (513) 555-7611'}");
    // Same number for an agent: role:end-user must keep it out.
    agent =
        create(
            "{'name':'Desk Agent','email':'desk@example.com','phone':'513.555.7611','role':'agent'}");
    create("{'name':'Someone Else','phone':'+44 20 7946 0958'}");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static long create(String user) {
    Response created = admin.post("/api/v2/users", json("{'user':" + user + "}"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("user").get("id").asLong();
  }

  static Response search(String query) {
    Response found =
        admin.get("/api/v2/search.json?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    assertThat(found.status()).as(found.toString()).isEqualTo(200);
    return found;
  }

  static List<Long> ids(Response found) {
    return StreamSupport.stream(found.json().get("results").spliterator(), false)
        .map(r -> r.get("id").asLong())
        .toList();
  }

  @Test
  void search_findsEndUserByPhoneEnding_asTpeIntegrationsAsk() {
    Response found = search("role:end-user phone:*5135557611");

    assertThat(ids(found)).containsExactly(caller);
    JsonNode result = found.json().get("results").get(0);
    assertThat(result.get("result_type").asText()).isEqualTo("user");
    assertThat(result.get("name").asText()).isEqualTo("Mary Caller");
    assertThat(found.json().get("count").asInt()).isEqualTo(1);
    assertThat(found.json().get("next_page").isNull()).isTrue();
    assertThat(found.json().get("previous_page").isNull()).isTrue();
  }

  @Test
  void search_comparesPhoneDigitsOnly_whateverTheFormatting() {
    assertThat(ids(search("phone:*555-7611"))).containsExactly(caller, agent);
    assertThat(ids(search("type:user phone:*(513)555-7611"))).containsExactly(caller, agent);
    assertThat(ids(search("phone:\"+1 (513) 555-7611\""))).containsExactly(caller);
    // Without the star the digits must be equal: the agent's number has no country code.
    assertThat(ids(search("phone:15135557611"))).containsExactly(caller);
  }

  @Test
  void search_filtersByRoleAndEmail() {
    assertThat(ids(search("role:agent phone:*5557611"))).containsExactly(agent);
    assertThat(ids(search("email:MARY@example.com"))).containsExactly(caller);
    assertThat(ids(search("type:user email:mary@example.com role:agent"))).isEmpty();
  }

  @Test
  void search_freeTextMatchesNamesAndPhoneNumbers() {
    assertThat(ids(search("caller"))).containsExactly(caller);
    assertThat(ids(search("type:user \"mary caller\""))).containsExactly(caller);
    assertThat(ids(search("role:end-user 513-555-7611"))).containsExactly(caller);
  }

  @Test
  void search_ofOtherTypesOrUnknownKeywords_findsNothing() {
    for (String query : List.of("type:ticket phone:*5135557611", "status:open", "role:owner", "")) {
      Response found = search(query);
      assertThat(ids(found)).as(query).isEmpty();
      assertThat(found.json().get("count").asInt()).isZero();
    }
  }

  @Test
  void search_needsAnAgent() {
    Response anonymous = server.anonymous().get("/api/v2/search?query=caller");

    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.body()).isEqualTo("{\"error\":\"Couldn't authenticate you\"}");
  }
}
