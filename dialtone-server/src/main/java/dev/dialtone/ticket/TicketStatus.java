package dev.dialtone.ticket;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Zendesk's ticket statuses. A closed ticket takes no more comments. */
public enum TicketStatus {
  NEW,
  OPEN,
  PENDING,
  HOLD,
  SOLVED,
  CLOSED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<TicketStatus> byWireName(String name) {
    return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst();
  }
}
