package dev.dialtone.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dialtone.account.User;
import dev.dialtone.account.UserStore;
import dev.dialtone.api.FieldErrorCode;
import dev.dialtone.auth.Access;
import dev.dialtone.auth.Principal;
import dev.dialtone.brand.BrandStore;
import dev.dialtone.http.ApiException;
import dev.dialtone.http.FieldErrors;
import dev.dialtone.http.Json;
import dev.dialtone.http.Reply;
import dev.dialtone.organization.OrganizationStore;
import dev.dialtone.route.ApiRequest;
import dev.dialtone.route.Pagination;
import dev.dialtone.route.Route;
import dev.dialtone.store.Database;
import dev.dialtone.store.Tx;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Zendesk's ticket endpoints that a TPE integration needs (docs/api.md). */
public final class TicketRoutes {
  private final Database database;
  private final TicketStore tickets;
  private final CommentStore comments;
  private final UserStore users;
  private final BrandStore brands;
  private final OrganizationStore organizations;
  private final Clock clock;

  public TicketRoutes(
      Database database,
      TicketStore tickets,
      CommentStore comments,
      UserStore users,
      BrandStore brands,
      OrganizationStore organizations,
      Clock clock) {
    this.database = database;
    this.tickets = tickets;
    this.comments = comments;
    this.users = users;
    this.brands = brands;
    this.organizations = organizations;
    this.clock = clock;
  }

  public List<Route> routes() {
    return List.of(
        Route.post("tickets.create", "/api/v2/tickets", Access.AGENT, this::create)
            .withIdempotencyKey()
            .summary("Creates a ticket with its first comment"),
        Route.get("tickets.list", "/api/v2/tickets", Access.AGENT, this::list)
            .summary("Lists tickets, with offset or cursor pagination"),
        Route.get("tickets.show", "/api/v2/tickets/{ticket_id}", Access.AGENT, this::show)
            .summary("Shows a ticket"),
        Route.put("tickets.update", "/api/v2/tickets/{ticket_id}", Access.AGENT, this::update)
            .summary("Updates a ticket's status and fields, optionally adding a comment"),
        Route.delete("tickets.delete", "/api/v2/tickets/{ticket_id}", Access.AGENT, this::delete)
            .summary("Deletes a ticket and its comments; its calls stay, without a ticket"));
  }

  private Reply create(ApiRequest request) {
    FieldErrors errors = new FieldErrors();
    TicketInput.Create input = TicketInput.forCreate(request.envelope("ticket"), errors);
    request.ignored(input.unknownKeys());
    Principal principal = request.principal();
    long accountId = request.accountId();
    Answer answer =
        database.write(
            tx -> {
              Optional<User> requester =
                  input.requesterId() == null
                      ? Optional.of(principal.user())
                      : users.find(tx, accountId, input.requesterId());
              if (requester.isEmpty()) {
                errors.add(
                    "requester_id",
                    "Requester",
                    FieldErrorCode.InvalidValue,
                    "does not name a user of this account");
              }
              checkAssignee(tx, accountId, input.assigneeId(), errors);
              checkBrand(tx, accountId, input.brandId(), errors);
              checkOrganization(tx, accountId, input.organizationId(), errors);
              errors.throwIfAny();
              Instant now = clock.instant();
              Ticket created =
                  tickets.insert(
                      tx,
                      accountId,
                      new TicketStore.NewTicket(
                          input.subject(),
                          Objects.requireNonNull(input.comment()).body(), // required on create
                          status(input.status(), input.assigneeId()),
                          input.priority(),
                          input.type(),
                          requester.get().id(),
                          principal.user().id(),
                          input.assigneeId(),
                          input.brandId() != null
                              ? input.brandId()
                              : principal.account().defaultBrandId(),
                          input.organizationId() != null
                              ? input.organizationId()
                              : requester.get().organizationId(),
                          input.externalId(),
                          input.tags(),
                          Via.api()),
                      now);
              TicketAudit audit = openAudit(tx, principal, created, now);
              addComment(tx, principal, created, audit, input.comment(), now);
              audit.created(created);
              return new Answer(tickets.find(tx, accountId, created.id()).orElseThrow(), audit);
            });
    Map<String, Object> json = TicketJson.render(answer.ticket(), request);
    return Reply.created(answer.toJson(json), Objects.requireNonNull((String) json.get("url")));
  }

  private Reply show(ApiRequest request) {
    long id = request.pathId("ticket_id");
    Ticket ticket =
        database
            .read(tx -> tickets.find(tx, request.accountId(), id))
            .orElseThrow(ApiException::notFound);
    return Reply.ok(Map.of("ticket", TicketJson.render(ticket, request)));
  }

