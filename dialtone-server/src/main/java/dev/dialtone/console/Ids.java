package dev.dialtone.console;

import org.jspecify.annotations.Nullable;

/** Ids typed into the console's filters and links. */
final class Ids {
  private Ids() {}

  /** A positive id, or null for anything else: a filter left empty or mistyped filters nothing. */
  static @Nullable Long parse(@Nullable String text) {
    if (text == null) {
      return null;
    }
    String digits = text.strip();
    if (digits.isEmpty()
        || digits.length() > 18
        || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return null;
    }
    long id = Long.parseLong(digits);
    return id > 0 ? id : null;
  }
}
