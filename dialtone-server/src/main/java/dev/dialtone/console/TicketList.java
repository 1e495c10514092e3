package dev.dialtone.console;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The ticket list: one page of tickets, newest first, and the filters that chose them. */
public record TicketList(
    Shell shell,
    List<Row> rows,
    List<Option> statuses,
    List<Option> assignees,
    String requester,
    @Nullable String notice,
    @Nullable String olderUrl,
    @Nullable String newestUrl) {

  /** One ticket of the list. */
  public record Row(
      long id, String subject, String status, String requester, String assignee, String updated) {}

  /** One choice of a filter's list. */
  public record Option(String value, String label, boolean selected) {}
}
