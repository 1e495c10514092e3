package dev.dialtone.console;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dialtone.account.Role;
import dev.dialtone.account.User;
import dev.dialtone.account.UserStore;
import dev.dialtone.api.FieldError;
import dev.dialtone.auth.Access;
import dev.dialtone.auth.ApiToken;
import dev.dialtone.http.ApiException;
import dev.dialtone.http.CredentialRules;
import dev.dialtone.http.FieldErrors;
import dev.dialtone.http.InputObject;
import dev.dialtone.http.InputObject.Wording;
import dev.dialtone.http.Reply;
import dev.dialtone.route.ApiRequest;
import dev.dialtone.route.Route;
import dev.dialtone.screenpop.ScreenPopStore;
import dev.dialtone.screenpop.ScreenPops;
import dev.dialtone.store.Database;
import dev.dialtone.token.ApiTokens;
import dev.dialtone.user.UserAccounts;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The admins' pages: the screen-pop log, the account's agents and admins, and its API tokens. The
 * forms apply the rules the API applies ({@link UserAccounts}, {@link ApiTokens}), reading the
 * form's fields as the API reads a JSON object, so a refusal names the same sentences.
 */
public final class AdminPages {
  static final int SCREEN_POP_LIMIT = 100;
  static final int TOKEN_LIMIT = 200;

  static final String USERS = "/agent/admin/users";
  static final String TOKENS = "/agent/admin/tokens";

  /** What {@code ?done=} says after a form of the users page succeeded. */
  private static final Map<String, String> USER_NOTICES =
      Map.of(
          "created", "The user was added.",
          "password", "The password was set: the previous one no longer works.",
          "suspended", "The user was suspended: their console sessions have ended.",
          "reactivated", "The user was reactivated: they can sign in again.");

  private static final Map<String, String> TOKEN_NOTICES =
      Map.of("revoked", "The token was revoked: it signs nobody in any more.");

  private final Database database;
  private final UserStore users;
  private final UserAccounts accounts;
  private final ApiTokens tokens;
  private final ScreenPops screenPops;
  private final Templates templates;
  private final Assets assets;

  public AdminPages(
      Database database,
      UserStore users,
      UserAccounts accounts,
      ApiTokens tokens,
      ScreenPops screenPops,
      Templates templates,
      Assets assets) {
    this.database = database;
    this.users = users;
    this.accounts = accounts;
    this.tokens = tokens;
    this.screenPops = screenPops;
    this.templates = templates;
    this.assets = assets;
  }

  public List<Route> routes() {
    return List.of(
        Route.page(
                "console.admin.screen_pops",
                "/agent/admin/screen-pops",
                Access.ADMIN,
                this::screenPops)
            .summary("The screen-pop log: newest first, with target, trigger and delivery"),
        Route.page("console.admin.users", USERS, Access.ADMIN, this::users)
            .summary("The account's agents and admins, and the forms that manage them"),
        Route.form("console.admin.users.create", USERS, Access.ADMIN, this::createUser)
            .summary("Adds an agent or admin, with an optional initial password"),
        Route.form(
                "console.admin.users.password",
                USERS + "/{user_id}/password",
                Access.ADMIN,
                this::setPassword)
            .summary("Sets a user's password"),
        Route.form(
                "console.admin.users.suspend",
                USERS + "/{user_id}/suspend",
                Access.ADMIN,
                request -> suspend(request, true))
            .summary("Suspends a user: their console sessions end at once"),
        Route.form(
                "console.admin.users.reactivate",
                USERS + "/{user_id}/reactivate",
                Access.ADMIN,
                request -> suspend(request, false))
            .summary("Reactivates a suspended user"),
        Route.page("console.admin.tokens", TOKENS, Access.ADMIN, this::tokens)
            .summary("The account's API tokens, without their secrets"),
        Route.form("console.admin.tokens.create", TOKENS, Access.ADMIN, this::createToken)
            .summary("Creates an API token and shows it once"),
        Route.form(
                "console.admin.tokens.revoke",
                TOKENS + "/{token_id}/revoke",
                Access.ADMIN,
                this::revokeToken)
            .summary("Revokes an API token"));
  }

  // --- screen pops

