package dev.dialtone.console;

import dev.dialtone.phone.PhoneNumbers;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/** How the console writes times, durations and phone numbers, the same on every page. */
public final class Formats {
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SECOND =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private Formats() {}

  /** {@code 2026-12-02 14:05 UTC}; an empty string for no time. */
  public static String minute(@Nullable Instant instant) {
    return instant == null ? "" : MINUTE.format(instant);
  }

  /** {@code 2026-12-02 14:05:09 UTC}; an empty string for no time. */
  public static String second(@Nullable Instant instant) {
    return instant == null ? "" : SECOND.format(instant);
  }

  /**
   * A phone line as agents read it ({@code +1 (513) 555-7611}), or as it was written when it is no
   * phone number (a SIP address or an extension reads better as itself); empty for none.
   */
  public static String phone(@Nullable String line) {
    if (line == null || line.isBlank()) {
      return "";
    }
    String formatted = PhoneNumbers.format(line);
    return formatted.equals(PhoneNumbers.UNKNOWN) ? line : formatted;
  }

  /** {@code 4:07} or {@code 1:02:09}, as a phone shows a call's length. */
  public static String duration(long seconds) {
    Duration d = Duration.ofSeconds(Math.max(0, seconds));
    return d.toHours() > 0
        ? String.format(
            java.util.Locale.ROOT,
            "%d:%02d:%02d",
            d.toHours(),
            d.toMinutesPart(),
            d.toSecondsPart())
        : String.format(java.util.Locale.ROOT, "%d:%02d", d.toMinutes(), d.toSecondsPart());
  }
}
