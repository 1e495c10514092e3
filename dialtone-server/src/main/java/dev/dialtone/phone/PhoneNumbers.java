package dev.dialtone.phone;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.jspecify.annotations.Nullable;

/** Phone number formatting and matching, on libphonenumber. */
public final class PhoneNumbers {
  /** What a voice comment shows for a line that is not a possible phone number. */
  public static final String UNKNOWN = "Unknown";

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  /**
   * Lines already formatted. Parsing a number is most of the work of showing a voice comment, and a
   * list shows the same few lines again and again; the bound keeps the memory a client's distinct
   * lines can take to a few megabytes.
   */
  private static final Cache<String, String> FORMATTED =
      Caffeine.newBuilder().maximumSize(10_000).build();

  private PhoneNumbers() {}

  /**
   * The line as an agent reads it: North American numbers as {@code +1 (661) 748-0123}, others in
   * the international format ({@code +44 20 7946 0958}); {@link #UNKNOWN} when the line is not a
   * possible number. Lines without a leading {@code +} are read as North American.
   */
  public static String format(@Nullable String line) {
    if (line == null || line.isBlank()) {
      return UNKNOWN;
    }
    return FORMATTED.get(line, PhoneNumbers::parseAndFormat);
  }

  private static String parseAndFormat(String line) {
    try {
      PhoneNumber number = UTIL.parse(line, "US");
      if (!UTIL.isPossibleNumber(number)) {
        return UNKNOWN;
      }
      if (number.getCountryCode() == 1) {
        return "+1 " + UTIL.format(number, PhoneNumberFormat.NATIONAL);
      }
      return UTIL.format(number, PhoneNumberFormat.INTERNATIONAL);
    } catch (NumberParseException e) {
      return UNKNOWN;
    }
  }

  /** Only the digits of a phone number, so that any two formattings of it compare equal. */
  public static @Nullable String digits(@Nullable String phone) {
    if (phone == null) {
      return null;
    }
    StringBuilder digits = new StringBuilder(phone.length());
    phone.codePoints().filter(c -> c >= '0' && c <= '9').forEach(digits::appendCodePoint);
    return digits.toString();
  }
}
