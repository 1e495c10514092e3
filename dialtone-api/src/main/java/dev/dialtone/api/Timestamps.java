package dev.dialtone.api;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The timestamps of the calls API (docs/api.md): ISO 8601 date-times with an offset of {@code Z},
 * {@code ±hh}, {@code ±hhmm} or {@code ±hh:mm} (none means UTC) and optional fractional seconds;
 * rendered in UTC to the second with a {@code Z}.
 */
public final class Timestamps {
  private static final Pattern ISO_DATE_TIME =
      Pattern.compile(
          "(\\d{4})-(\\d{2})-(\\d{2})[Tt ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?"
              + "([Zz]|[+-]\\d{2}(?::?\\d{2})?)?");

  private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

  private Timestamps() {}

  /** The instant a string names, or empty when it is not a date-time of the accepted forms. */
  public static Optional<Instant> parse(String text) {
    Matcher m = ISO_DATE_TIME.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      String fraction = m.group(7) == null ? "0" : (m.group(7) + "00000000").substring(0, 9);
      LocalDateTime local =
          LocalDateTime.of(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)),
              Integer.parseInt(m.group(4)),
              Integer.parseInt(m.group(5)),
              m.group(6) == null ? 0 : Integer.parseInt(m.group(6)),
              Integer.parseInt(fraction));
      Instant instant = local.toInstant(offset(m.group(8)));
      // Only instants whose UTC form has a four-digit year: what is rendered is accepted again.
      return instant.isBefore(EARLIEST) || instant.isAfter(LATEST)
          ? Optional.empty()
          : Optional.of(instant);
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static ZoneOffset offset(@Nullable String text) {
    if (text == null || text.equalsIgnoreCase("Z")) {
      return ZoneOffset.UTC;
    }
    int sign = text.charAt(0) == '-' ? -1 : 1;
    String digits = text.substring(1).replace(":", "");
    int hours = Integer.parseInt(digits.substring(0, 2));
    int minutes = digits.length() > 2 ? Integer.parseInt(digits.substring(2)) : 0;
    if (minutes > 59) {
      throw new DateTimeException("minutes out of range");
    }
    return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
  }

  /** UTC, to the second, {@code Z}: {@code 2022-01-27T14:31:40Z}. */
  public static @Nullable String render(@Nullable Instant instant) {
    return instant == null
        ? null
        : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }
}
