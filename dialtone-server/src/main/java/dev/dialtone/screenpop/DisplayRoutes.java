package dev.dialtone.screenpop;

import dev.dialtone.account.UserStore;
import dev.dialtone.api.ErrorCode;
import dev.dialtone.api.FieldErrorCode;
import dev.dialtone.api.Timestamps;
import dev.dialtone.auth.Access;
import dev.dialtone.http.ApiException;
import dev.dialtone.http.Reply;
import dev.dialtone.route.ApiRequest;
import dev.dialtone.route.EventSink;
import dev.dialtone.route.Route;
import dev.dialtone.store.Database;
import dev.dialtone.store.Tx;
import dev.dialtone.ticket.TicketStore;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The screen-pop endpoints of Talk Partner Edition (docs/api.md), which open a ticket or a user
 * profile in an agent's browser, and {@code GET /_dialtone/screen-pops}, which reads back every pop
 * asked for.
 */
public final class DisplayRoutes {
  /** The most pops one read-back returns, and the default. */
  static final int MAX_LIMIT = 100;

  private final Database database;
  private final UserStore users;
  private final TicketStore tickets;
  private final ScreenPops screenPops;
  private final Clock clock;

  public DisplayRoutes(
      Database database, UserStore users, TicketStore tickets, ScreenPops screenPops, Clock clock) {
    this.database = database;
    this.users = users;
    this.tickets = tickets;
    this.screenPops = screenPops;
    this.clock = clock;
  }

  public List<Route> routes() {
    return List.of(
        Route.post(
                "display.ticket",
                "/api/v2/channels/voice/agents/{agent_id}/tickets/{ticket_id}/display",
                Access.AGENT,
                this::displayTicket)
            .talk()
            .summary("Screen-pops a ticket to an agent"),
        Route.post(
                "display.user",
                "/api/v2/channels/voice/agents/{agent_id}/users/{user_id}/display",
                Access.AGENT,
                this::displayUser)
            .talk()
            .summary("Screen-pops a user's profile to an agent"),
        Route.get("screen_pops.list", "/_dialtone/screen-pops", Access.AGENT, this::recent)
            .unlimited()
            .summary("Every screen pop asked for, newest first, delivered or not"),
        Route.stream(
                "screen_pops.stream", "/_dialtone/screen-pops/stream", Access.AGENT, this::stream)
            .unlimited()
            .summary(
                "Server-sent events: each screen pop for the signed-in agent as it is asked for"));
  }

  /**
   * Each pop for the signed-in agent as an {@code event: screen_pop} whose data is the pop's JSON,
   * from the moment the stream's {@code : open} comment arrives. While it is open the agent counts
   * as having a console: the display endpoints answer 200, on every node.
   */
  private AutoCloseable stream(ApiRequest request, EventSink stream) {
    return screenPops.listen(
        request.accountId(),
        request.principal().user().id(),
        null,
        pop -> stream.send(ScreenPops.EVENT_TYPE, pop),
        stream::close);
  }

  // Zendesk's display endpoints take no body; whatever is sent is not read, so it cannot fail.
  private Reply displayTicket(ApiRequest request) {
    long agentId = request.pathId("agent_id");
    long ticketId = request.pathId("ticket_id");
    boolean delivered =
        database.write(
            tx -> {
              requireAgent(tx, request.accountId(), agentId);
              if (tickets.find(tx, request.accountId(), ticketId).isEmpty()) {
                throw ApiException.notFound();
              }
              return screenPops.pop(
                  tx,
                  request.accountId(),
                  agentId,
                  ticketId,
                  null,
                  ScreenPops.DISPLAY_TICKET,
                  clock.instant());
            });
    return answer(delivered);
  }

  private Reply displayUser(ApiRequest request) {
    long agentId = request.pathId("agent_id");
    long userId = request.pathId("user_id");
    boolean delivered =
        database.write(
            tx -> {
              requireAgent(tx, request.accountId(), agentId);
              if (users.find(tx, request.accountId(), userId).isEmpty()) {
                throw ApiException.notFound();
              }
              return screenPops.pop(
                  tx,
                  request.accountId(),
                  agentId,
                  null,
                  userId,
                  ScreenPops.DISPLAY_USER,
                  clock.instant());
            });
    return answer(delivered);
  }

  private void requireAgent(Tx tx, long accountId, long agentId) {
    if (users.find(tx, accountId, agentId).filter(user -> user.role().isStaff()).isEmpty()) {
      throw ApiException.notFound();
    }
  }

  /**
   * 200 with no body when an open stream of the agent received the pop. Otherwise Zendesk's 404; it
   * is thrown only after the write committed, so the undelivered pop stays recorded.
   */
  private static Reply answer(boolean delivered) {
    if (!delivered) {
      throw ApiException.of(ErrorCode.RECORD_NOT_FOUND, "Agent has no open agent console");
    }
    return Reply.empty(200);
  }

  private Reply recent(ApiRequest request) {
    int limit = limit(request.query("limit"));
    List<ScreenPopStore.ScreenPop> pops =
        database.read(tx -> screenPops.recent(tx, request.accountId(), limit));
    return Reply.ok(Map.of("screen_pops", pops.stream().map(DisplayRoutes::render).toList()));
  }

  private static int limit(String raw) {
    if (raw == null) {
      return MAX_LIMIT;
    }
    if (raw.length() <= 3 && !raw.isEmpty() && raw.chars().allMatch(Character::isDigit)) {
      int limit = Integer.parseInt(raw);
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    }
    throw ApiException.invalid(
        "limit", "Limit", FieldErrorCode.InvalidValue, "must be an integer from 1 to " + MAX_LIMIT);
  }

  private static Map<String, Object> render(ScreenPopStore.ScreenPop pop) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", pop.id());
    json.put("agent_id", pop.agentId());
    json.put("ticket_id", pop.ticketId());
    json.put("user_id", pop.userId());
    json.put("source", pop.source());
    json.put("delivered", pop.delivered());
    json.put("created_at", Timestamps.render(pop.createdAt()));
    return json;
  }
}