  /** Zendesk answers 204; the ticket is then 404 everywhere. */
  private Reply delete(ApiRequest request) {
    long id = request.pathId("ticket_id");
    if (!database.write(tx -> tickets.delete(tx, request.accountId(), id))) {
      throw ApiException.notFound();
    }
    return Reply.empty(204);
  }

  private Reply list(ApiRequest request) {
    Pagination pagination = Pagination.of(request);
    long accountId = request.accountId();
    Map<String, Object> body =
        database.read(
            tx ->
                pagination.page(
                    "tickets",
                    new Pagination.Listing<Ticket>() {
                      @Override
                      public List<Ticket> after(long afterId, int limit) {
                        return tickets.listAfter(tx, accountId, afterId, limit);
                      }

                      @Override
                      public List<Ticket> before(long beforeId, int limit) {
                        return tickets.listBefore(tx, accountId, beforeId, limit);
                      }

                      @Override
                      public List<Ticket> slice(int offset, int limit) {
                        return tickets.page(tx, accountId, offset, limit);
                      }

                      @Override
                      public long count() {
                        return tickets.count(tx, accountId);
                      }

                      @Override
                      public long id(Ticket ticket) {
                        return ticket.id();
                      }
                    },
                    ticket -> TicketJson.render(ticket, request)));
    return Reply.ok(body);
  }

  /**
   * A partial update: keys sent change, by the rules of create, a {@code comment} is added; closed
   * tickets are final. A ticket sent back whole, as a read-modify-write client sends it, changes
   * only what differs.
   */
  private Reply update(ApiRequest request) {
    long id = request.pathId("ticket_id");
    FieldErrors errors = new FieldErrors();
    TicketInput.Update input = TicketInput.forUpdate(request.envelope("ticket"), errors);
    request.ignored(input.unknownKeys());
    Principal principal = request.principal();
    long accountId = request.accountId();
    Answer answer =
        database.write(
            tx -> {
              Ticket stored =
                  tickets.findForUpdate(tx, accountId, id).orElseThrow(ApiException::notFound);
              request.ignored(changedEchoes(stored, input, request));
              if (stored.status() == TicketStatus.CLOSED) {
                errors.add(
                    "status",
                    "Status",
                    FieldErrorCode.InvalidValue,
                    "closed prevents ticket update");
              }
              if (input.comment() != null && stored.commentCount() >= Ticket.MAX_COMMENTS) {
                errors.add(
                    "comments",
                    "Comments",
                    FieldErrorCode.TooLong,
                    "ticket has reached the limit of " + Ticket.MAX_COMMENTS + " comments");
              }
              Optional<User> requester = Optional.empty();
              if (input.changes("requester_id") && input.requesterId() != null) {
                requester = users.find(tx, accountId, input.requesterId());
                if (requester.isEmpty()) {
                  errors.add(
                      "requester_id",
                      "Requester",
                      FieldErrorCode.InvalidValue,
                      "does not name a user of this account");
                }
              }
              if (input.changes("assignee_id")) {
                checkAssignee(tx, accountId, input.assigneeId(), errors);
              }
              if (input.changes("brand_id")) {
                checkBrand(tx, accountId, input.brandId(), errors);
              }
              if (input.changes("organization_id")) {
                checkOrganization(tx, accountId, input.organizationId(), errors);
              }
              errors.throwIfAny();
              Ticket changed =
                  apply(stored, input, requester, principal.account().defaultBrandId());
              Instant now = clock.instant();
              tickets.update(tx, changed, now);
              // Every update is one audit, as in Zendesk, even one that changes nothing.
              TicketAudit audit = openAudit(tx, principal, changed, now);
              if (input.comment() != null) {
                addComment(tx, principal, changed, audit, input.comment(), now);
              }
              audit.changed(stored, changed);
              return new Answer(tickets.find(tx, accountId, id).orElseThrow(), audit);
            });
    return Reply.ok(answer.toJson(TicketJson.render(answer.ticket(), request)));
  }

  /**
   * The keys a ticket shows but a PUT does not store that were sent with another value than the
   * ticket shows: those are ignored, so they are reported; sent back as shown, they are not.
   */
  private static List<String> changedEchoes(
      Ticket stored, TicketInput.Update input, ApiRequest request) {
    JsonNode shown = Json.mapper().valueToTree(TicketJson.render(stored, request));
    List<String> changed = new ArrayList<>();
    input
        .echoed()
        .forEach(
            (key, value) -> {
              JsonNode current = shown.get(key);
              boolean same =
                  (current == null || current.isNull()) ? value.isNull() : current.equals(value);
              if (!same) {
                changed.add(key);
              }
            });
    return changed;
  }