  private Reply screenPops(ApiRequest request) {
    long accountId = request.accountId();
    ScreenPopLog page =
        database.read(
            tx -> {
              List<ScreenPopStore.ScreenPop> pops =
                  screenPops.recent(tx, accountId, SCREEN_POP_LIMIT + 1);
              Names names = new Names(tx, accountId);
              List<ScreenPopLog.Row> rows =
                  pops.stream().limit(SCREEN_POP_LIMIT).map(pop -> row(pop, names)).toList();
              String note =
                  pops.size() > SCREEN_POP_LIMIT
                      ? "Showing the newest " + SCREEN_POP_LIMIT + " screen pops."
                      : null;
              return new ScreenPopLog(
                  Shell.of(request, assets, "Screen pops", Shell.Section.SCREEN_POPS), rows, note);
            });
    return templates.page("admin/screen-pops.jte", page);
  }

  private static ScreenPopLog.Row row(ScreenPopStore.ScreenPop pop, Names names) {
    Long ticketId = pop.ticketId();
    Long userId = pop.userId();
    String target;
    String targetUrl;
    if (ticketId != null) {
      target = "Ticket #" + ticketId;
      targetUrl = "/agent/tickets/" + ticketId;
    } else if (userId != null) {
      target = names.of(userId);
      targetUrl = "/agent/users/" + userId;
    } else {
      target = "(nothing)";
      targetUrl = "/agent/admin/screen-pops";
    }
    return new ScreenPopLog.Row(
        Formats.second(pop.createdAt()),
        pop.agentId(),
        names.of(pop.agentId()),
        target,
        targetUrl,
        trigger(pop.source()),
        pop.delivered());
  }

  /** What asked for the pop, in words. */
  static String trigger(String source) {
    return switch (source) {
      case ScreenPops.DISPLAY_TICKET -> "Display API: ticket";
      case ScreenPops.DISPLAY_USER -> "Display API: user";
      case ScreenPops.VOICE_COMMENT -> "Voice comment (display_to_agent)";
      case ScreenPops.VOICE_TICKET -> "Voice ticket (display_to_agent)";
      default -> source;
    };
  }

  // --- users

  private Reply users(ApiRequest request) {
    String notice = USER_NOTICES.get(Objects.requireNonNullElse(request.query("done"), ""));
    return usersPage(request, 200, notice, List.of(), new UserAdmin.NewUser("", ""), "agent");
  }

  private Reply usersPage(
      ApiRequest request,
      int status,
      @Nullable String notice,
      List<String> errors,
      UserAdmin.NewUser form,
      String role) {
    long accountId = request.accountId();
    long self = request.principal().user().id();
    List<UserAdmin.Row> rows =
        database.read(
            tx ->
                Lists.staff(users, tx, accountId).stream()
                    .map(
                        u ->
                            new UserAdmin.Row(
                                u.id(),
                                u.name(),
                                Objects.requireNonNullElse(u.email(), ""),
                                u.role().wireName(),
                                u.suspended(),
                                u.id() == self,
                                Formats.minute(u.createdAt())))
                    .toList());
    List<TicketList.Option> roles =
        Stream.of(Role.AGENT, Role.ADMIN)
            .map(
                r ->
                    new TicketList.Option(
                        r.wireName(),
                        r == Role.ADMIN ? "Admin" : "Agent",
                        r.wireName().equals(role)))
            .toList();
    UserAdmin page =
        new UserAdmin(
            Shell.of(request, assets, "Users", Shell.Section.USERS),
            rows,
            notice,
            errors,
            form,
            roles,
            String.join(", ", CredentialRules.passwordRequirements()));
    return templates.page(status, "admin/users.jte", page);
  }

  private Reply createUser(ApiRequest request) {
    String name = field(request, "name");
    String email = field(request, "email");
    String role = field(request, "role");
    ObjectNode fields = JsonNodeFactory.instance.objectNode();
    fields.put("name", name);
    fields.put("email", email);
    fields.put("role", role);
    String password = request.formField("password");
    if (password != null && !password.isEmpty()) {
      fields.put("password", password);
    }
    FieldErrors errors = new FieldErrors();
    try {
      accounts.create(
          request.accountId(),
          request.principal().user(),
          new InputObject(fields, errors, Wording.SUPPORT),
          errors,
          true,
          keys -> {});
    } catch (ApiException e) {
      if (e.code().status() != 422) {
        throw e;
      }
      return usersPage(request, 422, null, sentences(e), new UserAdmin.NewUser(name, email), role);
    }
    return Reply.redirect(USERS + "?done=created");
  }

