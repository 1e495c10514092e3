package dev.dialtone.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dialtone.route.Route;
import dev.dialtone.route.RouteTable;
import dev.dialtone.testing.RandomText;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A valid request for every route of the server's route table, built on records the {@link
 * FuzzModel} knows exist: the seeds the fuzzer mutates, and the valid writes it interleaves.
 */
final class RouteSamples {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Routes that write, for the valid writes between the mutated requests. */
  static final List<String> WRITES =
      List.of(
          "calls.create",
          "calls.create",
          "calls.update",
          "calls.update",
          "calls.comment",
          "calls.comment",
          "users.create",
          "organizations.create",
          "organizations.update",
          "brands.create",
          "tickets.create",
          "tickets.update",
          "voice_tickets.create",
          "api_tokens.create",
          "oauth_tokens.create");

  /** One request: {@code body} null for none. */
  record Sample(String route, String method, String path, String body) {}

  private final List<String> routes;
  private final Random random;
  private final RandomText text;
  private final FuzzModel model;
  private int unique;

  RouteSamples(Random random, FuzzModel model, RouteTable table) {
    this.routes =
        table.routes().stream()
            .filter(route -> route.kind() == Route.Kind.API)
            .filter(route -> route.surface() == Route.Surface.API)
            .map(Route::name)
            .toList();
    this.random = random;
    this.text = new RandomText(random);
    this.model = model;
  }

  /**
   * Every API route of the server's table by name, streams left out (a valid one never ends; {@code
   * ScreenPopStreamTest} covers them) and the console's pages too (they take forms and a session;
   * the {@code console} tests cover them): a route without a sample fails {@link #valid}.
   */
  List<String> routes() {
    return routes;
  }

  Sample valid(String route) {
    String json = random.nextInt(4) == 0 ? ".json" : "";
    return switch (route) {
      case "calls.create" -> post(route, "/api/v2/calls" + json, createCall());
      case "calls.show" -> get(route, "/api/v2/calls/" + call() + json);
      case "calls.update" ->
          new Sample(route, "PATCH", "/api/v2/calls/" + call() + json, patchCall().toString());
      case "calls.comment" ->
          post(route, "/api/v2/calls/" + commentableCall() + "/comments" + json, comment());
      case "users.create" -> post(route, "/api/v2/users" + json, user());
      case "users.me" -> get(route, "/api/v2/users/me" + json);
      case "users.search" ->
          get(
              route,
              "/api/v2/users/search" + json + "?query=" + pick("513-555-7611", "Caller", "x"));
      case "users.show" -> get(route, "/api/v2/users/" + user(random.nextBoolean()) + json);
      case "users.list" ->
          get(
              route,
              "/api/v2/users"
                  + json
                  + pick("", "?role=agent", "?role[]=agent&role[]=admin", "?page[size]=2"));
      case "users.update" ->
          new Sample(route, "PUT", "/api/v2/users/" + user(true) + json, userUpdate());
      case "users.delete" ->
          new Sample(route, "DELETE", "/api/v2/users/" + user(true) + json, null);
      case "organizations.list" ->
          get(route, "/api/v2/organizations" + json + pick("", "?per_page=2", "?page[size]=1"));
      case "organizations.delete" ->
          new Sample(
              route, "DELETE", "/api/v2/organizations/" + spare(model.organizations) + json, null);
      case "brands.list" ->
          get(route, "/api/v2/brands" + json + pick("", "?per_page=1&page=2", "?page[size]=1"));
      case "tickets.delete" ->
          new Sample(
              route, "DELETE", "/api/v2/tickets/" + spare(model.tickets.keySet()) + json, null);
      case "organizations.create" ->
          post(
              route,
              "/api/v2/organizations" + json,
              "{\"organization\":{\"name\":\"Org " + next() + "\"}}");
      case "organizations.update" ->
          new Sample(
              route,
              "PUT",
              "/api/v2/organizations/" + pick(model.organizations) + json,
              "{\"organization\":{\"name\":\"Org " + next() + "\"}}");
      case "organizations.show" ->
          get(route, "/api/v2/organizations/" + pick(model.organizations) + json);
      case "brands.create" ->
          post(
              route,
              "/api/v2/brands" + json,
              "{\"brand\":{\"name\":\"Brand "
                  + next()
                  + "\",\"subdomain\":\"brand"
                  + unique
                  + "\"}}");
      case "brands.show" -> get(route, "/api/v2/brands/" + pick(model.brands) + json);
      case "tickets.create" -> post(route, "/api/v2/tickets" + json, ticket());
      case "tickets.list" ->
          get(route, "/api/v2/tickets" + json + pick("", "?page[size]=2", "?per_page=2&page=2"));
      case "tickets.show" -> get(route, "/api/v2/tickets/" + ticket(false) + json);
      case "tickets.update" ->
          new Sample(route, "PUT", "/api/v2/tickets/" + ticket(true) + json, ticketUpdate());
      case "comments.list" -> get(route, "/api/v2/tickets/" + ticket(false) + "/comments" + json);
      case "voice_tickets.create" ->
          post(route, "/api/v2/channels/voice/tickets" + json, voiceTicket());
      case "display.ticket" ->
          post(
              route,
              "/api/v2/channels/voice/agents/"
                  + pick(model.agents)
                  + "/tickets/"
                  + ticket(false)
                  + "/display"
                  + json,
              null);
      case "display.user" ->
          post(
              route,
              "/api/v2/channels/voice/agents/"
                  + pick(model.agents)
                  + "/users/"
                  + user(true)
                  + "/display"
                  + json,
              null);
      case "screen_pops.list" -> get(route, "/_dialtone/screen-pops" + pick("", "?limit=5"));
      case "search" ->
          get(
              route,
              "/api/v2/search"
                  + json
                  + "?query="
                  + pick("role:end-user%20phone:*5135557611", "type:user%20Caller"));
      case "api_tokens.create" ->
          post(
              route,
              "/api/v2/api_tokens" + json,
              "{\"api_token\":{\"description\":\"CTI " + next() + "\"}}");
      case "oauth_tokens.create" ->
          post(
              route,
              "/api/v2/oauth/tokens" + json,
              "{\"token\":{\"scopes\":[\"read\",\"write\"]}}");
      case "accounts.create" ->
          post(
              route,
              "/_dialtone/accounts",
              "{\"account\":{\"subdomain\":\"fuzz"
                  + next()
                  + "\",\"admin_email\":\"a"
                  + unique
                  + "@fuzz.test\"}}");
      case "health.live" -> get(route, "/_dialtone/health/live");
      case "health.ready" -> get(route, "/_dialtone/health/ready");
      case "users.password.set" ->
          post(
              route,
              "/api/v2/users/" + user(true) + "/password" + json,
              "{\"password\":\"fuzz password " + next() + "\"}");
      // Another user's password: always 403, so that no sample changes whose password it is.
      case "users.password.change" ->
          new Sample(
              route,
              "PUT",
              "/api/v2/users/" + user(true) + "/password" + json,
              "{\"previous_password\":\"fuzz password\",\"password\":\"fuzz password 2\"}");
      case "users.password.requirements" ->
          get(route, "/api/v2/users/" + user(true) + "/password/requirements" + json);
      // An account no sample creates: the fuzzer must never change the limits it runs under.
      case "accounts.update" ->
          new Sample(
              route,
              "PATCH",
              "/_dialtone/accounts/fuzz-untouched",
              "{\"account\":{\"rate_limit_support\":null}}");
      default ->
          throw new IllegalArgumentException(
              "no sample request for route " + route + ": add one to RouteSamples");
    };
  }

