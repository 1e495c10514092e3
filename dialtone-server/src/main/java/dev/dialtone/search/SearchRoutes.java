package dev.dialtone.search;

import dev.dialtone.account.User;
import dev.dialtone.account.UserStore;
import dev.dialtone.auth.Access;
import dev.dialtone.http.Reply;
import dev.dialtone.route.ApiRequest;
import dev.dialtone.route.Route;
import dev.dialtone.store.Database;
import dev.dialtone.user.UserJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v2/search?query=…}: Zendesk's unified search, for users only (docs/api.md); the
 * grammar is in {@link SearchQuery}.
 */
public final class SearchRoutes {
  /** One page of results; {@code count} still tells how many match. */
  static final int LIMIT = 100;

  private final Database database;
  private final UserStore users;

  public SearchRoutes(Database database, UserStore users) {
    this.database = database;
    this.users = users;
  }

  public List<Route> routes() {
    return List.of(
        Route.get("search", "/api/v2/search", Access.AGENT, this::search)
            .summary(
                "Searches users with Zendesk's query syntax (`type:user`, `role:`, `phone:`)"));
  }

  private Reply search(ApiRequest request) {
    SearchQuery parsed = SearchQuery.parse(request.query("query"));
    record Result(List<User> users, long count) {}
    Result result =
        parsed
            .filter()
            .map(
                filter ->
                    database.read(
                        tx ->
                            new Result(
                                users.search(tx, request.accountId(), filter, LIMIT),
                                users.count(tx, request.accountId(), filter))))
            .orElse(new Result(List.of(), 0));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "results",
        result.users().stream()
            .map(
                user -> {
                  Map<String, Object> json = UserJson.render(user, request.baseUrl());
                  json.put("result_type", "user");
                  return json;
                })
            .toList());
    body.put("facets", null); // Zendesk's: null unless asked for, and Dialtone computes none
    body.put("count", result.count());
    body.put("next_page", null);
    body.put("previous_page", null);
    return Reply.ok(body);
  }
}
