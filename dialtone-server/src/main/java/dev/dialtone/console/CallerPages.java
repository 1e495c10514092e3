package dev.dialtone.console;

import dev.dialtone.account.User;
import dev.dialtone.account.UserFilter;
import dev.dialtone.account.UserStore;
import dev.dialtone.api.Call;
import dev.dialtone.auth.Access;
import dev.dialtone.call.CallStore;
import dev.dialtone.http.ApiException;
import dev.dialtone.http.Reply;
import dev.dialtone.organization.Organization;
import dev.dialtone.organization.OrganizationStore;
import dev.dialtone.route.ApiRequest;
import dev.dialtone.route.Route;
import dev.dialtone.store.Database;
import dev.dialtone.ticket.Ticket;
import dev.dialtone.ticket.TicketStore;
import java.util.List;
import java.util.Objects;

/**
 * The console's callers: finding a user by phone, name or email, and a user's profile with their
 * latest tickets and calls (what a screen pop of a user opens).
 */
public final class CallerPages {
  static final int RESULTS = 50;
  static final int LATEST = 10;

  private final Database database;
  private final UserStore users;
  private final TicketStore tickets;
  private final CallStore calls;
  private final OrganizationStore organizations;
  private final Templates templates;
  private final Assets assets;

  public CallerPages(
      Database database,
      UserStore users,
      TicketStore tickets,
      CallStore calls,
      OrganizationStore organizations,
      Templates templates,
      Assets assets) {
    this.database = database;
    this.users = users;
    this.tickets = tickets;
    this.calls = calls;
    this.organizations = organizations;
    this.templates = templates;
    this.assets = assets;
  }

  public List<Route> routes() {
    return List.of(
        Route.page("console.callers", "/agent/users", Access.AGENT, this::search)
            .summary("Finds the account's users by phone number in any formatting, name or email"),
        Route.page("console.caller", "/agent/users/{id}", Access.AGENT, this::profile)
            .summary("A user's profile, with their latest tickets and calls"));
  }

  private Reply search(ApiRequest request) {
    long accountId = request.accountId();
    String query = Objects.requireNonNullElse(request.query("q"), "").strip();
    CallerSearch page =
        database.read(
            tx -> {
              List<User> found =
                  query.isEmpty()
                      ? List.of()
                      : users.search(tx, accountId, UserFilter.forText(query), RESULTS + 1);
              List<CallerSearch.Row> rows =
                  found.stream()
                      .limit(RESULTS)
                      .map(
                          u ->
                              new CallerSearch.Row(
                                  u.id(),
                                  u.name(),
                                  Objects.requireNonNullElse(u.email(), ""),
                                  Formats.phone(u.phone()),
                                  u.role().wireName()))
                      .toList();
              String notice =
                  found.size() > RESULTS
                      ? "Only the first "
                          + RESULTS
                          + " users found are shown: search more narrowly."
                      : null;
              return new CallerSearch(
                  Shell.of(request, assets, "Callers", Shell.Section.CALLERS),
                  query,
                  !query.isEmpty(),
                  rows,
                  notice);
            });
    return templates.page("callers/search.jte", page);
  }

  private Reply profile(ApiRequest request) {
    long accountId = request.accountId();
    long id = request.pathId("id");
    CallerProfile page =
        database.read(
            tx -> {
              User user = users.find(tx, accountId, id).orElseThrow(ApiException::notFound);
              Names names = new Names(tx, accountId);
              List<Ticket> theirTickets =
                  tickets.newest(
                      tx, accountId, new TicketStore.Filter(null, null, id, null), LATEST + 1);
              List<TicketList.Row> ticketRows =
                  theirTickets.stream().limit(LATEST).map(t -> TicketPages.row(t, names)).toList();
              List<Call> theirCalls =
                  calls.newest(tx, accountId, CallStore.Filter.endUser(id), LATEST + 1);
              List<CallList.Row> callRows =
                  theirCalls.stream().limit(LATEST).map(c -> CallPages.row(c, names)).toList();
              Long organizationId = user.organizationId();
              String organization =
                  organizationId == null
                      ? ""
                      : organizations
                          .find(tx, accountId, organizationId)
                          .map(Organization::name)
                          .orElse("organization " + organizationId + " (deleted)");
              return new CallerProfile(
                  Shell.of(request, assets, user.name(), Shell.Section.CALLERS),
                  user.id(),
                  user.name(),
                  Objects.requireNonNullElse(user.email(), ""),
                  Formats.phone(user.phone()),
                  user.role().wireName(),
                  organization,
                  user.suspended(),
                  ticketRows,
                  theirTickets.size() > LATEST,
                  "/agent/tickets?requester=" + id,
                  callRows,
                  theirCalls.size() > LATEST,
                  CallPages.callsOf(id));
            });
    return templates.page("callers/show.jte", page);
  }
}
