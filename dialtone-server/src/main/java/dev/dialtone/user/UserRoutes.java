package dev.dialtone.user;

import dev.dialtone.account.Role;
import dev.dialtone.account.User;
import dev.dialtone.account.UserFilter;
import dev.dialtone.account.UserStore;
import dev.dialtone.api.FieldErrorCode;
import dev.dialtone.auth.Access;
import dev.dialtone.auth.Secrets;
import dev.dialtone.http.ApiException;
import dev.dialtone.http.CredentialRules;
import dev.dialtone.http.FieldErrors;
import dev.dialtone.http.InputLimits;
import dev.dialtone.http.InputObject;
import dev.dialtone.http.InputObject.Wording;
import dev.dialtone.http.Reply;
import dev.dialtone.route.ApiRequest;
import dev.dialtone.route.Pagination;
import dev.dialtone.route.Route;
import dev.dialtone.store.Database;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Zendesk's users endpoints that a TPE integration needs (docs/api.md). */
public final class UserRoutes {
  /** Search answers at most this many users; {@code count} still tells how many match. */
  static final int SEARCH_LIMIT = 100;

  private final Database database;
  private final UserStore users;
  private final UserAccounts accounts;
  private final Clock clock;

  public UserRoutes(Database database, UserStore users, UserAccounts accounts, Clock clock) {
    this.database = database;
    this.users = users;
    this.accounts = accounts;
    this.clock = clock;
  }

  public List<Route> routes() {
    return List.of(
        Route.post("users.create", "/api/v2/users", Access.AGENT, this::create)
            .summary("Creates a user: an end user who calls, or an agent"),
        Route.get("users.list", "/api/v2/users", Access.AGENT, this::list)
            .summary("Lists the users that are not deleted, by role, paged either way"),
        // Before /users/{user_id}: Javalin answers with the first route that matches.
        Route.get("users.me", "/api/v2/users/me", Access.USER, this::me)
            .summary("Shows the signed-in user"),
        Route.get("users.search", "/api/v2/users/search", Access.AGENT, this::search)
            .summary("Finds users by phone number in any formatting, name or email"),
        Route.get("users.show", "/api/v2/users/{user_id}", Access.AGENT, this::show)
            .summary("Shows a user"),
        Route.put("users.update", "/api/v2/users/{user_id}", Access.AGENT, this::update)
            .summary("Updates a user: agents update end users, admins anyone"),
        Route.delete("users.delete", "/api/v2/users/{user_id}", Access.ADMIN, this::delete)
            .summary("Deletes a user: kept inactive, so that its tickets and calls still name it"),
        Route.post(
                "users.password.set",
                "/api/v2/users/{user_id}/password",
                Access.ADMIN,
                this::setPassword)
            .summary("Sets a user's password"),
        Route.put(
                "users.password.change",
                "/api/v2/users/{user_id}/password",
                Access.USER,
                this::changePassword)
            .summary("Changes the signed-in user's own password, given the previous one"),
        Route.get(
                "users.password.requirements",
                "/api/v2/users/{user_id}/password/requirements",
                Access.USER,
                this::passwordRequirements)
            .summary("Lists the password rules, in words"));
  }

  private Reply create(ApiRequest request) {
    FieldErrors errors = new FieldErrors();
    InputObject input = new InputObject(request.envelope("user"), errors, Wording.SUPPORT);
    User user =
        accounts.create(
            request.accountId(),
            request.principal().user(),
            input,
            errors,
            false,
            request::ignored);
    Map<String, Object> json = UserJson.render(user, request.baseUrl());
    return Reply.created(Map.of("user", json), Objects.requireNonNull((String) json.get("url")));
  }

  private Reply update(ApiRequest request) {
    long id = request.pathId("user_id");
    FieldErrors errors = new FieldErrors();
    InputObject input = new InputObject(request.envelope("user"), errors, Wording.SUPPORT);
    User user =
        accounts.update(
            request.accountId(), request.principal().user(), id, input, errors, request::ignored);
    return Reply.ok(Map.of("user", UserJson.render(user, request.baseUrl())));
  }

  private Reply delete(ApiRequest request) {
    long id = request.pathId("user_id");
    User user = accounts.delete(request.accountId(), request.principal().user(), id);
    return Reply.ok(Map.of("user", UserJson.render(user, request.baseUrl())));
  }

