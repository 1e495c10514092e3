package dev.dialtone.testing;

import static dev.dialtone.testing.Json.json;

import com.fasterxml.jackson.databind.JsonNode;

/** Call bodies and steps that many tests share. */
public final class Calls {
  /** The mandatory fields and nothing else. */
  public static final String MINIMAL =
      json(
          "{'call': {'app_id': 735264019863524, 'call_started_at': '2022-01-27T15:31:40+01',"
              + " 'direction': 'inbound', 'from_line': '+16617480123', 'to_line': '+14948848487'}}");

  /** The inside of {@link #MINIMAL}'s call object, to add fields to: {@code "{" + FIELDS + "}"}. */
  public static final String MINIMAL_FIELDS =
      json(
          "'app_id': 735264019863524, 'call_started_at': '2022-01-27T15:31:40+01',"
              + " 'direction': 'inbound', 'from_line': '+16617480123', 'to_line': '+14948848487'");

  private Calls() {}

  /** Creates a minimal call and returns its id; fails the test if the server refuses. */
  public static long create(Api api) {
    return create(api, MINIMAL);
  }

  public static long create(Api api, String body) {
    Response created = api.post("/api/v2/calls", body);
    if (created.status() != 201) {
      throw new AssertionError("creating a call failed: " + created);
    }
    return created.json().get("call").get("id").asLong();
  }

  /** The call object as GET returns it. */
  public static JsonNode get(Api api, long id) {
    Response response = api.get("/api/v2/calls/" + id);
    if (response.status() != 200) {
      throw new AssertionError("reading call " + id + " failed: " + response);
    }
    return response.json().get("call");
  }

  /** Adds a voice comment to the call and returns the ticket the call now points at. */
  public static long commentAndTicket(Api api, long callId) {
    Response comment =
        api.post("/api/v2/calls/" + callId + "/comments", json("{'title': 'A call came in'}"));
    if (comment.status() != 201) {
      throw new AssertionError("commenting failed: " + comment);
    }
    return get(api, callId).get("ticket_id").asLong();
  }
}
