package dev.dialtone.voiceticket;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dialtone.account.User;
import dev.dialtone.account.UserStore;
import dev.dialtone.api.FieldErrorCode;
import dev.dialtone.auth.Access;
import dev.dialtone.auth.Principal;
import dev.dialtone.http.FieldErrors;
import dev.dialtone.http.Json;
import dev.dialtone.http.Reply;
import dev.dialtone.route.ApiRequest;
import dev.dialtone.route.Route;
import dev.dialtone.screenpop.ScreenPops;
import dev.dialtone.store.Database;
import dev.dialtone.store.Tx;
import dev.dialtone.ticket.Comment;
import dev.dialtone.ticket.CommentStore;
import dev.dialtone.ticket.CommentType;
import dev.dialtone.ticket.Ticket;
import dev.dialtone.ticket.TicketJson;
import dev.dialtone.ticket.TicketStatus;
import dev.dialtone.ticket.TicketStore;
import dev.dialtone.ticket.Via;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/v2/channels/voice/tickets} (docs/api.md): a telephony system opens a ticket for
 * a voicemail or a call, with the call's details as a voice comment, and may pop it to an agent.
 */
public final class VoiceTicketRoutes {
  private final Database database;
  private final TicketStore tickets;
  private final CommentStore comments;
  private final UserStore users;
  private final ScreenPops screenPops;
  private final Clock clock;

  public VoiceTicketRoutes(
      Database database,
      TicketStore tickets,
      CommentStore comments,
      UserStore users,
      ScreenPops screenPops,
      Clock clock) {
    this.database = database;
    this.tickets = tickets;
    this.comments = comments;
    this.users = users;
    this.screenPops = screenPops;
    this.clock = clock;
  }

  public List<Route> routes() {
    return List.of(
        Route.post(
                "voice_tickets.create",
                "/api/v2/channels/voice/tickets",
                Access.AGENT,
                this::create)
            .talk()
            .withIdempotencyKey()
            .summary("Creates a ticket with a voicemail or call-summary voice comment"));
  }

  private Reply create(ApiRequest request) {
    ObjectNode body = request.jsonBody();
    ObjectNode ticketNode = ApiRequest.envelope(body, "ticket");
    FieldErrors errors = new FieldErrors();
    List<String> ignored = new ArrayList<>();
    VoiceTicketRequest input = VoiceTicketRequest.read(body, ticketNode, errors, ignored);
    request.ignored(ignored);
    Ticket ticket =
        database.write(
            tx -> {
              // Every reference is checked before the first write: a bad one leaves no trace.
              Optional<User> answeredBy = checkPeople(tx, request.accountId(), input, errors);
              errors.throwIfAny();
              return create(tx, request.principal(), input, answeredBy, clock.instant());
            });
    String url = request.baseUrl() + "/api/v2/tickets/" + ticket.id() + ".json";
    return Reply.created(Map.of("ticket", TicketJson.render(ticket, request)), url);
  }

  /** Adds a detail for each id that names no fit user; answers who took the call. */
  private Optional<User> checkPeople(
      Tx tx, long accountId, VoiceTicketRequest input, FieldErrors errors) {
    Optional<User> answeredBy = Optional.empty();
    if (input.call() != null && input.call().answeredById() != null) {
      answeredBy = staff(tx, accountId, input.call().answeredById());
      if (answeredBy.isEmpty()) {
        notAnAgent(errors, CallDetails.KEY + ".answered_by_id", CallDetails.LABEL + " answered by");
      }
    }
    if (input.requesterId() != null && users.find(tx, accountId, input.requesterId()).isEmpty()) {
      errors.add(
          "requester_id",
          "Requester",
          FieldErrorCode.InvalidValue,
          "does not name a user of this account");
    }
    if (input.assigneeId() != null && staff(tx, accountId, input.assigneeId()).isEmpty()) {
      notAnAgent(errors, "assignee_id", "Assignee");
    }
    if (input.displayToAgent() != null && staff(tx, accountId, input.displayToAgent()).isEmpty()) {
      notAnAgent(errors, "display_to_agent", "Display to agent");
    }
    return answeredBy;
  }