  private Reply setPassword(ApiRequest request) {
    long id = request.pathId("user_id");
    ObjectNode fields = JsonNodeFactory.instance.objectNode();
    fields.put("password", Objects.requireNonNullElse(request.formField("password"), ""));
    FieldErrors errors = new FieldErrors();
    try {
      accounts.setPassword(
          request.accountId(),
          id,
          new InputObject(fields, errors, Wording.SUPPORT),
          errors,
          keys -> {});
    } catch (ApiException e) {
      if (e.code().status() != 422) {
        throw e;
      }
      String whose =
          database
              .read(tx -> users.find(tx, request.accountId(), id))
              .map(User::name)
              .orElse("user " + id);
      return usersPage(
          request,
          422,
          null,
          sentences(e).stream()
              .map(s -> "The password of " + whose + " was not set. " + s)
              .toList(),
          new UserAdmin.NewUser("", ""),
          "agent");
    }
    return Reply.redirect(USERS + "?done=password");
  }

  private Reply suspend(ApiRequest request, boolean suspended) {
    long id = request.pathId("user_id");
    try {
      accounts.setSuspended(request.accountId(), request.principal().user(), id, suspended);
    } catch (ApiException e) {
      if (e.code().status() != 422) {
        throw e;
      }
      return usersPage(
          request,
          422,
          null,
          List.of("You cannot suspend yourself: another admin can, if it must be done."),
          new UserAdmin.NewUser("", ""),
          "agent");
    }
    return Reply.redirect(USERS + "?done=" + (suspended ? "suspended" : "reactivated"));
  }

  // --- tokens

  private Reply tokens(ApiRequest request) {
    String notice = TOKEN_NOTICES.get(Objects.requireNonNullElse(request.query("done"), ""));
    return tokensPage(request, 200, notice, List.of(), null);
  }

  private Reply tokensPage(
      ApiRequest request,
      int status,
      @Nullable String notice,
      List<String> errors,
      TokenAdmin.@Nullable Created created) {
    List<TokenAdmin.Row> rows =
        tokens.list(request.accountId(), TOKEN_LIMIT).stream()
            .map(
                (ApiToken t) ->
                    new TokenAdmin.Row(
                        t.id(), t.description(), Formats.minute(t.createdAt()), t.active()))
            .toList();
    TokenAdmin page =
        new TokenAdmin(
            Shell.of(request, assets, "API tokens", Shell.Section.TOKENS),
            rows,
            notice,
            errors,
            created);
    return templates.page(status, "admin/tokens.jte", page);
  }

  /**
   * The secret is on the page that answers the form and nowhere else: a redirect would have to
   * carry it in its URL, where browser history and access logs keep it.
   */
  private Reply createToken(ApiRequest request) {
    ObjectNode fields = JsonNodeFactory.instance.objectNode();
    fields.put("description", field(request, "description"));
    FieldErrors errors = new FieldErrors();
    ApiTokens.Issued issued;
    try {
      issued =
          tokens.issue(
              request.accountId(),
              new InputObject(fields, errors, Wording.SUPPORT),
              errors,
              keys -> {});
    } catch (ApiException e) {
      if (e.code().status() != 422) {
        throw e;
      }
      return tokensPage(request, 422, null, sentences(e), null);
    }
    return tokensPage(
        request,
        201,
        null,
        List.of(),
        new TokenAdmin.Created(
            issued.token().id(),
            issued.token().description(),
            issued.secret(),
            Objects.requireNonNullElse(request.principal().user().email(), "EMAIL")));
  }

  private Reply revokeToken(ApiRequest request) {
    long id = request.pathId("token_id");
    tokens.revoke(request.accountId(), id);
    return Reply.redirect(TOKENS + "?done=revoked");
  }

  private static String field(ApiRequest request, String name) {
    return Objects.requireNonNullElse(request.formField(name), "").strip();
  }

  /** The sentences of a 422, as a person reads them: "Email: is not properly formatted". */
  private static List<String> sentences(ApiException e) {
    List<String> sentences =
        e.details().values().stream().flatMap(List::stream).map(FieldError::description).toList();
    return sentences.isEmpty() ? List.of(e.description()) : sentences;
  }
}
