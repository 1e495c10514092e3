package dev.dialtone.console;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The screen-pop log: the newest pops asked for, and whether a console received each. */
public record ScreenPopLog(Shell shell, List<Row> rows, @Nullable String note) {

  /**
   * One pop: who it was for, what it opened (a ticket or a user, with its page), what asked for it.
   */
  public record Row(
      String when,
      long agentId,
      String agent,
      String target,
      String targetUrl,
      String trigger,
      boolean delivered) {}
}
