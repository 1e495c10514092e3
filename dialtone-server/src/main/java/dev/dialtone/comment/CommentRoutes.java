package dev.dialtone.comment;

import dev.dialtone.api.Call;
import dev.dialtone.auth.Access;
import dev.dialtone.call.CallStore;
import dev.dialtone.http.ApiException;
import dev.dialtone.http.Reply;
import dev.dialtone.route.ApiRequest;
import dev.dialtone.route.Pagination;
import dev.dialtone.route.Route;
import dev.dialtone.store.Database;
import dev.dialtone.ticket.Comment;
import dev.dialtone.ticket.CommentStore;
import dev.dialtone.ticket.Ticket;
import dev.dialtone.ticket.TicketStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/v2/tickets/{id}/comments}: every kind of comment, TPE voice comments rendered
 * from their calls as the calls are now (docs/api.md, live data).
 */
public final class CommentRoutes {
  private final Database database;
  private final TicketStore tickets;
  private final CommentStore comments;
  private final CallStore calls;

  public CommentRoutes(
      Database database, TicketStore tickets, CommentStore comments, CallStore calls) {
    this.database = database;
    this.tickets = tickets;
    this.comments = comments;
    this.calls = calls;
  }

  public List<Route> routes() {
    return List.of(
        Route.get("comments.list", "/api/v2/tickets/{ticket_id}/comments", Access.AGENT, this::list)
            .summary("Lists a ticket's comments in order, voice comments with their call data"));
  }

  private Reply list(ApiRequest request) {
    long ticketId = request.pathId("ticket_id");
    Pagination pagination = Pagination.of(request);
    long accountId = request.accountId();
    Map<String, Object> body =
        database.read(
            tx -> {
              Ticket ticket =
                  tickets.find(tx, accountId, ticketId).orElseThrow(ApiException::notFound);
              // Several comments of a page often show the same call: read each call once.
              Map<Long, Optional<Call>> callsById = new HashMap<>();
              return pagination.page(
                  "comments",
                  new Pagination.Listing<Comment>() {
                    @Override
                    public List<Comment> after(long afterId, int limit) {
                      return comments.listAfter(tx, accountId, ticketId, afterId, limit);
                    }

                    @Override
                    public List<Comment> before(long beforeId, int limit) {
                      return comments.listBefore(tx, accountId, ticketId, beforeId, limit);
                    }

                    @Override
                    public List<Comment> slice(int offset, int limit) {
                      return comments.page(tx, accountId, ticketId, offset, limit);
                    }

                    @Override
                    public long count() {
                      return ticket.commentCount();
                    }

                    @Override
                    public long id(Comment comment) {
                      return comment.id();
                    }
                  },
                  comment -> {
                    Call call =
                        comment.callId() == null
                            ? null
                            : callsById
                                .computeIfAbsent(
                                    comment.callId(), id -> calls.find(tx, accountId, id))
                                .orElse(null);
                    return CommentJson.render(comment, call);
                  });
            });
    return Reply.ok(body);
  }
}