  private static Ticket apply(
      Ticket stored,
      TicketInput.Update input,
      Optional<User> newRequester,
      @Nullable Long defaultBrandId) {
    Long assigneeId = input.changes("assignee_id") ? input.assigneeId() : stored.assigneeId();
    // A status sent as null is refused (BlankValue) before this.
    TicketStatus status =
        input.changes("status") ? Objects.requireNonNull(input.status()) : stored.status();
    // A ticket with an assignee is no longer new, as in Zendesk.
    if (status == TicketStatus.NEW && assigneeId != null) {
      status = TicketStatus.OPEN;
    }
    // A requester sent as null is refused (BlankValue), an unknown one (InvalidValue), before this.
    long requesterId = newRequester.map(User::id).orElse(stored.requesterId());
    // As on create: the ticket takes its requester's organization unless one is sent.
    Long organizationId = stored.organizationId();
    if (input.changes("organization_id")) {
      organizationId = input.organizationId();
    } else if (requesterId != stored.requesterId()) {
      organizationId = newRequester.orElseThrow().organizationId();
    }
    Long brandId = stored.brandId();
    if (input.changes("brand_id")) {
      // As on create: a ticket without a brand sent has the account's default brand.
      brandId = input.brandId() != null ? input.brandId() : defaultBrandId;
    }
    List<String> tags = stored.tags();
    if (input.changes("tags")) {
      // Zendesk's "set" behaviour: the list sent replaces the ticket's tags; null empties them.
      tags = input.tags() == null ? List.of() : input.tags();
    }
    return new Ticket(
        stored.id(),
        stored.accountId(),
        input.changes("subject") ? input.subject() : stored.subject(),
        stored.description(),
        status,
        input.changes("priority") ? input.priority() : stored.priority(),
        input.changes("type") ? input.type() : stored.type(),
        requesterId,
        stored.submitterId(),
        assigneeId,
        brandId,
        organizationId,
        input.changes("external_id") ? input.externalId() : stored.externalId(),
        tags,
        stored.via(),
        stored.commentCount(),
        stored.createdAt(),
        stored.updatedAt());
  }

  /** New unless sent otherwise; a ticket created with an assignee starts open, as in Zendesk. */
  private static TicketStatus status(@Nullable TicketStatus sent, @Nullable Long assigneeId) {
    TicketStatus status = sent == null ? TicketStatus.NEW : sent;
    return status == TicketStatus.NEW && assigneeId != null ? TicketStatus.OPEN : status;
  }

  private void checkAssignee(Tx tx, long accountId, @Nullable Long assigneeId, FieldErrors errors) {
    if (assigneeId != null
        && users.find(tx, accountId, assigneeId).filter(u -> u.role().isStaff()).isEmpty()) {
      errors.add(
          "assignee_id",
          "Assignee",
          FieldErrorCode.InvalidValue,
          "does not name an agent of this account");
    }
  }

  private void checkBrand(Tx tx, long accountId, @Nullable Long brandId, FieldErrors errors) {
    if (brandId != null && brands.find(tx, accountId, brandId).isEmpty()) {
      errors.add(
          "brand_id",
          "Brand",
          FieldErrorCode.InvalidValue,
          "does not name a brand of this account");
    }
  }

  private void checkOrganization(
      Tx tx, long accountId, @Nullable Long organizationId, FieldErrors errors) {
    if (organizationId != null && organizations.find(tx, accountId, organizationId).isEmpty()) {
      errors.add(
          "organization_id",
          "Organization",
          FieldErrorCode.InvalidValue,
          "does not name an organization of this account");
    }
  }

  /** The ticket and the audit of the change, as create and update answer them. */
  private record Answer(Ticket ticket, TicketAudit audit) {
    Map<String, Object> toJson(Map<String, Object> ticketJson) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("ticket", ticketJson);
      json.put("audit", audit.toJson());
      return json;
    }
  }

  /** Stores the audit of one change by the caller; its events are gathered as the change runs. */
  private TicketAudit openAudit(Tx tx, Principal principal, Ticket ticket, Instant now) {
    long authorId = principal.user().id();
    long auditId = tickets.insertAudit(tx, principal.accountId(), ticket.id(), authorId, now);
    return new TicketAudit(auditId, ticket.id(), authorId, now);
  }

  /** A text comment by the caller, in the change's audit, counted on the ticket. */
  private void addComment(
      Tx tx,
      Principal principal,
      Ticket ticket,
      TicketAudit audit,
      TicketInput.NewComment comment,
      Instant now) {
    long accountId = principal.accountId();
    long authorId = principal.user().id();
    long auditId = audit.id();
    Comment added =
        comments.insert(
            tx,
            new Comment(
                0,
                accountId,
                ticket.id(),
                auditId,
                CommentType.TEXT,
                authorId,
                comment.isPublic(),
                comment.body(),
                null,
                null,
                List.of(),
                null,
                null,
                now));
    audit.comment(added);
    tickets.commentAdded(tx, accountId, ticket.id(), now);
  }
}
