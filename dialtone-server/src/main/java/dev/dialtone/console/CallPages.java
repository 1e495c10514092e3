package dev.dialtone.console;

import dev.dialtone.account.UserFilter;
import dev.dialtone.account.UserStore;
import dev.dialtone.api.Call;
import dev.dialtone.api.CallField;
import dev.dialtone.auth.Access;
import dev.dialtone.call.CallStore;
import dev.dialtone.http.ApiException;
import dev.dialtone.http.Reply;
import dev.dialtone.organization.Organization;
import dev.dialtone.organization.OrganizationStore;
import dev.dialtone.route.ApiRequest;
import dev.dialtone.route.Route;
import dev.dialtone.store.Database;
import dev.dialtone.store.Tx;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The console's calls: the list, filtered and paged, and one call with all its fields. */
public final class CallPages {
  static final int PAGE_SIZE = 25;

  /** The query parameters the list filters by, which its paging links carry on. */
  private static final List<String> FILTERS =
      List.of("direction", "status", "agent", "from", "to", "phone", "caller");

  /** The catalogue fields the call page leaves out: the heading names the call already. */
  private static final List<CallField> NOT_SHOWN = List.of(CallField.ACCOUNT_ID, CallField.ID);

  /** The earliest and latest days a filter takes: years of four digits, as a date input writes. */
  private static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);

  private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 30);

  private final Database database;
  private final CallStore calls;
  private final UserStore users;
  private final OrganizationStore organizations;
  private final Templates templates;
  private final Assets assets;

  public CallPages(
      Database database,
      CallStore calls,
      UserStore users,
      OrganizationStore organizations,
      Templates templates,
      Assets assets) {
    this.database = database;
    this.calls = calls;
    this.users = users;
    this.organizations = organizations;
    this.templates = templates;
    this.assets = assets;
  }

  public List<Route> routes() {
    return List.of(
        Route.page("console.calls", "/agent/calls", Access.AGENT, this::list)
            .summary(
                "The account's calls, newest first, by direction, completion status, agent,"
                    + " date and phone number"),
        Route.page("console.call", "/agent/calls/{id}", Access.AGENT, this::show)
            .summary("One call: every field of the catalogue, with links to its ticket and users"));
  }

  private Reply list(ApiRequest request) {
    long accountId = request.accountId();
    List<String> notices = new ArrayList<>();
    String direction =
        allowed(request.query("direction"), CallField.DIRECTION, "direction", notices);
    String status =
        allowed(request.query("status"), CallField.COMPLETION_STATUS, "completion status", notices);
    Long agent = id(request.query("agent"), "agent", notices);
    Long caller = id(request.query("caller"), "caller", notices);
    String fromText = text(request.query("from"));
    String toText = text(request.query("to"));
    LocalDate from = date(fromText, "From", notices);
    LocalDate to = date(toText, "To", notices);
    String phone = text(request.query("phone"));
    String digits = null;
    if (!phone.isEmpty()) {
      digits = UserFilter.forText(phone).phoneDigits();
      if (digits == null) {
        notices.add(
            "\u201c" + phone + "\u201d is not a phone number: calls of any number are shown.");
      }
    }
    @Nullable Long before = Ids.parse(request.query("before"));
    CallStore.Filter filter =
        new CallStore.Filter(
            direction,
            status,
            agent,
            caller,
            from == null ? null : startOf(from),
            to == null ? null : startOf(to.plusDays(1)),
            digits,
            before);
    CallList page =
        database.read(
            tx -> {
              List<Call> found = calls.newest(tx, accountId, filter, PAGE_SIZE + 1);
              Names names = new Names(tx, accountId);
              List<CallList.Row> rows =
                  found.stream().limit(PAGE_SIZE).map(call -> row(call, names)).toList();
              String filters = Lists.filterQuery(request, FILTERS);
              String older =
                  found.size() > PAGE_SIZE
                      ? "/agent/calls?" + filters + "before=" + rows.get(rows.size() - 1).id()
                      : null;
              String newest = before == null ? null : "/agent/calls?" + filters;
              String callerName = caller == null ? null : names.of(caller);
              return new CallList(
                  Shell.of(request, assets, "Calls", Shell.Section.CALLS),
                  rows,
                  options(CallField.DIRECTION, "Any direction", direction),
                  options(CallField.COMPLETION_STATUS, "Any status", status),
                  Lists.agentOptions(users, tx, accountId, agent),
                  fromText,
                  toText,
                  phone,
                  caller,
                  callerName,
                  notices,
                  older,
                  newest);
            });
    return templates.page("calls/list.jte", page);
  }

  private Reply show(ApiRequest request) {
    long accountId = request.accountId();
    long id = request.pathId("id");
    CallView page =
        database.read(
            tx -> {
              Call call = calls.find(tx, accountId, id).orElseThrow(ApiException::notFound);
              Names names = new Names(tx, accountId);
              List<CallView.Field> fields = new ArrayList<>();
              for (CallField field : CallField.values()) {
                if (!NOT_SHOWN.contains(field)) {
                  fields.add(field(tx, accountId, call, field, names));
                }
              }
              String heading =
                  "Call #"
                      + id
                      + ": "
                      + Formats.phone(call.text(CallField.FROM_LINE))
                      + " \u2192 "
                      + Formats.phone(call.text(CallField.TO_LINE));
              return new CallView(
                  Shell.of(request, assets, "Call #" + id, Shell.Section.CALLS),
                  id,
                  heading,
                  fields);
            });
    return templates.page("calls/show.jte", page);
  }

  private CallView.Field field(Tx tx, long accountId, Call call, CallField field, Names names) {
    String name = field.wireName();
    Object value = call.value(field);
    if (value == null || (value instanceof String s && s.isEmpty())) {
      return new CallView.Field(name, field.label(), "", null, false);
    }
    if (field.reference().isPresent() && value instanceof Long id) {
      return switch (field.reference().get()) {
        case TICKET ->
            new CallView.Field(name, field.label(), "#" + id, "/agent/tickets/" + id, false);
        case AGENT, USER ->
            new CallView.Field(name, field.label(), names.of(id), "/agent/users/" + id, false);
        case ORGANIZATION ->
            new CallView.Field(
                name,
                field.label(),
                organizations
                    .find(tx, accountId, id)
                    .map(Organization::name)
                    .orElse("organization " + id + " (deleted)"),
                null,
                false);
        case BRAND -> new CallView.Field(name, field.label(), "brand " + id, null, false);
      };
    }
    // Written as the voice comment writes it: Yes/No, durations, times in UTC.
    String text = VoiceCommentPresenter.value(call, field, names::of);
    return new CallView.Field(name, field.label(), text, null, field == CallField.TRANSCRIPT);
  }

  static CallList.Row row(Call call, Names names) {
    Long duration = call.number(CallField.DURATION);
    Long agentId = call.number(CallField.AGENT_ID);
    String status = call.text(CallField.COMPLETION_STATUS);
    return new CallList.Row(
        call.id(),
        Optional.ofNullable(call.text(CallField.DIRECTION)).orElse(""),
        Formats.phone(call.text(CallField.FROM_LINE)),
        Formats.phone(call.text(CallField.TO_LINE)),
        Formats.minute(call.instant(CallField.CALL_STARTED_AT)),
        duration == null ? "" : Formats.duration(duration),
        status == null || status.isEmpty() ? "in progress" : status,
        agentId == null ? "" : names.of(agentId),
        call.ticketId());
  }

  /** The value when the catalogue allows it for the field; otherwise null, and a notice. */
  private static @Nullable String allowed(
      @Nullable String value, CallField field, String what, List<String> notices) {
    String chosen = text(value);
    if (chosen.isEmpty()) {
      return null;
    }
    if (!field.allowedValues().contains(chosen)) {
      notices.add(
          "There is no "
              + what
              + " \u201c"
              + chosen
              + "\u201d: calls of any "
              + what
              + " are shown.");
      return null;
    }
    return chosen;
  }

  private static @Nullable Long id(@Nullable String value, String what, List<String> notices) {
    String text = text(value);
    if (text.isEmpty()) {
      return null;
    }
    Long id = Ids.parse(text);
    if (id == null) {
      notices.add(
          "\u201c" + text + "\u201d names no " + what + ": calls of any " + what + " are shown.");
    }
    return id;
  }

  private static @Nullable LocalDate date(String text, String what, List<String> notices) {
    if (text.isEmpty()) {
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(text);
      if (date.isBefore(FIRST_DAY) || date.isAfter(LAST_DAY)) {
        throw new DateTimeParseException("out of range", text, 0);
      }
      return date;
    } catch (DateTimeParseException e) {
      notices.add(what + " \u201c" + text + "\u201d is not a date like 2026-12-31: it is ignored.");
      return null;
    }
  }

  private static Instant startOf(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static String text(@Nullable String value) {
    return value == null ? "" : value.strip();
  }

  private static List<TicketList.Option> options(
      CallField field, String anyLabel, @Nullable String chosen) {
    List<TicketList.Option> options = new ArrayList<>();
    options.add(new TicketList.Option("", anyLabel, chosen == null));
    for (String value : field.allowedValues()) {
      if (!value.isEmpty()) {
        options.add(new TicketList.Option(value, value.replace('_', ' '), value.equals(chosen)));
      }
    }
    return options;
  }

  /** The link to the list of a user's calls. */
  static String callsOf(long userId) {
    return "/agent/calls?caller=" + userId;
  }
}