  /**
   * Zendesk's "List Users": {@code role=agent}, or several with {@code role[]=agent&role[]=admin};
   * a role that does not exist matches nobody, as in Zendesk.
   */
  private Reply list(ApiRequest request) {
    Pagination pagination = Pagination.of(request);
    List<String> asked = new ArrayList<>();
    Map<String, List<String>> params = request.queryParams();
    asked.addAll(params.getOrDefault("role", List.of()));
    asked.addAll(params.getOrDefault("role[]", List.of()));
    List<Role> roles =
        asked.stream().map(Role::byWireName).flatMap(Optional::stream).distinct().toList();
    boolean nobody = !asked.isEmpty() && roles.isEmpty();
    long accountId = request.accountId();
    Map<String, Object> body =
        database.read(
            tx ->
                pagination.page(
                    "users",
                    new Pagination.Listing<User>() {
                      @Override
                      public List<User> after(long afterId, int limit) {
                        return nobody
                            ? List.of()
                            : users.listAfter(tx, accountId, roles, afterId, limit);
                      }

                      @Override
                      public List<User> before(long beforeId, int limit) {
                        return nobody
                            ? List.of()
                            : users.listBefore(tx, accountId, roles, beforeId, limit);
                      }

                      @Override
                      public List<User> slice(int offset, int limit) {
                        return nobody ? List.of() : users.page(tx, accountId, roles, offset, limit);
                      }

                      @Override
                      public long count() {
                        return nobody ? 0 : users.countListed(tx, accountId, roles);
                      }

                      @Override
                      public long id(User user) {
                        return user.id();
                      }
                    },
                    user -> UserJson.render(user, request.baseUrl())));
    return Reply.ok(body);
  }

  /** Zendesk's "Set a User's Password": an admin sets anyone's password without knowing the old. */
  private Reply setPassword(ApiRequest request) {
    long id = request.pathId("user_id");
    FieldErrors errors = new FieldErrors();
    InputObject input = new InputObject(request.jsonBody(), errors, Wording.SUPPORT);
    accounts.setPassword(request.accountId(), id, input, errors, request::ignored);
    return Reply.empty(200);
  }

  /**
   * Zendesk's "Change Your Password": only your own, and only by giving the one you have. Another
   * user's id is a 403 even for an admin, who sets passwords with POST instead.
   */
  private Reply changePassword(ApiRequest request) {
    long id = request.pathId("user_id");
    User self = request.principal().user();
    if (id != self.id()) {
      throw ApiException.forbidden();
    }
    FieldErrors errors = new FieldErrors();
    InputObject input = new InputObject(request.jsonBody(), errors, Wording.SUPPORT);
    String previous =
        input.requiredText("previous_password", "Previous password", InputLimits.PREVIOUS_PASSWORD);
    String password = UserAccounts.newPassword(input);
    request.ignored(input.unknownKeys());
    errors.throwIfAny();
    String stored = database.read(tx -> users.passwordHash(tx, self.id())).orElse(null);
    if (!Secrets.passwordMatches(Objects.requireNonNull(previous), stored)) { // throwIfAny() above
      throw ApiException.invalid(
          "previous_password", "Previous password", FieldErrorCode.InvalidValue, "is incorrect");
    }
    String hash = Secrets.hashPassword(Objects.requireNonNull(password)); // throwIfAny() above
    database.write(
        tx -> users.setPasswordHash(tx, request.accountId(), self.id(), hash, clock.instant()));
    return Reply.empty(200);
  }

  private Reply passwordRequirements(ApiRequest request) {
    long id = request.pathId("user_id");
    User self = request.principal().user();
    if (id != self.id() && database.read(tx -> users.find(tx, request.accountId(), id)).isEmpty()) {
      throw ApiException.notFound();
    }
    return Reply.ok(Map.of("requirements", CredentialRules.passwordRequirements()));
  }

  private Reply show(ApiRequest request) {
    long id = request.pathId("user_id");
    User user =
        database
            .read(tx -> users.find(tx, request.accountId(), id))
            .orElseThrow(ApiException::notFound);
    return Reply.ok(Map.of("user", UserJson.render(user, request.baseUrl())));
  }

  private Reply me(ApiRequest request) {
    return Reply.ok(Map.of("user", UserJson.render(request.principal().user(), request.baseUrl())));
  }

  /**
   * {@code ?query=}: a phone number in any formatting, a whole email, or part of a name. No query
   * finds nobody, rather than listing everyone.
   */
  private Reply search(ApiRequest request) {
    String query = request.query("query");
    List<User> found;
    long count;
    if (query == null || query.isBlank()) {
      found = List.of();
      count = 0;
    } else {
      UserFilter filter = UserFilter.forText(query);
      record Result(List<User> users, long count) {}
      Result result =
          database.read(
              tx ->
                  new Result(
                      users.search(tx, request.accountId(), filter, SEARCH_LIMIT),
                      users.count(tx, request.accountId(), filter)));
      found = result.users();
      count = result.count();
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("users", found.stream().map(u -> UserJson.render(u, request.baseUrl())).toList());
    body.put("next_page", null);
    body.put("previous_page", null);
    body.put("count", count);
    return Reply.ok(body);
  }
}
