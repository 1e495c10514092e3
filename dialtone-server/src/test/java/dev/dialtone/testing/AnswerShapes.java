package dev.dialtone.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks every JSON answer of Zendesk's API that {@link Api} receives: an error against Zendesk's
 * error bodies, a success against the shape of the object it holds when its root key says
 * unambiguously which object that is ({@code call}, {@code ticket}, {@code user}, {@code
 * organization} or {@code brand} alone, or one list of them beside its pagination keys, or the bare
 * voice comment of {@code POST /api/v2/calls/{id}/comments}). Answers with sideloads or other root
 * keys, and Dialtone's own routes outside {@code /api/v2}, are left to their tests.
 */
final class AnswerShapes {
  private static final Set<String> OBJECTS =
      Set.of("call", "ticket", "audit", "user", "organization", "brand");
  private static final Map<String, String> LISTS =
      Map.of(
          "tickets", "ticket",
          "users", "user",
          "organizations", "organization",
          "brands", "brand",
          "comments", "comment",
          "results", "user");
  private static final Set<String> PAGINATION =
      Set.of("meta", "links", "count", "next_page", "previous_page", "facets");

  /** The answer of POST /api/v2/calls/{id}/comments: a bare voice comment, with no root key. */
  private static final Pattern CALL_COMMENT = Pattern.compile("/api/v2/calls/[^/]+/comments");

  private AnswerShapes() {}

  static void check(String method, String path, Response response) {
    String route = route(path);
    boolean failed = response.status() >= 400;
    if (!route.startsWith("/api/v2/")
        || (response.status() / 100 != 2 && !failed)
        || !"application/json".equals(response.mediaType())
        || response.body().isBlank()) {
      return;
    }
    JsonNode body;
    try {
      body = response.json();
    } catch (UncheckedIOException e) {
      return;
    }
    if (!body.isObject()) {
      return;
    }
    String where = method + " " + path + " (" + response.status() + ")";
    if (failed) {
      Shapes.assertNone(
          where, Shapes.check("error", body), KnownShapeDifferences.KNOWN_DIFFERENCES);
      return;
    }
    if (method.equals("POST") && CALL_COMMENT.matcher(route).matches()) {
      Shapes.assertNone(
          where, Shapes.check("voice_comment", body), KnownShapeDifferences.KNOWN_DIFFERENCES);
      return;
    }
    Set<String> keys = new HashSet<>();
    body.fieldNames().forEachRemaining(keys::add);
    // One object, or a ticket with the audit of its change.
    if (!keys.isEmpty() && OBJECTS.containsAll(keys)) {
      for (String key : keys) {
        Shapes.assertNone(
            where, Shapes.check(key, body.get(key)), KnownShapeDifferences.KNOWN_DIFFERENCES);
      }
      return;
    }
    Set<String> lists = new HashSet<>(keys);
    lists.retainAll(LISTS.keySet());
    Set<String> rest = new HashSet<>(keys);
    rest.removeAll(LISTS.keySet());
    if (lists.size() != 1 || !PAGINATION.containsAll(rest)) {
      return;
    }
    String listKey = lists.iterator().next();
    checkList(where, listKey, (ObjectNode) body.deepCopy());
  }

  private static void checkList(String where, String listKey, ObjectNode body) {
    String envelope =
        body.has("meta")
            ? "cursor_envelope"
            : listKey.equals("results") ? "search_envelope" : "offset_envelope";
    String element = LISTS.get(listKey);
    JsonNode list = body.get(listKey);
    if (listKey.equals("results") && list.isArray()) {
      // A search result is its object plus result_type; of those, only users have a shape here.
      ArrayNode users = body.putArray(listKey);
      for (JsonNode result : list) {
        if (result.isObject() && "user".equals(result.path("result_type").asText())) {
          users.add(((ObjectNode) result).without("result_type"));
        }
      }
    }
    Shapes.assertNone(
        where,
        Shapes.checkList(
            envelope,
            listKey,
            item -> listKey.equals("comments") ? commentShape(item) : element,
            body),
        KnownShapeDifferences.KNOWN_DIFFERENCES);
  }

  /** The shape of a ticket comment by its type; a voicemail's VoiceComment has none here. */
  private static String commentShape(JsonNode comment) {
    return switch (comment.path("type").asText()) {
      case "TpeVoiceComment" -> "voice_comment";
      case "Comment" -> "comment";
      default -> null;
    };
  }

  /** The path without its query and its {@code .json} twin's suffix. */
  private static String route(String path) {
    int query = path.indexOf('?');
    String route = query < 0 ? path : path.substring(0, query);
    return route.endsWith(".json") ? route.substring(0, route.length() - 5) : route;
  }
}
