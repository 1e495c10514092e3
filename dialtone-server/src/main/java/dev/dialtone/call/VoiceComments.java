package dev.dialtone.call;

import dev.dialtone.account.Account;
import dev.dialtone.account.User;
import dev.dialtone.account.UserStore;
import dev.dialtone.api.Call;
import dev.dialtone.api.CallField;
import dev.dialtone.api.FieldErrorCode;
import dev.dialtone.auth.Principal;
import dev.dialtone.http.ApiException;
import dev.dialtone.http.FieldErrors;
import dev.dialtone.screenpop.ScreenPops;
import dev.dialtone.store.Tx;
import dev.dialtone.ticket.Comment;
import dev.dialtone.ticket.CommentStore;
import dev.dialtone.ticket.CommentType;
import dev.dialtone.ticket.Ticket;
import dev.dialtone.ticket.TicketStatus;
import dev.dialtone.ticket.TicketStore;
import dev.dialtone.ticket.Via;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Adds TPE voice comments to the ticket of a call (docs/api.md): creates the ticket when the call
 * has none, resolves the author, and pops the ticket to an agent when asked.
 */
public final class VoiceComments {
  private final TicketStore tickets;
  private final CommentStore comments;
  private final UserStore users;
  private final ScreenPops screenPops;

  public VoiceComments(
      TicketStore tickets, CommentStore comments, UserStore users, ScreenPops screenPops) {
    this.tickets = tickets;
    this.comments = comments;
    this.users = users;
    this.screenPops = screenPops;
  }

  /** A comment just added, with the ticket it is on. */
  public record Added(Comment comment, Ticket ticket, boolean ticketCreated) {}

  /**
   * Checks the users a request names, before anything is written: {@code author_id} must be a user
   * and {@code display_to_agent} an agent or admin of the account.
   */
  public void checkPeople(Tx tx, long accountId, VoiceCommentRequest request, FieldErrors errors) {
    if (request.authorId() != null && users.find(tx, accountId, request.authorId()).isEmpty()) {
      errors.add(
          "author_id",
          "Author",
          FieldErrorCode.InvalidValue,
          "does not name a user of this account");
    }
    if (request.displayToAgent() != null
        && users
            .find(tx, accountId, request.displayToAgent())
            .filter(u -> u.role().isStaff())
            .isEmpty()) {
      errors.add(
          "display_to_agent",
          "Display to agent",
          FieldErrorCode.InvalidValue,
          "does not name an agent of this account");
    }
  }

  /**
   * Adds the comment to the call's ticket, creating the ticket when the call has none. The caller
   * has checked the request with {@link #checkPeople}; it links a created ticket to the call.
   */
  public Added add(
      Tx tx, Principal principal, Call call, VoiceCommentRequest request, Instant now) {
    Account account = principal.account();
    Long ticketId = call.ticketId();
    boolean created = ticketId == null;
    Ticket ticket =
        ticketId == null
            ? createTicket(tx, principal, call, request, now)
            : tickets.findForUpdate(tx, account.id(), ticketId).orElseThrow(ApiException::notFound);
    if (!created) {
      checkAcceptsComments(ticket);
    }
    long authorId = resolveAuthor(request, call, principal);
    long auditId = tickets.insertAudit(tx, account.id(), ticket.id(), principal.user().id(), now);
    List<String> displayed =
        VoiceCommentRenderer.displayed(request.callFields()).stream()
            .map(CallField::wireName)
            .toList();
    Comment comment =
        comments.insert(
            tx,
            new Comment(
                0,
                account.id(),
                ticket.id(),
                auditId,
                CommentType.TPE_VOICE,
                authorId,
                account.tpeCommentsPublic(),
                null,
                call.id(),
                request.title(),
                displayed,
                request.authorId(),
                null,
                now));
    tickets.commentAdded(tx, account.id(), ticket.id(), now);
    if (request.displayToAgent() != null) {
      screenPops.pop(
          tx,
          account.id(),
          request.displayToAgent(),
          ticket.id(),
          null,
          ScreenPops.VOICE_COMMENT,
          now);
    }
    return new Added(comment, ticket, created);
  }

  private static void checkAcceptsComments(Ticket ticket) {
    FieldErrors errors = new FieldErrors();
    if (ticket.status() == TicketStatus.CLOSED) {
      errors.add("status", "Status", FieldErrorCode.InvalidValue, "closed prevents ticket update");
    }
    if (ticket.commentCount() >= Ticket.MAX_COMMENTS) {
      errors.add(
          "comments",
          "Comments",
          FieldErrorCode.TooLong,
          "ticket has reached the limit of " + Ticket.MAX_COMMENTS + " comments");
    }
    errors.throwIfAny();
  }

  private static long resolveAuthor(VoiceCommentRequest request, Call call, Principal principal) {
    if (request.authorId() != null) {
      return request.authorId();
    }
    Long endUser = call.number(CallField.END_USER_ID);
    return endUser != null ? endUser : principal.user().id();
  }

  private Ticket createTicket(
      Tx tx, Principal principal, Call call, VoiceCommentRequest request, Instant now) {
    long accountId = principal.accountId();
    Long endUserId = call.number(CallField.END_USER_ID);
    long requesterId = endUserId != null ? endUserId : principal.user().id();
    Long organizationId = call.number(CallField.ORGANIZATION_ID);
    if (organizationId == null) {
      organizationId =
          users.find(tx, accountId, requesterId).map(User::organizationId).orElse(null);
    }
    Long assigneeId = call.number(CallField.AGENT_ID);
    Long brandId = call.number(CallField.BRAND_ID);
    String subject =
        request.subject() != null && !request.subject().isBlank()
            ? request.subject()
            : request.title();
    Via via =
        Via.voice(
            VoiceCommentRenderer.viaId(call),
            call.text(CallField.FROM_LINE),
            call.text(CallField.TO_LINE));
    return tickets.insert(
        tx,
        accountId,
        new TicketStore.NewTicket(
            subject,
            Objects.requireNonNull(request.title()), // blank is refused before this
            assigneeId == null ? TicketStatus.NEW : TicketStatus.OPEN,
            null,
            null,
            requesterId,
            principal.user().id(),
            assigneeId,
            brandId != null ? brandId : principal.account().defaultBrandId(),
            organizationId,
            null,
            List.of(),
            via),
        now);
  }
}
