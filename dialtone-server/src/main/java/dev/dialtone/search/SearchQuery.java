package dev.dialtone.search;

import dev.dialtone.account.Role;
import dev.dialtone.account.UserFilter;
import dev.dialtone.phone.PhoneNumbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The part of Zendesk's search language Dialtone understands, which is what a TPE integration uses
 * to find a caller. Terms are separated by spaces and must all match:
 *
 * <pre>
 * query   = term { " " term }
 * term    = keyword ":" value | text
 * value   = word | '"' anything but '"' '"'
 * keyword = "type"   value "user" (any other type finds nothing: only users are searchable)
 *         | "role"   value "end-user", "agent" or "admin"
 *         | "phone"  digits compared only; a leading "*" means "ends with" (phone:*5135557611
 *                    finds +1 (513) 555-7611), without it the digits must be equal
 *         | "email"  the whole address, ignoring case
 * text    = words that a name contains or an email equals; a phone number written any way finds
 *           users whose phone ends with it
 * </pre>
 *
 * Any other keyword ({@code status:open}, {@code tags:vip}) finds nothing rather than being
 * ignored, so that a query Dialtone cannot answer never returns users it did not ask for.
 */
record SearchQuery(Optional<UserFilter> filter) {
  private static final SearchQuery NOTHING = new SearchQuery(Optional.empty());

  /** The filter for a query; empty when the query can match no user. */
  static SearchQuery parse(String query) {
    if (query == null || query.isBlank()) {
      return NOTHING; // Zendesk lists nobody for an empty search, and so do we
    }
    Role role = null;
    String phone = null;
    boolean phoneEndsWith = false;
    String email = null;
    List<String> words = new ArrayList<>();
    for (String term : terms(query)) {
      int colon = term.indexOf(':');
      if (colon <= 0) {
        words.add(unquote(term));
        continue;
      }
      String keyword = term.substring(0, colon).toLowerCase(Locale.ROOT);
      String value = unquote(term.substring(colon + 1));
      switch (keyword) {
        case "type" -> {
          if (!value.equalsIgnoreCase("user")) {
            return NOTHING;
          }
        }
        case "role" -> {
          Optional<Role> named = Role.byWireName(value.toLowerCase(Locale.ROOT));
          if (named.isEmpty() || (role != null && role != named.get())) {
            return NOTHING;
          }
          role = named.get();
        }
        case "phone" -> {
          boolean endsWith = value.startsWith("*");
          String digits = Objects.requireNonNull(PhoneNumbers.digits(value));
          if (digits.isEmpty() || phone != null) {
            return NOTHING;
          }
          phone = digits;
          phoneEndsWith = endsWith;
        }
        case "email" -> {
          if (value.isEmpty() || email != null) {
            return NOTHING;
          }
          email = value;
        }
        default -> {
          return NOTHING;
        }
      }
    }
    String text = String.join(" ", words).strip();
    UserFilter filter;
    if (text.isEmpty()) {
      filter = new UserFilter(role, phone, phoneEndsWith, email, null);
    } else {
      UserFilter free = UserFilter.forText(text);
      if (free.phoneDigits() != null && phone != null) {
        // Two phone conditions: the words must then be part of a name instead.
        free = new UserFilter(null, null, false, null, text);
      }
      filter =
          new UserFilter(
              role,
              phone != null ? phone : free.phoneDigits(),
              phone != null ? phoneEndsWith : free.phoneEndsWith(),
              email,
              free.text());
    }
    return new SearchQuery(Optional.of(filter));
  }

  /** Splits on spaces outside double quotes. */
  private static List<String> terms(String query) {
    List<String> terms = new ArrayList<>();
    StringBuilder term = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      if (c == '"') {
        quoted = !quoted;
        term.append(c);
      } else if (Character.isWhitespace(c) && !quoted) {
        if (!term.isEmpty()) {
          terms.add(term.toString());
          term.setLength(0);
        }
      } else {
        term.append(c);
      }
    }
    if (!term.isEmpty()) {
      terms.add(term.toString());
    }
    return terms;
  }

  private static String unquote(String value) {
    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
        ? value.substring(1, value.length() - 1)
        : value.replace("\"", "");
  }
}
