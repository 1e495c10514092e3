package dev.dialtone.console;

import dev.dialtone.api.Call;
import dev.dialtone.auth.Access;
import dev.dialtone.call.CallStore;
import dev.dialtone.http.ApiException;
import dev.dialtone.http.Reply;
import dev.dialtone.route.ApiRequest;
import dev.dialtone.route.Route;
import dev.dialtone.store.Database;
import dev.dialtone.store.Tx;
import dev.dialtone.ticket.Comment;
import dev.dialtone.ticket.CommentStore;
import dev.dialtone.ticket.CommentType;
import dev.dialtone.ticket.Ticket;
import dev.dialtone.ticket.TicketStore;
import dev.dialtone.ticket.Via;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One ticket in the console: its fields and its comments, a TPE voice comment drawn from its call
 * as the call is now, and that voice comment alone for the page to fetch again when the call
 * changes.
 */
public final class TicketPage {
  /** More than a page can usefully show; the API pages through the rest. */
  static final int MAX_COMMENTS = 500;

  private final Database database;
  private final TicketStore tickets;
  private final CommentStore comments;
  private final CallStore calls;
  private final Templates templates;
  private final Assets assets;

  public TicketPage(
      Database database,
      TicketStore tickets,
      CommentStore comments,
      CallStore calls,
      Templates templates,
      Assets assets) {
    this.database = database;
    this.tickets = tickets;
    this.comments = comments;
    this.calls = calls;
    this.templates = templates;
    this.assets = assets;
  }

  public List<Route> routes() {
    return List.of(
        Route.page("console.ticket", "/agent/tickets/{ticket_id}", Access.AGENT, this::show)
            .summary("One ticket: its fields and comments, voice comments with their call"),
        Route.page(
                "console.voice_comment",
                "/agent/tickets/{ticket_id}/comments/{comment_id}/voice",
                Access.AGENT,
                this::voiceComment)
            .summary("A voice comment of a ticket as the page shows it, with its call as now"));
  }

  private Reply show(ApiRequest request) {
    long accountId = request.accountId();
    long ticketId = request.pathId("ticket_id");
    TicketView page =
        database.read(
            tx -> {
              Ticket ticket =
                  tickets.find(tx, accountId, ticketId).orElseThrow(ApiException::notFound);
              Names names = new Names(tx, accountId);
              List<TicketView.CommentItem> items = new ArrayList<>();
              for (Comment comment : comments.page(tx, accountId, ticketId, 0, MAX_COMMENTS)) {
                items.add(item(tx, comment, names));
              }
              String subject =
                  ticket.subject() == null || ticket.subject().isBlank()
                      ? "(no subject)"
                      : ticket.subject();
              return new TicketView(
                  Shell.of(
                      request, assets, "#" + ticket.id() + " " + subject, Shell.Section.TICKETS),
                  ticket.id(),
                  subject,
                  ticket.status().wireName(),
                  ticket.priority(),
                  ticket.type(),
                  person(ticket.requesterId(), names),
                  ticket.assigneeId() == null ? null : person(ticket.assigneeId(), names),
                  ticket.brandId(),
                  ticket.organizationId(),
                  ticket.tags(),
                  via(ticket.via()),
                  Formats.minute(ticket.createdAt()),
                  Formats.minute(ticket.updatedAt()),
                  items);
            });
    return templates.page("tickets/show.jte", page);
  }

  private Reply voiceComment(ApiRequest request) {
    long accountId = request.accountId();
    long ticketId = request.pathId("ticket_id");
    long commentId = request.pathId("comment_id");
    VoiceCommentView view =
        database.read(
            tx -> {
              Comment comment =
                  comments
                      .find(tx, accountId, ticketId, commentId)
                      .filter(c -> c.type() == CommentType.TPE_VOICE)
                      .orElseThrow(ApiException::notFound);
              return callOf(tx, comment)
                  .map(
                      call ->
                          VoiceCommentPresenter.present(
                              comment, call, new Names(tx, accountId)::of))
                  .orElseThrow(ApiException::notFound);
            });
    return templates.page("tickets/voice_comment.jte", view);
  }

  private TicketView.CommentItem item(Tx tx, Comment comment, Names names) {
    @Nullable VoiceCommentView voice =
        comment.type() == CommentType.TPE_VOICE
            ? callOf(tx, comment)
                .map(call -> VoiceCommentPresenter.present(comment, call, names::of))
                .orElse(null)
            : null;
    // A voice comment whose call cannot be read shows what it keeps itself: its title.
    String body = comment.type() == CommentType.TPE_VOICE ? comment.title() : comment.body();
    return new TicketView.CommentItem(
        comment.id(),
        names.of(comment.authorId()),
        comment.isPublic(),
        Formats.minute(comment.createdAt()),
        voice == null ? (body == null ? "" : body) : null,
        voice);
  }

  /** The comment's call, read now: the page shows the call as it is, not as it was. */
  private Optional<Call> callOf(Tx tx, Comment comment) {
    Long callId = comment.callId();
    return callId == null ? Optional.empty() : calls.find(tx, comment.accountId(), callId);
  }

  private TicketView.Person person(long userId, Names names) {
    return new TicketView.Person(names.of(userId), "/agent/users/" + userId);
  }

  private static String via(Via via) {
    return via.rel() == null ? via.channel() : via.channel() + " (" + via.rel() + ")";
  }
}
