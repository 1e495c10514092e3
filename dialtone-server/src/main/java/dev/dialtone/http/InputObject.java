package dev.dialtone.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dialtone.api.FieldErrorCode;
import dev.dialtone.api.Timestamps;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The one reader of a JSON object of a request body (an envelope's content, or an object inside
 * one), read key by key with the API's type rules and {@link InputLimits}. A failing key adds one
 * detail to the request's {@link FieldErrors} and reads as null, so one 422 names every failing
 * key; each kind of failure has one message. Absent and {@code null} both read as null; the {@code
 * required} reads add {@code BlankValue} for them. Keys of a nested object are named with their
 * path ({@code voice_comment.from}). Keys that no read asked for are the {@link #unknownKeys}.
 */
public final class InputObject {
  /**
   * Whose words a reader uses for the two kinds of failure whose messages clients and tests have
   * pinned differently: a value outside a closed set, and a string that is no date-time.
   */
  public enum Wording {
    /** The calls API's, as docs/errors.md lists them. */
    CALLS("is not one of ", "is not an ISO 8601 date-time such as 2022-01-27T15:31:40+01:00"),
    /** The Support API's (tickets, users, voice tickets), as their clients have seen them. */
    SUPPORT("is not valid; use one of ", "is not an ISO 8601 date-time");

    private final String notAllowed;
    private final String notATimestamp;

    Wording(String notAllowed, String notATimestamp) {
      this.notAllowed = notAllowed;
      this.notATimestamp = notATimestamp;
    }
  }

  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final String BLANK = "cannot be blank";

  private final ObjectNode node;
  private final String prefix;
  private final FieldErrors errors;
  private final Wording wording;
  private final Set<String> read = new HashSet<>();

  /** A reader of the calls API's input. */
  public InputObject(ObjectNode node, FieldErrors errors) {
    this(node, errors, Wording.CALLS);
  }

  public InputObject(ObjectNode node, FieldErrors errors, Wording wording) {
    this(node, "", errors, wording);
  }

  private InputObject(ObjectNode node, String prefix, FieldErrors errors, Wording wording) {
    this.node = node;
    this.prefix = prefix;
    this.errors = errors;
    this.wording = wording;
  }

  /** Whether the key was sent, even as null: for partial updates. */
  public boolean has(String key) {
    read.add(key);
    return node.has(key);
  }

  /** A string of at most {@code maxLength} characters. */
  public @Nullable String text(String key, String label, int maxLength) {
    JsonNode value = value(key);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      return wrongType(key, label, "a string", value);
    }
    String text = value.textValue();
    if (tooLong(text, maxLength)) {
      add(
          key,
          label,
          FieldErrorCode.TooLong,
          "is too long (maximum is " + maxLength + " characters)");
      return null;
    }
    return text;
  }

  /** A string that must be present and not blank. */
  public @Nullable String requiredText(String key, String label, int maxLength) {
    String text = text(key, label, maxLength);
    return required(key, label, text == null || text.isBlank() ? null : text);
  }

  /** A string from a closed set. */
  public @Nullable String oneOf(String key, String label, List<String> allowed) {
    String text = text(key, label, InputLimits.TEXT);
    return text == null ? null : allowed(key, label, text, allowed);
  }

  /**
   * Checks a string already read against a closed set: the text, or null with an error. For callers
   * that treat some strings (a blank one) before the set is consulted.
   */
  public @Nullable String allowed(String key, String label, String text, List<String> allowed) {
    if (!allowed.contains(text)) {
      add(key, label, FieldErrorCode.InvalidValue, wording.notAllowed + String.join(", ", allowed));
      return null;
    }
    return text;
  }

  /** A JSON integer that fits a long. */
  public @Nullable Long integer(String key, String label) {
    JsonNode value = value(key);
    if (value == null) {
      return null;
    }
    if (!value.isIntegralNumber()) {
      return wrongType(key, label, "an integer", value);
    }
    return fitting(key, label, value.bigIntegerValue());
  }

  public @Nullable Long requiredInteger(String key, String label) {
    return required(key, label, integer(key, label));
  }

  /** A record id: an integer greater than 0. Whether it names a record is the caller's job. */
  public @Nullable Long id(String key, String label) {
    return atLeast(key, label, 1, "must be greater than 0");
  }

  public @Nullable Long requiredId(String key, String label) {
    return required(key, label, id(key, label));
  }

  /** A count such as a duration in seconds: an integer of 0 or more. */
  public @Nullable Long count(String key, String label) {
    return atLeast(key, label, 0, "must be 0 or more");
  }

  public @Nullable Long requiredCount(String key, String label) {
    return required(key, label, count(key, label));
  }

  /**
   * A limit from 0, which means none, to {@code max}, where {@code null} clears the setting (ask
   * {@link #has} whether it was sent).
   */
  public @Nullable Integer limit(String key, String label, int max) {
    JsonNode value = value(key);
    if (value == null) {
      return null;
    }
    if (!value.isIntegralNumber()) {
      add(key, label, FieldErrorCode.InvalidType, "must be an integer or null");
      return null;
    }
    BigInteger number = value.bigIntegerValue();
    if (number.signum() < 0 || number.compareTo(BigInteger.valueOf(max)) > 0) {
      add(key, label, FieldErrorCode.InvalidValue, "must be from 0 (no limit) to " + max);
      return null;
    }
    return number.intValue();
  }

  public @Nullable Boolean bool(String key, String label) {
    JsonNode value = value(key);
    if (value == null) {
      return null;
    }
    if (!value.isBoolean()) {
      return wrongType(key, label, "true or false", value);
    }
    return value.booleanValue();
  }

  /**
   * An absolute http or https URL by {@link HttpUrl}'s rule, of at most {@code maxLength}
   * characters; a blank string reads as null, so {@code ""} clears the value.
   */
  public @Nullable String url(String key, String label, int maxLength) {
    String text = text(key, label, maxLength);
    if (text == null || text.isBlank()) {
      return null;
    }
    if (!HttpUrl.isValid(text)) {
      add(key, label, FieldErrorCode.InvalidFormat, HttpUrl.NOT_A_URL);
      return null;
    }
    return text;
  }

  public @Nullable String requiredUrl(String key, String label, int maxLength) {
    return required(key, label, url(key, label, maxLength));
  }

  /**
   * An ISO 8601 date-time of the forms {@link Timestamps} accepts; a blank string reads as null, so
   * {@code ""} clears the value.
   */
  public @Nullable Instant timestamp(String key, String label) {
    String text = text(key, label, InputLimits.TEXT);
    if (text == null || text.isBlank()) {
      return null;
    }
    Instant instant = Timestamps.parse(text).orElse(null);
    if (instant == null) {
      add(key, label, FieldErrorCode.InvalidFormat, wording.notATimestamp);
    }
    return instant;
  }

  public @Nullable Instant requiredTimestamp(String key, String label) {
    return required(key, label, timestamp(key, label));
  }

  /**
   * An array of strings, each at most {@code maxLength} characters, at most {@code maxItems} of
   * them; duplicates are dropped, order is kept.
   */
  public @Nullable List<String> texts(String key, String label, int maxItems, int maxLength) {
    return texts(key, label, maxItems, maxLength, false);
  }

  /** Like {@link #texts}, with each entry stripped and a blank one refused. */
  public @Nullable List<String> strippedTexts(
      String key, String label, int maxItems, int maxLength) {
    return texts(key, label, maxItems, maxLength, true);
  }

  private @Nullable List<String> texts(
      String key, String label, int maxItems, int maxLength, boolean stripped) {
    JsonNode value = value(key);
    if (value == null) {
      return null;
    }
    if (!value.isArray()) {
      return wrongType(key, label, "an array of strings", value);
    }
    if (value.size() > maxItems) {
      add(key, label, FieldErrorCode.TooLong, "has too many entries (maximum is " + maxItems + ")");
      return null;
    }
    Set<String> texts = new LinkedHashSet<>();
    for (JsonNode element : value) {
      if (!element.isTextual()) {
        add(
            key,
            label,
            FieldErrorCode.InvalidType,
            "must hold only strings, not " + Json.kind(element));
        return null;
      }
      String text = stripped ? element.textValue().strip() : element.textValue();
      if (stripped && text.isEmpty()) {
        add(key, label, FieldErrorCode.BlankValue, "cannot hold a blank entry");
        return null;
      }
      if (tooLong(text, maxLength)) {
        add(
            key,
            label,
            FieldErrorCode.TooLong,
            "has an entry that is too long (maximum is " + maxLength + " characters)");
        return null;
      }
      texts.add(text);
    }
    return List.copyOf(texts);
  }

  /**
   * A nested object, whose keys are then named {@code key.inner} in errors and unknown keys; null
   * when absent, null, or of another type (then with an error).
   */
  public @Nullable InputObject object(String key, String label) {
    JsonNode value = value(key);
    if (value == null) {
      return null;
    }
    if (!value.isObject()) {
      return wrongType(key, label, "an object", value);
    }
    return new InputObject((ObjectNode) value, prefix + key + ".", errors, wording);
  }

  /** Adds an error about one of this object's keys, named as the other errors name it. */
  public void add(String key, String label, FieldErrorCode code, String message) {
    errors.add(prefix + key, label, code, message);
  }

  /** Adds {@code BlankValue} for the key unless it has an error already. */
  public void blank(String key, String label, String why) {
    if (!errors.has(prefix + key)) {
      add(key, label, FieldErrorCode.BlankValue, why.isEmpty() ? BLANK : BLANK + why);
    }
  }

  /** Whether the key has an error. */
  public boolean failed(String key) {
    return errors.has(prefix + key);
  }

  /**
   * The keys no read asked for that the record shows ({@code shown}, as rendered) with another
   * value than the one sent, and the keys it does not show at all: what an update ignores and
   * reports. A key sent back exactly as shown is an echo of a read-modify-write client, not a
   * request, so it is left out.
   */
  public List<String> changedEchoes(Map<String, ?> shown) {
    JsonNode rendered = Json.mapper().valueToTree(shown);
    List<String> changed = new ArrayList<>();
    for (String key : unknownKeys()) {
      JsonNode current = rendered.get(key.substring(prefix.length()));
      JsonNode value = node.get(key.substring(prefix.length()));
      boolean same = current != null && (current.isNull() ? value.isNull() : current.equals(value));
      if (!same) {
        changed.add(key);
      }
    }
    return changed;
  }

  /** The keys that no read asked for, with their path from the envelope, in the order sent. */
  public List<String> unknownKeys() {
    List<String> unknown = new ArrayList<>();
    node.fieldNames()
        .forEachRemaining(
            name -> {
              if (!read.contains(name)) {
                unknown.add(prefix + name);
              }
            });
    return unknown;
  }

  private <T> @Nullable T required(String key, String label, @Nullable T value) {
    if (value == null) {
      blank(key, label, "");
    }
    return value;
  }

  private @Nullable Long atLeast(String key, String label, long min, String below) {
    JsonNode value = value(key);
    if (value == null) {
      return null;
    }
    if (!value.isIntegralNumber()) {
      return wrongType(key, label, "an integer", value);
    }
    BigInteger number = value.bigIntegerValue();
    if (number.compareTo(BigInteger.valueOf(min)) < 0) {
      add(key, label, FieldErrorCode.InvalidValue, below);
      return null;
    }
    return fitting(key, label, number);
  }

  private @Nullable Long fitting(String key, String label, BigInteger number) {
    if (number.compareTo(LONG_MAX) > 0) {
      add(key, label, FieldErrorCode.InvalidValue, "is too large (maximum is " + LONG_MAX + ")");
      return null;
    }
    if (number.compareTo(LONG_MIN) < 0) {
      add(key, label, FieldErrorCode.InvalidValue, "is too small (minimum is " + LONG_MIN + ")");
      return null;
    }
    return number.longValue();
  }

  private static boolean tooLong(String text, int maxLength) {
    return text.codePointCount(0, text.length()) > maxLength;
  }

  private @Nullable JsonNode value(String key) {
    read.add(key);
    JsonNode value = node.get(key);
    return value == null || value.isNull() ? null : value;
  }

  // Returns only null, which is a value of every T: the call sites read `return wrongType(…)`.
  @SuppressWarnings("TypeParameterUnusedInFormals")
  private <T> @Nullable T wrongType(String key, String label, String expected, JsonNode actual) {
    add(
        key,
        label,
        FieldErrorCode.InvalidType,
        "must be " + expected + ", not " + Json.kind(actual));
    return null;
  }
}
