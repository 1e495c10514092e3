package dev.dialtone.token;

import dev.dialtone.account.UserStore;
import dev.dialtone.api.FieldErrorCode;
import dev.dialtone.api.Timestamps;
import dev.dialtone.auth.Access;
import dev.dialtone.auth.ApiToken;
import dev.dialtone.auth.Secrets;
import dev.dialtone.auth.TokenStore;
import dev.dialtone.http.FieldErrors;
import dev.dialtone.http.InputLimits;
import dev.dialtone.http.InputObject;
import dev.dialtone.http.InputObject.Wording;
import dev.dialtone.http.Reply;
import dev.dialtone.route.ApiRequest;
import dev.dialtone.route.Route;
import dev.dialtone.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Admins make credentials for integrations: API tokens ({@code email/token:TOKEN}) and OAuth access
 * tokens ({@code Bearer TOKEN}). The secret is in the 201 and nowhere else: only its digest is
 * kept.
 */
public final class TokenRoutes {
  /**
   * {@code read}, {@code write}, {@code impersonate}, or a resource scope like {@code users:read}.
   */
  private static final Pattern SCOPE = Pattern.compile("[a-z_]{1,50}(:(read|write))?");

  private final Database database;
  private final TokenStore tokens;
  private final ApiTokens apiTokens;
  private final UserStore users;
  private final Clock clock;

  public TokenRoutes(
      Database database, TokenStore tokens, ApiTokens apiTokens, UserStore users, Clock clock) {
    this.database = database;
    this.tokens = tokens;
    this.apiTokens = apiTokens;
    this.users = users;
    this.clock = clock;
  }

  public List<Route> routes() {
    return List.of(
        Route.post("api_tokens.create", "/api/v2/api_tokens", Access.ADMIN, this::createApiToken)
            .summary("Creates an API token; its value is shown once"),
        Route.post(
                "oauth_tokens.create", "/api/v2/oauth/tokens", Access.ADMIN, this::createOAuthToken)
            .summary("Creates an OAuth access token for Bearer sign-in; shown once"));
  }

  private Reply createApiToken(ApiRequest request) {
    FieldErrors errors = new FieldErrors();
    InputObject input = new InputObject(request.envelope("api_token"), errors, Wording.SUPPORT);
    ApiTokens.Issued issued = apiTokens.issue(request.accountId(), input, errors, request::ignored);
    ApiToken token = issued.token();
    String secret = issued.secret();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", token.id());
    json.put("description", token.description());
    json.put("token", secret);
    json.put("active", token.active());
    json.put("created_at", Timestamps.render(token.createdAt()));
    return Reply.created(Map.of("api_token", json)).noStore();
  }

  /**
   * An access token for {@code user_id} (default: the caller). Scopes are kept and echoed but not
   * enforced: a token can do what its user can.
   */
  private Reply createOAuthToken(ApiRequest request) {
    FieldErrors errors = new FieldErrors();
    InputObject input = new InputObject(request.envelope("token"), errors, Wording.SUPPORT);
    Long userId = input.id("user_id", "User");
    List<String> scopes = input.texts("scopes", "Scopes", InputLimits.SCOPES, InputLimits.TEXT);
    if (scopes != null && scopes.stream().anyMatch(scope -> !SCOPE.matcher(scope).matches())) {
      input.add(
          "scopes",
          "Scopes",
          FieldErrorCode.InvalidValue,
          "must be read, write, impersonate or resource:read|write");
    } else if (scopes == null || scopes.isEmpty()) {
      input.blank("scopes", "Scopes", "");
    }
    request.ignored(input.unknownKeys());
    long owner = userId != null ? userId : request.principal().user().id();
    String secret = Secrets.newToken() + Secrets.newToken();
    Instant now = clock.instant();
    long id =
        database.write(
            tx -> {
              if (userId != null && users.find(tx, request.accountId(), userId).isEmpty()) {
                input.add(
                    "user_id",
                    "User",
                    FieldErrorCode.InvalidValue,
                    "does not name a user of this account");
              }
              errors.throwIfAny();
              return tokens.insertOAuthToken(
                  tx, request.accountId(), owner, secret, String.join(" ", scopes), now);
            });
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", id);
    json.put("user_id", owner);
    json.put("client_id", null);
    json.put("full_token", secret);
    json.put("scopes", scopes);
    json.put("expires_at", null);
    json.put("created_at", Timestamps.render(now));
    return Reply.created(Map.of("token", json)).noStore();
  }
}
