package dev.dialtone.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dialtone.api.FieldErrorCode;
import dev.dialtone.route.ApiRequest;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One JSON object of a request body (an envelope's content, or an object inside one), read key by
 * key with the Support API's type rules. A failing key adds one detail to the request's {@link
 * FieldErrors} and reads as null, so one 422 names every failing key. Absent and {@code null} both
 * read as null. Keys that were never read are the unknown ones, reported with {@link
 * ApiRequest#ignored}.
 */
public final class InputObject {
  /** The limit on every string that docs/api.md does not give another one. */
  public static final int MAX_TEXT = 255;

  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private final ObjectNode node;
  private final String prefix;
  private final FieldErrors errors;
  private final Set<String> read = new HashSet<>();

  public InputObject(ObjectNode node, FieldErrors errors) {
    this(node, "", errors);
  }

  private InputObject(ObjectNode node, String prefix, FieldErrors errors) {
    this.node = node;
    this.prefix = prefix;
    this.errors = errors;
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
    if (text.codePointCount(0, text.length()) > maxLength) {
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
    if (text == null || text.isBlank()) {
      if (!errors.has(prefix + key)) {
        add(key, label, FieldErrorCode.BlankValue, "cannot be blank");
      }
      return null;
    }
    return text;
  }

  /** A string from a closed set. */
  public @Nullable String oneOf(String key, String label, List<String> allowed) {
    String text = text(key, label, MAX_TEXT);
    if (text != null && !allowed.contains(text)) {
      add(
          key,
          label,
          FieldErrorCode.InvalidValue,
          "is not valid; use one of " + String.join(", ", allowed));
      return null;
    }
    return text;
  }

  /** A record id: a JSON integer greater than 0. Whether it names a record is the caller's job. */
  public @Nullable Long id(String key, String label) {
    JsonNode value = value(key);
    if (value == null) {
      return null;
    }
    if (!value.isIntegralNumber()) {
      return wrongType(key, label, "an integer", value);
    }
    BigInteger number = value.bigIntegerValue();
    if (number.signum() <= 0) {
      add(key, label, FieldErrorCode.InvalidValue, "must be greater than 0");
      return null;
    }
    if (number.compareTo(LONG_MAX) > 0) {
      add(key, label, FieldErrorCode.InvalidValue, "is too large (maximum is " + LONG_MAX + ")");
      return null;
    }
    return number.longValue();
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

  /** An array of strings, each at most {@code maxLength}; duplicates are dropped, order is kept. */
  public @Nullable List<String> texts(String key, String label, int maxItems, int maxLength) {
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
        return wrongType(key, label, "an array of strings", element);
      }
      String text = element.textValue();
      if (text.codePointCount(0, text.length()) > maxLength) {
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
    return new InputObject((ObjectNode) value, prefix + key + ".", errors);
  }

  /** Adds an error about one of this object's keys, named as the other errors name it. */
  public void add(String key, String label, FieldErrorCode code, String message) {
    errors.add(prefix + key, label, code, message);
  }

  /** The keys that no read asked for, with their path from the envelope. */
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
