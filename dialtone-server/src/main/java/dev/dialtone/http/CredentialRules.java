package dev.dialtone.http;

import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one definition of an acceptable email, password, API token and subdomain, read alike by the
 * start-up settings, the accounts admin API, the users API, the brands API and the tokens API.
 */
public final class CredentialRules {
  public static final int PASSWORD_MIN = 10;
  public static final int PASSWORD_MAX = 128;
  public static final int TOKEN_MIN = 20;
  public static final int TOKEN_MAX = 128;
  public static final int EMAIL_MAX = InputLimits.TEXT;

  /** What a field error says of an email that breaks the rule, wherever it is read. */
  public static final String NOT_AN_EMAIL = "is not properly formatted";

  /** What a field error says of a subdomain that breaks the rule, wherever it is read. */
  public static final String NOT_A_SUBDOMAIN =
      "must be 1 to 63 lowercase letters, digits or inner hyphens";

  /** Loose on purpose: one {@code @} with something on each side and a dot in the domain. */
  private static final Pattern EMAIL =
      Pattern.compile("[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+");

  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]+");

  /** A DNS label: what an account's (or a brand's) subdomain must be. */
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

  private CredentialRules() {}

  /** Whether the text can be a subdomain: 1 to 63 lowercase letters, digits, inner hyphens. */
  public static boolean isSubdomain(@Nullable String text) {
    return text != null && DNS_LABEL.matcher(text).matches();
  }

  /** What {@code GET /api/v2/users/{id}/password/requirements} lists. */
  public static List<String> passwordRequirements() {
    return List.of(
        "must be at least " + PASSWORD_MIN + " characters",
        "must be at most " + PASSWORD_MAX + " characters",
        "must not contain control characters such as line breaks");
  }

  public static boolean isEmail(@Nullable String email) {
    return email != null && email.length() <= EMAIL_MAX && EMAIL.matcher(email).matches();
  }

  /** Why the password is refused, or null when it is acceptable. */
  public static @Nullable String passwordProblem(@Nullable String password) {
    if (password == null || password.length() < PASSWORD_MIN) {
      return "must be at least " + PASSWORD_MIN + " characters";
    }
    if (password.length() > PASSWORD_MAX) {
      return "must be at most " + PASSWORD_MAX + " characters";
    }
    if (password.chars().anyMatch(Character::isISOControl)) {
      return "must not contain control characters such as line breaks";
    }
    return null;
  }

  /** Why the API token is refused, or null when it is acceptable. */
  public static @Nullable String tokenProblem(@Nullable String token) {
    if (token == null || token.length() < TOKEN_MIN || token.length() > TOKEN_MAX) {
      return "must be " + TOKEN_MIN + " to " + TOKEN_MAX + " characters";
    }
    if (!TOKEN.matcher(token).matches()) {
      return "must be letters, digits, hyphens and underscores only";
    }
    return null;
  }
}
