package dev.dialtone.account;

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
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded random walk across accounts (docs/api.md): random users of random accounts read and
 * write records whose ids are drawn from every account. Nothing ever shows another account's
 * record, another account's ids are 404 {@code RecordNotFound}, end users get the exact 403
 * everywhere but {@code /users/me}, and each account's data changes only by its own requests. The
 * seed is printed; rerun one with {@code ISOLATION_SEED=N}.
 */
class RandomIsolationTest {
  static final long SEED =
      System.getenv("ISOLATION_SEED") != null
          ? Long.parseLong(System.getenv("ISOLATION_SEED"))
          : System.nanoTime();
  static final int OPERATIONS = 400;
  static final String RECORD_NOT_FOUND =
      "{\"error\":\"RecordNotFound\",\"description\":\"Not found\"}";
  static final String FORBIDDEN =
      "{\"error\":{\"title\":\"Forbidden\",\"message\":\"You do not have access to this page."
          + " Please contact the account owner of this help desk for further help.\"}}";
  static final String NO_CONSOLE = "Agent has no open agent console";

  @TempDir static Path dataDir;
  static TestServer server;

  /** One user who acts; {@code staff} for agents and admins. */
  record Actor(long accountId, long userId, boolean staff, Api api) {}

  /** Records of one account, and what its stored data must be. */
  static final class Tenant {
    final long id;
    final Api admin;
    final List<Actor> actors = new ArrayList<>();
    final List<Long> staff = new ArrayList<>();
    final List<Long> users = new ArrayList<>();
    final Map<Long, JsonNode> calls = new TreeMap<>();
    final Map<Long, Long> ticketComments = new TreeMap<>();
    final List<Long> organizations = new ArrayList<>();
    final List<Long> brands = new ArrayList<>();
    long pops;

    Tenant(long id, Api admin) {
      this.id = id;
      this.admin = admin;
    }
  }

  static final List<Tenant> tenants = new ArrayList<>();

  /** Which account each record id belongs to; ids of every kind come from disjoint ranges. */
  static final Map<Long, Long> owner = new HashMap<>();

  final Random random = new Random(SEED);
  final List<String> failures = new ArrayList<>();

  @BeforeAll
  static void start() {
    System.out.println(
        "RandomIsolationTest seed: " + SEED + " (rerun with ISOLATION_SEED=" + SEED + ")");
    server = TestServer.start(dataDir);
    tenants.add(
        setUp(Rows.DEFAULT_ACCOUNT, server.admin(), Rows.DEFAULT_ADMIN, TestServer.ADMIN_TOKEN));
    for (String subdomain : List.of("north", "south")) {
      String token = subdomain + "token0123456789abcdefghijklmnopqrs";
      Response created =
          server
              .admin()
              .post(
                  "/_dialtone/accounts",
                  json(
                      "{'account': {'subdomain': '"
                          + subdomain
                          + "', 'admin_email': 'admin@"
                          + subdomain
                          + ".test', 'admin_token': '"
                          + token
                          + "'}}"));
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      JsonNode account = created.json().get("account");
      Api admin =
          new Api(server.port())
              .forAccount(subdomain)
              .withToken("admin@" + subdomain + ".test", token);
      tenants.add(
          setUp(account.get("id").asLong(), admin, account.get("admin_id").asLong(), token));
    }
  }