  private Ticket create(
      Tx tx,
      Principal principal,
      VoiceTicketRequest input,
      Optional<User> answeredBy,
      Instant now) {
    long accountId = principal.accountId();
    long callerId = principal.user().id();
    long requesterId = input.requesterId() != null ? input.requesterId() : callerId;
    CallDetails call = input.call();
    int viaId = viaId(input);
    String voiceBody =
        call == null ? null : call.body(viaId, answeredBy.map(User::name).orElseThrow());
    Ticket ticket =
        tickets.insert(
            tx,
            accountId,
            new TicketStore.NewTicket(
                subject(input),
                // One of them is there: a request with neither is refused before this.
                Objects.requireNonNull(voiceBody != null ? voiceBody : input.commentBody()),
                input.assigneeId() == null ? TicketStatus.NEW : TicketStatus.OPEN,
                input.priority(),
                input.type(),
                requesterId,
                callerId,
                input.assigneeId(),
                principal.account().defaultBrandId(),
                users.find(tx, accountId, requesterId).map(User::organizationId).orElse(null),
                input.externalId(),
                input.tags(),
                Via.voice(
                    viaId, call == null ? null : call.from(), call == null ? null : call.to())),
            now);
    long auditId = tickets.insertAudit(tx, accountId, ticket.id(), callerId, now);
    // Zendesk makes the submitter the author of a new ticket's comments. A call's details are
    // an internal note, as Talk's voice comments are; a plain comment is public unless told.
    if (call != null) {
      String data = new String(Json.write(call.data()), StandardCharsets.UTF_8);
      addComment(tx, ticket, auditId, CommentType.VOICE, callerId, false, voiceBody, data, now);
    }
    if (input.commentBody() != null) {
      addComment(
          tx,
          ticket,
          auditId,
          CommentType.TEXT,
          callerId,
          input.commentPublic(),
          input.commentBody(),
          null,
          now);
    }
    if (input.displayToAgent() != null) {
      screenPops.pop(
          tx, accountId, input.displayToAgent(), ticket.id(), null, ScreenPops.VOICE_TICKET, now);
    }
    return tickets.find(tx, accountId, ticket.id()).orElseThrow();
  }

  private void addComment(
      Tx tx,
      Ticket ticket,
      long auditId,
      CommentType type,
      long authorId,
      boolean isPublic,
      @Nullable String body,
      @Nullable String data,
      Instant now) {
    comments.insert(
        tx,
        new Comment(
            0,
            ticket.accountId(),
            ticket.id(),
            auditId,
            type,
            authorId,
            isPublic,
            body,
            null,
            null,
            List.of(),
            null,
            data,
            now));
    tickets.commentAdded(tx, ticket.accountId(), ticket.id(), now);
  }

  /** {@code via_id} is required: set on every request that passed validation. */
  private static int viaId(VoiceTicketRequest input) {
    return Objects.requireNonNull(input.viaId(), "via_id is checked before the ticket is made");
  }

  /** The subject sent, else one that names the call: "Voicemail from +1 (661) 748-0123". */
  private static String subject(VoiceTicketRequest input) {
    if (input.subject() != null && !input.subject().isBlank()) {
      return input.subject();
    }
    if (input.call() != null) {
      return input.call().defaultSubject(viaId(input));
    }
    return viaId(input) == Via.OUTBOUND ? "Outbound call" : "Inbound call";
  }

  private Optional<User> staff(Tx tx, long accountId, long id) {
    return users.find(tx, accountId, id).filter(user -> user.role().isStaff());
  }

  private static void notAnAgent(FieldErrors errors, String field, String label) {
    errors.add(field, label, FieldErrorCode.InvalidValue, "does not name an agent of this account");
  }
}
