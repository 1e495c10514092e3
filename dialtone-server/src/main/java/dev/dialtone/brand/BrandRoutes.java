package dev.dialtone.brand;

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
import dev.dialtone.route.Pagination;
import dev.dialtone.route.Route;
import dev.dialtone.store.Database;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Create (admins), list and show brands (docs/api.md). */
public final class BrandRoutes {

  private final Database database;
  private final BrandStore brands;
  private final Clock clock;

  public BrandRoutes(Database database, BrandStore brands, Clock clock) {
    this.database = database;
    this.brands = brands;
    this.clock = clock;
  }

  public List<Route> routes() {
    return List.of(
        Route.post("brands.create", "/api/v2/brands", Access.ADMIN, this::create)
            .summary("Creates a brand"),
        Route.get("brands.list", "/api/v2/brands", Access.AGENT, this::list)
            .summary("Lists brands in id order, paged either way"),
        Route.get("brands.show", "/api/v2/brands/{brand_id}", Access.AGENT, this::show)
            .summary("Shows a brand"));
  }

  private Reply create(ApiRequest request) {
    FieldErrors errors = new FieldErrors();
    InputObject input = new InputObject(request.envelope("brand"), errors, Wording.SUPPORT);
    String sent = input.requiredText("name", "Name", InputLimits.TEXT);
    String name = sent == null ? null : sent.strip();
    // Mandatory, as in Zendesk: a brand is reached by its subdomain.
    String subdomain = input.requiredText("subdomain", "Subdomain", InputLimits.TEXT);
    if (subdomain != null && !CredentialRules.isSubdomain(subdomain)) {
      input.add(
          "subdomain", "Subdomain", FieldErrorCode.InvalidFormat, CredentialRules.NOT_A_SUBDOMAIN);
    }
    request.ignored(input.unknownKeys());
    errors.throwIfAny();
    Brand brand =
        database.write(
            tx ->
                brands.insert(
                    tx,
                    request.accountId(),
                    Objects.requireNonNull(name), // required: throwIfAny() above
                    subdomain,
                    clock.instant()));
    Map<String, Object> json =
        BrandJson.render(brand, request.account().defaultBrandId(), request.baseUrl());
    return Reply.created(Map.of("brand", json), Objects.requireNonNull((String) json.get("url")));
  }

  private Reply list(ApiRequest request) {
    Pagination pagination = Pagination.of(request);
    long accountId = request.accountId();
    Long defaultBrandId = request.account().defaultBrandId();
    Map<String, Object> body =
        database.read(
            tx ->
                pagination.page(
                    "brands",
                    Pagination.listing(
                        (after, limit) -> brands.listAfter(tx, accountId, after, limit),
                        (before, limit) -> brands.listBefore(tx, accountId, before, limit),
                        (offset, limit) -> brands.page(tx, accountId, offset, limit),
                        () -> brands.count(tx, accountId),
                        Brand::id),
                    brand -> BrandJson.render(brand, defaultBrandId, request.baseUrl())));
    return Reply.ok(body);
  }

  private Reply show(ApiRequest request) {
    long id = request.pathId("brand_id");
    Brand brand =
        database
            .read(tx -> brands.find(tx, request.accountId(), id))
            .orElseThrow(ApiException::notFound);
    return Reply.ok(
        Map.of(
            "brand",
            BrandJson.render(brand, request.account().defaultBrandId(), request.baseUrl())));
  }
}
