package dev.dialtone.console;

import dev.dialtone.account.Role;
import dev.dialtone.account.User;
import dev.dialtone.account.UserFilter;
import dev.dialtone.account.UserStore;
import dev.dialtone.route.ApiRequest;
import dev.dialtone.store.Tx;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** What the console's filtered lists share: the choice of agent, and paging links. */
final class Lists {
  /** The most agents (and as many admins) a choice lists. */
  static final int MAX_STAFF = 200;

  private Lists() {}

  /** The account's agents and admins, by name, for ticket or call filters. */
  static List<User> staff(UserStore users, Tx tx, long accountId) {
    return Stream.of(Role.AGENT, Role.ADMIN)
        .flatMap(
            role ->
                users
                    .search(tx, accountId, new UserFilter(role, null, false, null, null), MAX_STAFF)
                    .stream())
        .sorted(
            Comparator.comparing((User u) -> u.name().toLowerCase(Locale.ROOT))
                .thenComparing(User::id))
        .toList();
  }

  /** A filter's choice of agent: anyone, or one of the account's agents and admins. */
  static List<TicketList.Option> agentOptions(
      UserStore users, Tx tx, long accountId, @Nullable Long chosen) {
    List<TicketList.Option> options = new ArrayList<>();
    options.add(new TicketList.Option("", "Anyone", chosen == null));
    for (User agent : staff(users, tx, accountId)) {
      options.add(
          new TicketList.Option(
              Long.toString(agent.id()), agent.name(), Long.valueOf(agent.id()).equals(chosen)));
    }
    return options;
  }

  /**
   * The request's values of the {@code filters} as a query string for paging links, ending in
   * {@code &} when not empty.
   */
  static String filterQuery(ApiRequest request, List<String> filters) {
    StringBuilder query = new StringBuilder();
    for (String name : filters) {
      String value = request.query(name);
      if (value != null && !value.isBlank()) {
        query
            .append(name)
            .append('=')
            .append(URLEncoder.encode(value, StandardCharsets.UTF_8))
            .append('&');
      }
    }
    return query.toString();
  }
}
