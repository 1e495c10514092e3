package dev.dialtone.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dialtone.account.Account;
import dev.dialtone.account.AccountStore;
import dev.dialtone.api.FieldErrorCode;
import dev.dialtone.auth.Access;
import dev.dialtone.http.ApiException;
import dev.dialtone.http.CredentialRules;
import dev.dialtone.http.FieldErrors;
import dev.dialtone.http.InputLimits;
import dev.dialtone.http.InputObject;
import dev.dialtone.http.InputObject.Wording;
import dev.dialtone.http.Reply;
import dev.dialtone.route.ApiRequest;
import dev.dialtone.route.Route;
import dev.dialtone.store.Database;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Account administration by an admin of the default account: {@code POST /_dialtone/accounts}
 * creates another account (tenant), with its first admin and API token, for self-hosting several
 * teams or for tests; {@code PATCH /_dialtone/accounts/{subdomain}} sets an account's own rate
 * limits.
 */
public final class AccountAdminRoutes {

  private final Database database;
  private final AccountStore accounts;
  private final AccountSetup setup;
  private final String defaultSubdomain;
  private final Clock clock;

  public AccountAdminRoutes(
      Database database,
      AccountStore accounts,
      AccountSetup setup,
      String defaultSubdomain,
      Clock clock) {
    this.database = database;
    this.accounts = accounts;
    this.setup = setup;
    this.defaultSubdomain = defaultSubdomain;
    this.clock = clock;
  }

  public List<Route> routes() {
    return List.of(
        Route.post("accounts.create", "/_dialtone/accounts", Access.ADMIN, this::create)
            .unlimited()
            .summary(
                "Admin of the default account: creates another account (tenant) with its admin"
                    + " and API token"),
        Route.patch(
                "accounts.update", "/_dialtone/accounts/{subdomain}", Access.ADMIN, this::update)
            .unlimited()
            .summary("Admin of the default account: sets the account's own rate limits"));
  }

  private void requireDefaultAccount(ApiRequest request) {
    if (!request.account().subdomain().equals(defaultSubdomain)) {
      throw ApiException.forbidden();
    }
  }

  private Reply create(ApiRequest request) {
    requireDefaultAccount(request);
    ObjectNode body = request.jsonBody();
    JsonNode accountNode = body.get("account");
    if (accountNode == null || !accountNode.isObject()) {
      throw ApiException.invalidJson("The request body must have an \"account\" object");
    }
    FieldErrors errors = new FieldErrors();
    InputObject input = new InputObject((ObjectNode) accountNode, errors, Wording.SUPPORT);
    String subdomain = input.text("subdomain", "Subdomain", InputLimits.TEXT);
    String email = input.text("admin_email", "Admin email", InputLimits.TEXT);
    String password = input.text("admin_password", "Admin password", InputLimits.TEXT);
    String token = input.text("admin_token", "Admin token", InputLimits.TEXT);
    if (!input.failed("subdomain") && !CredentialRules.isSubdomain(subdomain)) {
      input.add(
          "subdomain", "Subdomain", FieldErrorCode.InvalidFormat, CredentialRules.NOT_A_SUBDOMAIN);
    }
    if (!input.failed("admin_email") && !CredentialRules.isEmail(email)) {
      input.add(
          "admin_email", "Admin email", FieldErrorCode.InvalidFormat, CredentialRules.NOT_AN_EMAIL);
    }
    // Left out, the password and token are generated; given, they must meet the rules.
    String passwordProblem = password == null ? null : CredentialRules.passwordProblem(password);
    if (passwordProblem != null) {
      input.add("admin_password", "Admin password", FieldErrorCode.InvalidValue, passwordProblem);
    }
    String tokenProblem = token == null ? null : CredentialRules.tokenProblem(token);
    if (tokenProblem != null) {
      input.add("admin_token", "Admin token", FieldErrorCode.InvalidValue, tokenProblem);
    }
    errors.throwIfAny();
    AccountSetup.Created created =
        database.write(
            tx -> {
              // throwIfAny() above: both were sent and valid.
              String checkedSubdomain = Objects.requireNonNull(subdomain);
              if (accounts.findBySubdomain(tx, checkedSubdomain).isPresent()) {
                throw ApiException.invalid(
                    "subdomain", "Subdomain", FieldErrorCode.InvalidValue, "is already taken");
              }
              return setup.create(
                  tx,
                  checkedSubdomain,
                  Objects.requireNonNull(email),
                  password,
                  token,
                  clock.instant());
            });
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", created.account().id());
    json.put("subdomain", created.account().subdomain());
    json.put("admin_id", created.admin().id());
    json.put("admin_email", created.admin().email());
    json.put("admin_password", created.password());
    json.put("api_token", created.apiToken());
    json.put("default_brand_id", created.account().defaultBrandId());
    return Reply.created(Map.of("account", json)).noStore();
  }

  /**
   * Sets the account's own rate limits. A key left out keeps its value; {@code null} returns the
   * bucket to the server's setting; {@code 0} turns the bucket off for the account.
   */
  private Reply update(ApiRequest request) {
    requireDefaultAccount(request);
    String subdomain = request.pathParam("subdomain");
    FieldErrors errors = new FieldErrors();
    InputObject input = new InputObject(request.envelope("account"), errors, Wording.SUPPORT);
    LimitInput support = rateLimit(input, "rate_limit_support", "Rate limit support");
    LimitInput talk = rateLimit(input, "rate_limit_talk", "Rate limit talk");
    request.ignored(input.unknownKeys());
    errors.throwIfAny();
    Account updated =
        database.write(
            tx -> {
              Account account =
                  accounts.findBySubdomain(tx, subdomain).orElseThrow(ApiException::notFound);
              accounts.setRateLimits(
                  tx,
                  account.id(),
                  support.given() ? support.value() : account.rateLimitSupport(),
                  talk.given() ? talk.value() : account.rateLimitTalk());
              return accounts.findBySubdomain(tx, subdomain).orElseThrow();
            });
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", updated.id());
    json.put("subdomain", updated.subdomain());
    json.put("rate_limit_support", updated.rateLimitSupport());
    json.put("rate_limit_talk", updated.rateLimitTalk());
    return Reply.ok(Map.of("account", json));
  }

  /** A rate limit as sent: whether the key was there, and its value (null to clear). */
  private record LimitInput(boolean given, @Nullable Integer value) {}

  private static LimitInput rateLimit(InputObject input, String key, String label) {
    boolean sent = input.has(key);
    Integer value = input.limit(key, label, InputLimits.RATE_LIMIT);
    return new LimitInput(sent && !input.failed(key), value);
  }
}