  /** Two agents, two end users with OAuth tokens, an organization, a brand, calls and tickets. */
  static Tenant setUp(long accountId, Api admin, long adminId, String apiToken) {
    Tenant tenant = new Tenant(accountId, admin);
    tenant.actors.add(new Actor(accountId, adminId, true, admin));
    tenant.staff.add(adminId);
    tenant.users.add(adminId);
    own(adminId, accountId);
    for (int i = 0; i < 4; i++) {
      boolean agent = i < 2;
      String email = "u" + i + ".account" + accountId + "@example.com";
      JsonNode user =
          created(
              admin.post(
                  "/api/v2/users",
                  json(
                      "{'user': {'name': 'User "
                          + i
                          + "', 'email': '"
                          + email
                          + "', 'phone': '+1 513 555 761"
                          + i
                          + "', 'role': '"
                          + (agent ? "agent" : "end-user")
                          + "'}}")),
              "user");
      long userId = user.get("id").asLong();
      own(userId, accountId);
      tenant.users.add(userId);
      Api api;
      if (agent) {
        tenant.staff.add(userId);
        api = admin.withToken(email, apiToken);
      } else {
        JsonNode oauth =
            created(
                admin.post(
                    "/api/v2/oauth/tokens",
                    json("{'token': {'user_id': " + userId + ", 'scopes': ['read', 'write']}}")),
                "token");
        api = admin.withBearer(oauth.get("full_token").asText());
      }
      tenant.actors.add(new Actor(accountId, userId, agent, api));
    }
    long organization =
        created(
                admin.post("/api/v2/organizations", json("{'organization': {'name': 'Org'}}")),
                "organization")
            .get("id")
            .asLong();
    own(organization, accountId);
    tenant.organizations.add(organization);
    long brand =
        created(
                admin.post(
                    "/api/v2/brands", json("{'brand': {'name': 'Brand', 'subdomain': 'b'}}")),
                "brand")
            .get("id")
            .asLong();
    own(brand, accountId);
    tenant.brands.add(brand);
    for (int i = 0; i < 3; i++) {
      long call = Calls.create(admin);
      own(call, accountId);
      if (i > 0) {
        long ticket = Calls.commentAndTicket(admin, call);
        own(ticket, accountId);
        tenant.ticketComments.put(ticket, 1L);
      }
      tenant.calls.put(call, Calls.get(admin, call));
    }
    JsonNode ticket =
        created(
            admin.post(
                "/api/v2/tickets",
                json("{'ticket': {'subject': 'Printer', 'comment': {'body': 'On fire'}}}")),
            "ticket");
    own(ticket.get("id").asLong(), accountId);
    tenant.ticketComments.put(ticket.get("id").asLong(), 1L);
    return tenant;
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void randomUsersOfRandomAccounts_seeOnlyTheirOwnAccount() {
    for (int i = 0; i < OPERATIONS; i++) {
      Tenant tenant = pick(tenants);
      operate(tenant, pick(tenant.actors));
    }
    for (Tenant tenant : tenants) {
      for (Map.Entry<Long, JsonNode> call : tenant.calls.entrySet()) {
        assertThat(Calls.get(tenant.admin, call.getKey()))
            .as("seed %d: call %d of account %d", SEED, call.getKey(), tenant.id)
            .isEqualTo(call.getValue());
      }
      for (Map.Entry<Long, Long> ticket : tenant.ticketComments.entrySet()) {
        assertThat(Rows.count(dataDir, "ticket_comments", "ticket_id = ?", ticket.getKey()))
            .as("seed %d: comments of ticket %d", SEED, ticket.getKey())
            .isEqualTo(ticket.getValue());
      }
      assertThat(Rows.count(dataDir, "calls", "account_id = ?", tenant.id))
          .as("seed %d: calls of account %d", SEED, tenant.id)
          .isEqualTo(tenant.calls.size());
      assertThat(Rows.count(dataDir, "tickets", "account_id = ?", tenant.id))
          .as("seed %d: tickets of account %d", SEED, tenant.id)
          .isEqualTo(tenant.ticketComments.size());
      assertThat(Rows.count(dataDir, "screen_pops", "account_id = ?", tenant.id))
          .as("seed %d: screen pops of account %d", SEED, tenant.id)
          .isEqualTo(tenant.pops);
    }
    assertThat(failures).as("seed %d: %d problems", SEED, failures.size()).isEmpty();
  }

  void operate(Tenant tenant, Actor actor) {
    Tenant target = pick(tenants);
    boolean own = target == tenant;
    switch (random.nextInt(12)) {
      case 0 -> {
        long call = pick(new ArrayList<>(target.calls.keySet()));
        check(actor, own, "read call", actor.api().get("/api/v2/calls/" + call), 200);
      }
      case 1 -> {
        long call = pick(new ArrayList<>(target.calls.keySet()));
        Response response =
            actor
                .api()
                .patch(
                    "/api/v2/calls/" + call,
                    json("{'call': {'duration': " + random.nextInt(999) + "}}"));
        if (check(actor, own, "patch call", response, 200)) {
          target.calls.put(call, response.json().get("call"));
        }
      }
      case 2 -> {
        long call = pick(new ArrayList<>(target.calls.keySet()));
        Response response =
            actor.api().post("/api/v2/calls/" + call + "/comments", json("{'title': 'Random'}"));
        if (check(actor, own, "comment on call", response, 201)) {
          JsonNode after = Calls.get(target.admin, call);
          long ticket = after.get("ticket_id").asLong();
          owner.put(ticket, target.id);
          target.ticketComments.merge(ticket, 1L, Long::sum);
          target.calls.put(call, after);
        }
      }
      case 3 -> {
        long ticket = pick(new ArrayList<>(target.ticketComments.keySet()));
        check(actor, own, "read ticket", actor.api().get("/api/v2/tickets/" + ticket), 200);
      }
      case 4 -> {
        long ticket = pick(new ArrayList<>(target.ticketComments.keySet()));
        check(
            actor,
            own,
            "read comments",
            actor.api().get("/api/v2/tickets/" + ticket + "/comments"),
            200);
      }
      case 5 ->
          check(
              actor, own, "read user", actor.api().get("/api/v2/users/" + pick(target.users)), 200);
      case 6 ->
          check(
              actor,
              own,
              "read organization",
              actor.api().get("/api/v2/organizations/" + pick(target.organizations)),
              200);
      case 7 ->
          check(
              actor,
              own,
              "read brand",
              actor.api().get("/api/v2/brands/" + pick(target.brands)),
              200);
      case 8 -> {
        String path =
            random.nextBoolean()
                ? "/api/v2/users/search?query=513-555-761"
                : "/api/v2/search?query=role:end-user%20phone:*555761";
        check(actor, true, "search", actor.api().get(path), 200);
      }
      case 9 -> {
        Response me = actor.api().get("/api/v2/users/me");
        if (me.status() != 200 || me.json().get("user").get("id").asLong() != actor.userId()) {
          failures.add(problem(actor, "me", me, "200 with the actor"));
        }
        noForeignRecords(actor, "me", me);
      }
      default -> display(tenant, target, actor);
    }
  }

  /** A screen pop names an agent and a ticket or user, each drawn from any account. */
  void display(Tenant tenant, Tenant target, Actor actor) {
    Tenant agentsAccount = random.nextBoolean() ? tenant : target;
    long agent = pick(random.nextInt(4) == 0 ? agentsAccount.users : agentsAccount.staff);
    boolean ticket = random.nextBoolean();
    long record =
        ticket ? pick(new ArrayList<>(target.ticketComments.keySet())) : pick(target.users);
    Response response =
        actor
            .api()
            .post(
                "/api/v2/channels/voice/agents/"
                    + agent
                    + (ticket ? "/tickets/" : "/users/")
                    + record
                    + "/display",
                null);
    String what = "display " + agent + " " + record;
    if (!actor.staff()) {
      expect(actor, what, response, 403, FORBIDDEN);
      return;
    }
    boolean reachable = agentsAccount == tenant && tenant.staff.contains(agent) && target == tenant;
    if (reachable) {
      if (response.status() != 404 || !response.body().contains(NO_CONSOLE)) {
        failures.add(problem(actor, what, response, "404 " + NO_CONSOLE));
      }
      tenant.pops++;
    } else {
      expect(actor, what, response, 404, RECORD_NOT_FOUND);
    }
  }

  /**
   * Checks the answer to a request on a record of the actor's account ({@code own}) or another's;
   * true when it succeeded, so the caller records its effect.
   */
  boolean check(Actor actor, boolean own, String what, Response response, int success) {
    if (!actor.staff()) {
      expect(actor, what, response, 403, FORBIDDEN);
      return false;
    }
    if (!own) {
      expect(actor, what, response, 404, RECORD_NOT_FOUND);
      return false;
    }
    if (response.status() != success) {
      failures.add(problem(actor, what, response, String.valueOf(success)));
      return false;
    }
    noForeignRecords(actor, what, response);
    return true;
  }

  void expect(Actor actor, String what, Response response, int status, String body) {
    if (response.status() != status || !response.body().equals(body)) {
      failures.add(problem(actor, what, response, status + " " + body));
    }
  }

  /** Every id and account_id in the body belongs to the actor's account. */
  void noForeignRecords(Actor actor, String what, Response response) {
    List<String> foreign = new ArrayList<>();
    scan(response.json(), actor.accountId(), "", foreign);
    if (!foreign.isEmpty()) {
      failures.add(problem(actor, what, response, "no foreign records, found " + foreign));
    }
  }

  static void scan(JsonNode node, long accountId, String path, List<String> foreign) {
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        scan(node.get(i), accountId, path + "[" + i + "]", foreign);
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (key.equals("account_id") && value.isNumber() && value.asLong() != accountId) {
        foreign.add(path + "." + key + "=" + value);
      } else if ((key.equals("id") || key.endsWith("_id")) && value.isIntegralNumber()) {
        Long owner = RandomIsolationTest.owner.get(value.asLong());
        if (owner != null && owner != accountId) {
          foreign.add(path + "." + key + "=" + value);
        }
      }
      scan(value, accountId, path + "." + key, foreign);
    }
  }

  static String problem(Actor actor, String what, Response response, String expected) {
    return "seed "
        + SEED
        + ": "
        + what
        + " by user "
        + actor.userId()
        + " of account "
        + actor.accountId()
        + ": expected "
        + expected
        + ", got "
        + response;
  }

  static JsonNode created(Response response, String key) {
    assertThat(response.status()).as("seed %d: %s", SEED, response).isEqualTo(201);
    return response.json().get(key);
  }

  static void own(long id, long accountId) {
    owner.put(id, accountId);
  }

  <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