  /** A few call fields set to valid values, as a PATCH sends them. */
  ObjectNode patchFields() {
    ObjectNode call = NODES.objectNode();
    int fields = 1 + random.nextInt(3);
    for (int i = 0; i < fields; i++) {
      switch (random.nextInt(7)) {
        case 0 -> call.put("duration", random.nextInt(10_000));
        case 1 -> call.put("queue_name", text.unicode(1 + random.nextInt(30)));
        case 2 -> call.put("completion_status", pick("completed", "missed", "dropped_by_agent"));
        case 3 -> call.put("overflowed", random.nextBoolean());
        case 4 -> call.put("hold_time", random.nextInt(600));
        case 5 -> call.put("call_disposition", text.unicode(1 + random.nextInt(20)));
        default -> call.putNull("dnis");
      }
    }
    return call;
  }

  private ObjectNode patchCall() {
    ObjectNode body = NODES.objectNode();
    body.set("call", patchFields());
    return body;
  }

  private String createCall() {
    ObjectNode call = NODES.objectNode();
    call.put("app_id", 735264019863524L);
    call.put("call_started_at", pick("2022-01-27T15:31:40+01", "2024-02-29T23:59:59Z"));
    call.put("direction", pick("inbound", "outbound", "internal", "callback"));
    call.put("from_line", "+15135557611");
    call.put("to_line", "+16617480123");
    if (random.nextBoolean()) {
      call.put("end_user_id", pick(model.endUsers));
      call.put("agent_id", pick(model.agents));
      call.put("queue_name", text.unicode(1 + random.nextInt(20)));
    }
    ObjectNode body = NODES.objectNode();
    body.set("call", call);
    if (random.nextBoolean()) {
      ObjectNode comment = NODES.objectNode();
      comment.put("title", "Call " + text.unicode(5));
      ArrayNode fields = comment.putArray("call_fields");
      fields.add("from_line").add("duration").add("queue_name");
      if (random.nextInt(3) == 0) {
        comment.put("display_to_agent", pick(model.agents));
      }
      body.set("comment", comment);
    }
    return body.toString();
  }

