package dev.dialtone.http;

import static dev.dialtone.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dialtone.testing.Api;
import dev.dialtone.testing.Calls;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.Rows;
import dev.dialtone.testing.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code X-HTTP-Method-Override} changes nothing: only the request line's method counts. Every
 * route's valid request is sent with other methods, claiming its own method and the writing ones in
 * the header; each answers as it does without the header, and no record changes.
 */
class MethodOverrideTest {
  static final List<String> METHODS =
      List.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS", "POST", "PATCH");

  @TempDir static Path dataDir;
  static TestServer server;
  static Api admin;
  static FuzzModel model;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
    admin = server.admin();
    model = new FuzzModel(counts());
    model.agents.add(Rows.DEFAULT_ADMIN);
    model.agents.add(
        Rows.insertUser(dataDir, Rows.DEFAULT_ACCOUNT, "agent@example.com", "agent", false));
    Response caller =
        admin.post(
            "/api/v2/users", json("{'user': {'name': 'Caller', 'phone': '+1 (513) 555-7611'}}"));
    model.endUsers.add(caller.json().get("user").get("id").asLong());
    model.organizations.add(Rows.insertOrganization(dataDir, Rows.DEFAULT_ACCOUNT, "Initech"));
    model.brands.add(Rows.defaultBrand(dataDir, Rows.DEFAULT_ACCOUNT));
    long ticketed = Calls.create(admin);
    long ticket = Calls.commentAndTicket(admin, ticketed);
    long bare = Calls.create(admin);
    for (long call : List.of(ticketed, bare)) {
      model.calls.put(call, Calls.get(admin, call));
    }
    model.tickets.put(ticket, FuzzModel.state(ticket(ticket)));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Whether some route answers this method on this path (such as DELETE on a show route's). */
  static boolean routed(String method, String target) {
    String path = target.replaceFirst("\\?.*$", "").replaceFirst("\\.json$", "");
    return server.routes().routes().stream()
        .filter(route -> route.method().name().equals(method))
        .anyMatch(route -> path.matches(route.path().replaceAll("\\{[a-z_]+}", "[^/]+")));
  }

  @Test
  void overrideHeader_onEveryRouteAndMethod_isIgnoredAndWritesNothing() {
    Map<String, Long> rowsBefore = counts();
    Map<Long, JsonNode> callsBefore = new LinkedHashMap<>();
    model.calls.keySet().forEach(id -> callsBefore.put(id, Calls.get(admin, id)));
    Map<Long, JsonNode> ticketsBefore = new LinkedHashMap<>();
    model.tickets.keySet().forEach(id -> ticketsBefore.put(id, ticket(id)));
    RouteSamples samples = new RouteSamples(new Random(7), model, server.routes());
    List<String> honoured = new ArrayList<>();
    int sent = 0;

    for (String route : samples.routes()) {
      RouteSamples.Sample sample = samples.valid(route);
      List<String> claimed = new ArrayList<>(List.of(sample.method(), "POST", "PUT", "PATCH"));
      for (String method : METHODS) {
        if (method.equals(sample.method()) || routed(method, sample.path())) {
          continue; // without the header that request is a route's own, and may write
        }
        Response plain = admin.send(method, sample.path(), sample.body());
        for (String override : claimed.stream().distinct().toList()) {
          if (override.equals(method)) {
            continue;
          }
          Response overridden =
              admin
                  .withHeader("X-HTTP-Method-Override", override)
                  .send(method, sample.path(), sample.body());
          sent++;
          if (overridden.status() != plain.status()) {
            honoured.add(
                route
                    + ": "
                    + method
                    + " claiming "
                    + override
                    + " answered "
                    + overridden.status()
                    + ", without the header "
                    + plain.status());
          }
        }
      }
    }

    assertThat(sent).isGreaterThan(samples.routes().size() * 10);
    assertThat(honoured).isEmpty();
    assertThat(counts()).isEqualTo(rowsBefore);
    callsBefore.forEach((id, call) -> assertThat(Calls.get(admin, id)).isEqualTo(call));
    ticketsBefore.forEach((id, ticket) -> assertThat(ticket(id)).isEqualTo(ticket));
  }

  @Test
  void overrideHeader_onAGetRouteThatAlsoTakesPatch_readsTheCall() {
    long call = model.calls.keySet().iterator().next();
    JsonNode before = Calls.get(admin, call);

    Response response =
        admin
            .withHeader("X-HTTP-Method-Override", "PATCH")
            .send("GET", "/api/v2/calls/" + call, json("{'call': {'duration': 999}}"));

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.json().get("call")).isEqualTo(before);
    assertThat(Calls.get(admin, call)).isEqualTo(before);
  }

  static JsonNode ticket(long id) {
    return admin.get("/api/v2/tickets/" + id + "?include=comment_count").json().get("ticket");
  }

  static Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : FuzzModel.TABLES) {
      counts.put(table, Rows.count(dataDir, table));
    }
    return counts;
  }
}
