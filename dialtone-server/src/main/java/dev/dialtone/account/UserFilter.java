package dev.dialtone.account;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.dialtone.phone.PhoneNumbers;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a user search asks for; every part that is not null must match.
 *
 * @param phoneDigits digits that the user's phone, compared digits only, must equal or (with {@code
 *     phoneEndsWith}) end with
 * @param email an email that must equal the user's, ignoring case
 * @param text text that the name must contain, or the email equal, ignoring case
 */
public record UserFilter(
    @Nullable Role role,
    @Nullable String phoneDigits,
    boolean phoneEndsWith,
    @Nullable String email,
    @Nullable String text) {
  /** Nothing but digits and the punctuation people write numbers with, and enough digits. */
  private static final Pattern PHONE_LIKE = Pattern.compile("\\+?[\\d\\s().\\-/]+");

  private static final int MIN_PHONE_DIGITS = 4;

  /**
   * The filter for a free-text query: a query that looks like a phone number finds users whose
   * phone ends with its national number, whatever the formatting on either side ({@code +1 (513)
   * 555-7611}, {@code 513-555-7611} and {@code 5135557611} all find each other); any other query
   * matches a name part or a whole email.
   */
  public static UserFilter forText(String query) {
    String text = query.strip();
    String digits = Objects.requireNonNull(PhoneNumbers.digits(text));
    if (PHONE_LIKE.matcher(text).matches() && digits.length() >= MIN_PHONE_DIGITS) {
      return new UserFilter(null, nationalNumber(text, digits), true, null, null);
    }
    return new UserFilter(null, null, false, null, text);
  }

  /**
   * Whether the filter can match no user whatever is stored: its email or text holds a control
   * character other than whitespace. Such text names nobody, and the databases cannot even compare
   * some of it (SQLite ends a string at NUL, so {@code LIKE '%\0%'} would match every name;
   * PostgreSQL refuses NUL in text), so it is answered without asking them.
   */
  public boolean matchesNobody() {
    return hasControlCharacter(email) || hasControlCharacter(text);
  }

  private static boolean hasControlCharacter(@Nullable String value) {
    return value != null
        && value
            .chars()
            .anyMatch(c -> Character.getType(c) == Character.CONTROL && !Character.isWhitespace(c));
  }

  /**
   * The national significant number, which every full writing of the number ends with, so that a
   * query with a country code still finds a phone stored without one.
   */
  private static String nationalNumber(String text, String digits) {
    try {
      String national =
          String.valueOf(
              PhoneNumberUtil.getInstance()
                  .getNationalSignificantNumber(PhoneNumberUtil.getInstance().parse(text, "US")));
      return national.length() >= MIN_PHONE_DIGITS ? national : digits;
    } catch (NumberParseException e) {
      return digits;
    }
  }
}
