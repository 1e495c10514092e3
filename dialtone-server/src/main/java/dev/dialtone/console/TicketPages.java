package dev.dialtone.console;

import dev.dialtone.account.User;
import dev.dialtone.account.UserStore;
import dev.dialtone.auth.Access;
import dev.dialtone.http.Reply;
import dev.dialtone.route.ApiRequest;
import dev.dialtone.route.Route;
import dev.dialtone.store.Database;
import dev.dialtone.store.Tx;
import dev.dialtone.ticket.Ticket;
import dev.dialtone.ticket.TicketStatus;
import dev.dialtone.ticket.TicketStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The console's tickets: the list, filtered and paged. */
public final class TicketPages {
  static final int PAGE_SIZE = 25;

  /** The query parameters the list filters by, which its paging links carry on. */
  private static final List<String> FILTERS = List.of("status", "assignee", "requester");

  private final Database database;
  private final TicketStore tickets;
  private final UserStore users;
  private final Templates templates;
  private final Assets assets;

  public TicketPages(
      Database database, TicketStore tickets, UserStore users, Templates templates, Assets assets) {
    this.database = database;
    this.tickets = tickets;
    this.users = users;
    this.templates = templates;
    this.assets = assets;
  }

  public List<Route> routes() {
    return List.of(
        Route.page("console.tickets", "/agent/tickets", Access.AGENT, this::list)
            .summary("The account's tickets, newest first, by status, assignee and requester"));
  }

  private Reply list(ApiRequest request) {
    long accountId = request.accountId();
    Optional<TicketStatus> status =
        Optional.ofNullable(request.query("status")).flatMap(TicketStatus::byWireName);
    @Nullable Long assignee = Ids.parse(request.query("assignee"));
    String requesterText = Optional.ofNullable(request.query("requester")).orElse("").strip();
    @Nullable Long before = Ids.parse(request.query("before"));
    TicketList page =
        database.read(
            tx -> {
              Optional<User> requester =
                  requesterText.isEmpty()
                      ? Optional.empty()
                      : findUser(tx, accountId, requesterText);
              String notice =
                  !requesterText.isEmpty() && requester.isEmpty()
                      ? "No user of this account is " + requesterText + "."
                      : null;
              List<Ticket> found =
                  notice != null
                      ? List.of()
                      : tickets.newest(
                          tx,
                          accountId,
                          new TicketStore.Filter(
                              status.orElse(null),
                              assignee,
                              requester.map(User::id).orElse(null),
                              before),
                          PAGE_SIZE + 1);
              Names names = new Names(tx, accountId);
              List<TicketList.Row> rows =
                  found.stream().limit(PAGE_SIZE).map(t -> row(t, names)).toList();
              String filters = Lists.filterQuery(request, FILTERS);
              String older =
                  found.size() > PAGE_SIZE
                      ? "/agent/tickets?" + filters + "before=" + rows.get(rows.size() - 1).id()
                      : null;
              String newest = before == null ? null : "/agent/tickets?" + filters;
              return new TicketList(
                  Shell.of(request, assets, "Tickets", Shell.Section.TICKETS),
                  rows,
                  statusOptions(status.orElse(null)),
                  Lists.agentOptions(users, tx, accountId, assignee),
                  requesterText,
                  notice,
                  older,
                  newest);
            });
    return templates.page("tickets/list.jte", page);
  }

  /** A user by id or email, as an agent types them into a filter. */
  private Optional<User> findUser(Tx tx, long accountId, String text) {
    Long id = Ids.parse(text);
    if (id != null) {
      return users.find(tx, accountId, id);
    }
    return users.findByEmail(tx, accountId, text);
  }

  private static List<TicketList.Option> statusOptions(@Nullable TicketStatus chosen) {
    List<TicketList.Option> options = new ArrayList<>();
    options.add(new TicketList.Option("", "Any status", chosen == null));
    for (TicketStatus status : TicketStatus.values()) {
      options.add(new TicketList.Option(status.wireName(), status.wireName(), status == chosen));
    }
    return options;
  }

  /** One ticket of a list: the ticket list's rows, and a caller's tickets. */
  static TicketList.Row row(Ticket t, Names names) {
    return new TicketList.Row(
        t.id(),
        t.subject() == null || t.subject().isBlank() ? "(no subject)" : t.subject(),
        t.status().wireName(),
        names.of(t.requesterId()),
        t.assigneeId() == null ? "" : names.of(t.assigneeId()),
        Formats.minute(t.updatedAt()));
  }
}
