package dev.dialtone.console;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/** How the console writes times and durations, the same on every page. */
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
