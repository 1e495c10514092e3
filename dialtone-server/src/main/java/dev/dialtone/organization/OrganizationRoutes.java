package dev.dialtone.organization;

import dev.dialtone.api.FieldErrorCode;
import dev.dialtone.auth.Access;
import dev.dialtone.http.ApiException;
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

/** Create, update and delete (admins), list and show organizations (docs/api.md). */
public final class OrganizationRoutes {
  private final Database database;
  private final OrganizationStore organizations;
  private final Clock clock;

  public OrganizationRoutes(Database database, OrganizationStore organizations, Clock clock) {
    this.database = database;
    this.organizations = organizations;
    this.clock = clock;
  }

  public List<Route> routes() {
    return List.of(
        Route.post("organizations.create", "/api/v2/organizations", Access.ADMIN, this::create)
            .summary("Creates an organization"),
        Route.get("organizations.list", "/api/v2/organizations", Access.AGENT, this::list)
            .summary("Lists organizations in id order, paged either way"),
        Route.get(
                "organizations.show",
                "/api/v2/organizations/{organization_id}",
                Access.AGENT,
                this::show)
            .summary("Shows an organization"),
        Route.put(
                "organizations.update",
                "/api/v2/organizations/{organization_id}",
                Access.ADMIN,
                this::update)
            .summary("Changes an organization's name or external id"),
        Route.delete(
                "organizations.delete",
                "/api/v2/organizations/{organization_id}",
                Access.ADMIN,
                this::delete)
            .summary("Deletes an organization; its users and tickets stay, without one"));
  }

  private Reply create(ApiRequest request) {
    FieldErrors errors = new FieldErrors();
    InputObject input = new InputObject(request.envelope("organization"), errors, Wording.SUPPORT);
    String sent = input.requiredText("name", "Name", InputLimits.TEXT);
    String name = sent == null ? null : sent.strip();
    String externalId = input.text("external_id", "External ID", InputLimits.TEXT);
    request.ignored(input.unknownKeys());
    Organization organization =
        database.write(
            tx -> {
              if (name != null
                  && organizations.findByName(tx, request.accountId(), name).isPresent()) {
                input.add("name", "Name", FieldErrorCode.InvalidValue, "has already been taken");
              }
              errors.throwIfAny();
              return organizations.insert(
                  tx,
                  request.accountId(),
                  Objects.requireNonNull(name), // required: throwIfAny() above
                  externalId,
                  clock.instant());
            });
    Map<String, Object> json = OrganizationJson.render(organization, request.baseUrl());
    return Reply.created(
        Map.of("organization", json), Objects.requireNonNull((String) json.get("url")));
  }

  /**
   * Zendesk's clients send the whole organization back (read, modify, write): the keys Dialtone
   * shows but does not keep are accepted silently when they still read as shown, and named as
   * ignored when they were changed.
   */
  private Reply update(ApiRequest request) {
    long id = request.pathId("organization_id");
    FieldErrors errors = new FieldErrors();
    InputObject input = new InputObject(request.envelope("organization"), errors, Wording.SUPPORT);
    boolean renames = input.has("name");
    String sent = renames ? input.requiredText("name", "Name", InputLimits.TEXT) : null;
    String name = sent == null ? null : sent.strip();
    boolean reidentifies = input.has("external_id");
    String externalId = input.text("external_id", "External ID", InputLimits.TEXT);
    Organization organization =
        database.write(
            tx -> {
              Organization stored =
                  organizations
                      .find(tx, request.accountId(), id)
                      .orElseThrow(ApiException::notFound);
              if (name != null
                  && organizations
                      .findByName(tx, request.accountId(), name)
                      .filter(other -> other.id() != id)
                      .isPresent()) {
                input.add("name", "Name", FieldErrorCode.InvalidValue, "has already been taken");
              }
              errors.throwIfAny();
              request.ignored(
                  input.changedEchoes(OrganizationJson.render(stored, request.baseUrl())));
              return organizations.update(
                  tx,
                  stored,
                  name == null ? stored.name() : name,
                  reidentifies ? externalId : stored.externalId(),
                  clock.instant());
            });
    return Reply.ok(
        Map.of("organization", OrganizationJson.render(organization, request.baseUrl())));
  }

  private Reply list(ApiRequest request) {
    Pagination pagination = Pagination.of(request);
    long accountId = request.accountId();
    Map<String, Object> body =
        database.read(
            tx ->
                pagination.page(
                    "organizations",
                    Pagination.listing(
                        (after, limit) -> organizations.listAfter(tx, accountId, after, limit),
                        (before, limit) -> organizations.listBefore(tx, accountId, before, limit),
                        (offset, limit) -> organizations.page(tx, accountId, offset, limit),
                        () -> organizations.count(tx, accountId),
                        Organization::id),
                    organization -> OrganizationJson.render(organization, request.baseUrl())));
    return Reply.ok(body);
  }

  /** Zendesk answers 204. */
  private Reply delete(ApiRequest request) {
    long id = request.pathId("organization_id");
    if (!database.write(tx -> organizations.delete(tx, request.accountId(), id))) {
      throw ApiException.notFound();
    }
    return Reply.empty(204);
  }

  private Reply show(ApiRequest request) {
    long id = request.pathId("organization_id");
    Organization organization =
        database
            .read(tx -> organizations.find(tx, request.accountId(), id))
            .orElseThrow(ApiException::notFound);
    return Reply.ok(
        Map.of("organization", OrganizationJson.render(organization, request.baseUrl())));
  }
}