  private String comment() {
    ObjectNode comment = NODES.objectNode();
    comment.put("title", "Voice " + text.unicode(1 + random.nextInt(10)));
    comment.putArray("call_fields").add("from_line").add("to_line").add("call_started_at");
    if (random.nextInt(3) == 0) {
      comment.put("display_to_agent", pick(model.agents));
    }
    return comment.toString();
  }

  private String user() {
    ObjectNode user = NODES.objectNode();
    user.put("name", "User " + text.unicode(1 + random.nextInt(10)));
    user.put("email", "user" + next() + "@fuzz.example.com");
    user.put("phone", "+1 (513) 555-" + (1000 + random.nextInt(9000)));
    user.put("role", pick("end-user", "end-user", "agent"));
    return "{\"user\":" + user + "}";
  }

  private String userUpdate() {
    ObjectNode user = NODES.objectNode();
    user.put("name", "Caller " + text.unicode(1 + random.nextInt(10)));
    if (random.nextBoolean()) {
      user.put("phone", "+1 (513) 555-" + (1000 + random.nextInt(9000)));
    }
    return "{\"user\":" + user + "}";
  }

  private String ticket() {
    ObjectNode ticket = NODES.objectNode();
    ticket.put("subject", "Printer " + text.unicode(1 + random.nextInt(20)));
    ticket.putObject("comment").put("body", "It is " + text.unicode(1 + random.nextInt(40)));
    ticket.put("requester_id", pick(model.endUsers));
    ticket.put("priority", pick("low", "normal", "high", "urgent"));
    ticket.putArray("tags").add("fuzz");
    return "{\"ticket\":" + ticket + "}";
  }

  private String ticketUpdate() {
    ObjectNode ticket = NODES.objectNode();
    ticket.put("status", pick("open", "pending", "hold", "solved"));
    if (random.nextBoolean()) {
      ticket.putObject("comment").put("body", "Update " + text.unicode(1 + random.nextInt(30)));
    }
    return "{\"ticket\":" + ticket + "}";
  }

  private String voiceTicket() {
    ObjectNode ticket = NODES.objectNode();
    ticket.put("via_id", 44);
    ticket.put("requester_id", pick(model.endUsers));
    ObjectNode voice = ticket.putObject("voice_comment");
    voice.put("from", "+15135557611");
    voice.put("to", "+16617480123");
    voice.put("recording_url", "https://example.com/recordings/" + next() + ".mp3");
    voice.put("started_at", "2022-01-27T15:31:40Z");
    voice.put("call_duration", random.nextInt(600));
    voice.put("answered_by_id", pick(model.agents));
    voice.put("transcription_text", text.unicode(1 + random.nextInt(40)));
    ObjectNode body = NODES.objectNode();
    body.set("ticket", ticket);
    if (random.nextInt(3) == 0) {
      body.put("display_to_agent", pick(model.agents));
    }
    return body.toString();
  }

  /** Any call; the model knows at least one. */
  long call() {
    return pick(new ArrayList<>(model.calls.keySet()));
  }

  /** A call whose ticket, if it has one, still takes comments. */
  private long commentableCall() {
    List<Long> open =
        model.calls.entrySet().stream()
            .filter(
                call -> {
                  long ticket = call.getValue().get("ticket_id").asLong(0);
                  FuzzModel.TicketState state = model.tickets.get(ticket);
                  return ticket == 0 || (state != null && !state.status().equals("closed"));
                })
            .map(Map.Entry::getKey)
            .toList();
    return pick(open);
  }

  /** Any ticket, or one that still takes updates. */
  long ticket(boolean open) {
    List<Long> ids =
        model.tickets.entrySet().stream()
            .filter(ticket -> !open || !ticket.getValue().status().equals("closed"))
            .map(Map.Entry::getKey)
            .toList();
    return pick(ids);
  }

  /**
   * A record a delete may take: one of several, so that the samples of other routes always find
   * one; with too few, an id nobody has (the delete answers 404 and takes nothing).
   */
  long spare(Collection<Long> ids) {
    return ids.size() < 3 ? NOBODYS_ID : pick(new ArrayList<>(ids));
  }

  private static final long NOBODYS_ID = 987_654_321_987L;

  long user(boolean endUser) {
    return pick(endUser ? model.endUsers : model.agents);
  }

  private String next() {
    return String.valueOf(++unique);
  }

  private static Sample get(String route, String path) {
    return new Sample(route, "GET", path, null);
  }

  private static Sample post(String route, String path, String body) {
    return new Sample(route, "POST", path, body);
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  @SafeVarargs
  private <T> T pick(T... values) {
    return values[random.nextInt(values.length)];
  }
}
