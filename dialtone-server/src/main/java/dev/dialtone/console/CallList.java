package dev.dialtone.console;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The call list: one page of calls, newest first, and the filters that chose them. */
public record CallList(
    Shell shell,
    List<Row> rows,
    List<TicketList.Option> directions,
    List<TicketList.Option> statuses,
    List<TicketList.Option> agents,
    String from,
    String to,
    String phone,
    @Nullable Long callerId,
    @Nullable String callerName,
    List<String> notices,
    @Nullable String olderUrl,
    @Nullable String newestUrl) {

  /**
   * One call of the list.
   *
   * @param ticketId the call's ticket, or null when it has none
   */
  public record Row(
      long id,
      String direction,
      String fromLine,
      String toLine,
      String started,
      String duration,
      String status,
      String agent,
      @Nullable Long ticketId) {}
}
