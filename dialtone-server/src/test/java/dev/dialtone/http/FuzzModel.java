package dev.dialtone.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dialtone.testing.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the stored data of the fuzzed account must be: every record a successful request created,
 * the last state of every call, and each ticket's status and comment count. It learns only from
 * answers with a 2xx status (and the undelivered screen pop's 404, which records the pop), so a
 * refused request that wrote anything shows up as a difference.
 */
final class FuzzModel {
  /** The tables whose row counts the model predicts. */
  static final List<String> TABLES =
      List.of(
          "accounts",
          "users",
          "organizations",
          "brands",
          "api_tokens",
          "oauth_tokens",
          "calls",
          "tickets",
          "ticket_comments",
          "screen_pops");

  /** A ticket as the model expects it. */
  record TicketState(String status, long commentCount) {}

  final Map<String, Long> rows = new LinkedHashMap<>();
  final Map<Long, JsonNode> calls = new TreeMap<>();
  final Map<Long, TicketState> tickets = new TreeMap<>();
  final List<Long> agents = new ArrayList<>();
  final List<Long> endUsers = new ArrayList<>();
  final List<Long> organizations = new ArrayList<>();
  final List<Long> brands = new ArrayList<>();

  /** How many successes were learnt from mutated requests, for the report. */
  int mutatedSuccesses;

  FuzzModel(Map<String, Long> initialRows) {
    rows.putAll(initialRows);
  }

  /**
   * Forgets the record a successful DELETE of {@code target} removed; {@code rowsNow} and {@code
   * readCall} give what the delete changed elsewhere.
   */
  void forget(String target, Map<String, Long> rowsNow, LongFunction<JsonNode> readCall) {
    Matcher matcher = DELETED.matcher(target);
    if (!matcher.find()) {
      throw new IllegalStateException("a DELETE of " + target + " succeeded");
    }
    Long id = Long.valueOf(matcher.group(2));
    switch (matcher.group(1)) {
      case "tickets" -> tickets.remove(id);
      case "users" -> {
        // Still there, inactive: tickets and calls may go on naming them.
      }
      default -> organizations.remove(id);
    }
    rows.clear();
    rows.putAll(rowsNow);
    calls.replaceAll((callId, call) -> readCall.apply(callId));
  }

  private static final Pattern DELETED =
      Pattern.compile("/api/v2/(tickets|users|organizations)/(\\d+)");

  void add(String table, long n) {
    rows.merge(table, n, Long::sum);
  }

  /**
   * Learns the effect of an answer. {@code readCall} and {@code readTicket} fetch a record as it is
   * now, for effects the answer does not show (the ticket a voice comment created).
   */
  void learn(
      String method,
      Response response,
      JsonNode requestBody,
      LongFunction<JsonNode> readCall,
      LongFunction<JsonNode> readTicket) {
    if (!List.of("POST", "PUT", "PATCH").contains(method)) {
      return; // reads and unknown methods change nothing; a read must not teach the model
    }
    int status = response.status();
    if (status == 404 && response.body().contains("\"Agent has no open agent console\"")) {
      add("screen_pops", 1); // kept for /_dialtone/screen-pops although undelivered
      return;
    }
    if (status < 200 || status > 299 || response.body().isEmpty()) {
      return;
    }
    JsonNode body = response.json();
    if (body.has("call")) {
      JsonNode call = body.get("call");
      long id = call.get("id").asLong();
      if (status == 201) {
        add("calls", 1);
        if (!call.get("ticket_id").isNull()) {
          newTicket(readTicket.apply(call.get("ticket_id").asLong()));
          pops(requestBody == null ? null : requestBody.path("comment"));
        }
      }
      calls.put(id, call);
    } else if ("TpeVoiceComment".equals(body.path("type").asText())) {
      long callId = body.get("data").get("call_id").asLong();
      JsonNode before = calls.get(callId);
      JsonNode after = readCall.apply(callId);
      long ticketId = after.get("ticket_id").asLong();
      if (before != null && before.get("ticket_id").isNull()) {
        newTicket(readTicket.apply(ticketId));
      } else {
        add("ticket_comments", 1);
        TicketState ticket = tickets.get(ticketId);
        tickets.put(ticketId, new TicketState(ticket.status(), ticket.commentCount() + 1));
      }
      calls.put(callId, after);
      pops(requestBody);
    } else if (body.has("ticket")) {
      // A ticket's answer carries comment_count only on request (include=comment_count).
      JsonNode ticket = readTicket.apply(body.get("ticket").get("id").asLong());
      if (status == 201) {
        newTicket(ticket);
        if ("voice".equals(ticket.path("via").path("channel").asText())) {
          pops(requestBody); // display_to_agent of POST /api/v2/channels/voice/tickets
        }
      } else {
        long id = ticket.get("id").asLong();
        add(
            "ticket_comments",
            ticket.get("comment_count").asLong() - tickets.get(id).commentCount());
        tickets.put(id, state(ticket));
      }
    } else if (body.has("user") && status == 201) {
      add("users", 1);
      long id = body.get("user").get("id").asLong();
      (body.get("user").get("role").asText().equals("end-user") ? endUsers : agents).add(id);
    } else if (body.has("organization") && status == 201) {
      add("organizations", 1);
      organizations.add(body.get("organization").get("id").asLong());
    } else if (body.has("brand") && status == 201) {
      add("brands", 1);
      brands.add(body.get("brand").get("id").asLong());
    } else if (body.has("api_token") && status == 201) {
      add("api_tokens", 1);
    } else if (body.has("token") && status == 201) {
      add("oauth_tokens", 1);
    } else if (body.has("account") && status == 201) {
      add("accounts", 1);
      add("brands", 1);
      add("users", 1);
      add("api_tokens", 1);
    }
  }

  private void newTicket(JsonNode ticket) {
    add("tickets", 1);
    add("ticket_comments", ticket.get("comment_count").asLong());
    tickets.put(ticket.get("id").asLong(), state(ticket));
  }

  /** A screen pop for a {@code display_to_agent} the request named (it was valid: 2xx). */
  private void pops(JsonNode requestPart) {
    if (requestPart != null
        && requestPart.isObject()
        && requestPart.has("display_to_agent")
        && !requestPart.get("display_to_agent").isNull()) {
      add("screen_pops", 1);
    }
  }

  static TicketState state(JsonNode ticket) {
    return new TicketState(ticket.get("status").asText(), ticket.get("comment_count").asLong());
  }
}
