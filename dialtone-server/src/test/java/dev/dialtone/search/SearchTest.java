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
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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

  /** Every control character that is not whitespace: C0, DEL and C1. */
  static Stream<String> controlCharacters() {
    return IntStream.rangeClosed(0, 0x9f)
        .filter(c -> Character.getType(c) == Character.CONTROL && !Character.isWhitespace(c))
        .mapToObj(c -> String.valueOf((char) c));
  }

  /**
   * A control character is text like any other that names nobody: no match, on both endpoints. NUL
   * once matched every name on SQLite (it ends the LIKE pattern) and failed on PostgreSQL.
   */
  @ParameterizedTest(name = "U+{0}")
  @MethodSource("controlCharacters")
  void queriesWithAControlCharacter_findNobody(String control) {
    List<String> queries =
        List.of(control, "Mary" + control, control + "Mary", "Ma" + control + "ry", "%" + control);
    for (String query : queries) {
      Response users =
          admin.get(
              "/api/v2/users/search?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
      assertThat(users.status()).as(users.toString()).isEqualTo(200);
      assertThat(users.json().get("users")).as(query).isEmpty();
      assertThat(users.json().get("count").asInt()).as(query).isZero();
    }
    List<String> searches =
        List.of(
            control,
            "type:user " + control,
            "role:end-user " + control,
            "email:mary@example.com" + control,
            "email:" + control,
            "\"Mary " + control + "\"");
    for (String query : Stream.concat(queries.stream(), searches.stream()).toList()) {
      Response found = search(query);
      assertThat(ids(found)).as(query).isEmpty();
      assertThat(found.json().get("count").asInt()).as(query).isZero();
    }
  }

  @Test
  void queriesWithTabsOrLineBreaks_readThemAsSpaces() {
    assertThat(ids(search("role:end-user\tMary"))).containsExactly(caller);
    assertThat(ids(search("Mary\nCaller\r\n"))).containsExactly(caller);
  }

  @Test
  void search_needsAnAgent() {
    Response anonymous = server.anonymous().get("/api/v2/search?query=caller");

    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.body()).isEqualTo("{\"error\":\"Couldn't authenticate you\"}");
  }
}
