package dev.dialtone.health;

import dev.dialtone.http.Reply;
import dev.dialtone.route.ApiRequest;
import dev.dialtone.route.Route;
import dev.dialtone.store.Database;
import dev.dialtone.store.StoreException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Liveness and readiness for a load balancer or orchestrator: outside the API's steps, so that they
 * answer without an account, credentials or a rate limit, and while the database does not.
 */
public final class HealthRoutes {
  private final Database database;

  public HealthRoutes(Database database) {
    this.database = database;
  }

  public List<Route> routes() {
    return List.of(
        Route.open("health.live", "/_dialtone/health/live", request -> status("live"))
            .summary("200 while the process runs"),
        Route.open("health.ready", "/_dialtone/health/ready", this::ready)
            .summary("200 when the database takes a write, else 503 with the reason"));
  }

  private Reply ready(ApiRequest request) {
    try {
      database.checkWritable();
      return status("ready");
    } catch (StoreException e) {
      String reason = e.permanentReason();
      // Ordered: status first, so the body reads the same on every start.
      Map<String, String> body = new LinkedHashMap<>();
      body.put("status", "unavailable");
      body.put("reason", reason != null ? reason : "the database is busy or unreachable");
      return new Reply(503, body, Map.of());
    }
  }

  private static Reply status(String status) {
    return Reply.ok(Map.of("status", status));
  }
}
