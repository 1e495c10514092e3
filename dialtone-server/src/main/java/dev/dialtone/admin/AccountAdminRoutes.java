package dev.dialtone.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dialtone.account.AccountSetup;
import dev.dialtone.account.AccountStore;
import dev.dialtone.auth.Access;
import dev.dialtone.http.ApiException;
import dev.dialtone.http.ApiRequest;
import dev.dialtone.http.ApiRoutes;
import dev.dialtone.http.FieldErrorCode;
import dev.dialtone.http.FieldErrors;
import dev.dialtone.http.Reply;
import dev.dialtone.store.Database;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code POST /_dialtone/accounts}: an admin of the default account creates another account
 * (tenant), with its first admin and API token, for self-hosting several teams or for tests.
 */
public final class AccountAdminRoutes {
  private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

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

  public void register(ApiRoutes routes) {
    routes.post("/_dialtone/accounts", Access.ADMIN, this::create);
  }

  private Reply create(ApiRequest request) {
    if (!request.account().subdomain().equals(defaultSubdomain)) {
      throw ApiException.forbidden();
    }
    ObjectNode body = request.jsonBody();
    JsonNode accountNode = body.get("account");
    if (accountNode == null || !accountNode.isObject()) {
      throw ApiException.invalidJson("The request body must have an \"account\" object");
    }
    FieldErrors errors = new FieldErrors();
    String subdomain = text(accountNode, "subdomain");
    String email = text(accountNode, "admin_email");
    String password = text(accountNode, "admin_password");
    String token = text(accountNode, "admin_token");
    if (subdomain == null || !SUBDOMAIN.matcher(subdomain).matches()) {
      errors.add(
          "subdomain",
          "Subdomain",
          FieldErrorCode.InvalidValue,
          "must be 1 to 63 lowercase letters, digits or inner hyphens");
    }
    if (email == null || !email.contains("@") || email.length() > 255) {
      errors.add(
          "admin_email", "Admin email", FieldErrorCode.InvalidValue, "is not an email address");
    }
    errors.throwIfAny();
    AccountSetup.Created created =
        database.write(
            tx -> {
              if (accounts.findBySubdomain(tx, subdomain).isPresent()) {
                throw ApiException.invalid(
                    "subdomain", "Subdomain", FieldErrorCode.InvalidValue, "is already taken");
              }
              return setup.create(tx, subdomain, email, password, token, clock.instant());
            });
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", created.account().id());
    json.put("subdomain", created.account().subdomain());
    json.put("admin_id", created.admin().id());
    json.put("admin_email", created.admin().email());
    json.put("admin_password", created.password());
    json.put("api_token", created.apiToken());
    json.put("default_brand_id", created.account().defaultBrandId());
    return Reply.created(Map.of("account", json));
  }

  private static String text(JsonNode node, String key) {
    JsonNode value = node.get(key);
    return value != null && value.isTextual() ? value.textValue() : null;
  }
}
