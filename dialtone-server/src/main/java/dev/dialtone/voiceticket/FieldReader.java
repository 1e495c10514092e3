package dev.dialtone.voiceticket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dialtone.api.FieldErrorCode;
import dev.dialtone.api.Timestamps;
import dev.dialtone.http.FieldErrors;
import dev.dialtone.http.HttpUrl;
import dev.dialtone.http.Json;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads typed values out of one JSON object of a request. Each bad value adds one detail to the
 * shared {@link FieldErrors} and reads as null, so that every failing field is reported at once.
 * Keys of a nested object are reported with their path ({@code voice_comment.from}).
 */
final class FieldReader {
  private final ObjectNode node;
  private final String prefix;
  private final FieldErrors errors;

  FieldReader(ObjectNode node, String prefix, FieldErrors errors) {
    this.node = node;
    this.prefix = prefix;
    this.errors = errors;
  }

  /** Keys of the object outside {@code known}, with their path, for the ignored-fields header. */
  List<String> unknownKeys(Set<String> known) {
    List<String> unknown = new ArrayList<>();
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        unknown.add(prefix + name);
      }
    }
    return unknown;
  }

  boolean isPresent(String key) {
    JsonNode value = node.get(key);
    return value != null && !value.isNull();
  }

  void fail(String key, String label, FieldErrorCode code, String message) {
    errors.add(prefix + key, label, code, message);
  }

  /** A string of at most {@code max} characters; null when absent. */
  String text(String key, String label, int max) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      fail(key, label, FieldErrorCode.InvalidType, "must be a string, not " + Json.kind(value));
      return null;
    }
    String text = value.textValue();
    if (text.codePointCount(0, text.length()) > max) {
      fail(key, label, FieldErrorCode.TooLong, "is too long (maximum is " + max + " characters)");
      return null;
    }
    return text;
  }

  /** Like {@link #text}, and absent, null or blank is a {@code BlankValue}. */
  String requiredText(String key, String label, int max) {
    String text = text(key, label, max);
    if ((text == null && !errors.has(prefix + key)) || (text != null && text.isBlank())) {
      blank(key, label);
      return null;
    }
    return text;
  }

  /** A string that must be one of {@code allowed}; null when absent. */
  String oneOf(String key, String label, Set<String> allowed) {
    String text = text(key, label, 255);
    if (text != null && !allowed.contains(text)) {
      fail(
          key,
          label,
          FieldErrorCode.InvalidValue,
          "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
      return null;
    }
    return text;
  }

  /** A URL by {@link HttpUrl}'s rule, of at most {@code max} characters. */
  String requiredUrl(String key, String label, int max) {
    String text = requiredText(key, label, max);
    if (text != null && !HttpUrl.isValid(text)) {
      fail(key, label, FieldErrorCode.InvalidFormat, HttpUrl.NOT_A_URL);
      return null;
    }
    return text;
  }

  /** An ISO 8601 date-time of the forms the calls API accepts (docs/api.md). */
  Instant requiredTimestamp(String key, String label) {
    String text = requiredText(key, label, 64);
    if (text == null) {
      return null;
    }
    Instant instant = Timestamps.parse(text).orElse(null);
    if (instant == null) {
      fail(key, label, FieldErrorCode.InvalidFormat, "is not an ISO 8601 date-time");
    }
    return instant;
  }

  /** A JSON integer; null when absent. */
  Long integer(String key, String label) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber()) {
      fail(key, label, FieldErrorCode.InvalidType, "must be an integer, not " + Json.kind(value));
      return null;
    }
    BigInteger number = value.bigIntegerValue();
    if (number.bitLength() > 63) {
      fail(key, label, FieldErrorCode.InvalidValue, "is out of range");
      return null;
    }
    return number.longValue();
  }

  /** A JSON integer that must be there. */
  Long requiredInteger(String key, String label) {
    if (!isPresent(key)) {
      blank(key, label);
      return null;
    }
    return integer(key, label);
  }

  /** A count such as a duration: an integer of 0 or more. */
  Long requiredCount(String key, String label) {
    Long count = requiredInteger(key, label);
    if (count != null && count < 0) {
      fail(key, label, FieldErrorCode.InvalidValue, "must be 0 or more");
      return null;
    }
    return count;
  }

  /** A record id: an integer greater than 0; null when absent. */
  Long id(String key, String label) {
    Long id = integer(key, label);
    if (id != null && id <= 0) {
      fail(key, label, FieldErrorCode.InvalidValue, "must be greater than 0");
      return null;
    }
    return id;
  }

  Long requiredId(String key, String label) {
    if (!isPresent(key)) {
      blank(key, label);
      return null;
    }
    return id(key, label);
  }

  /** {@code true} or {@code false}; null when absent. */
  Boolean bool(String key, String label) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isBoolean()) {
      fail(
          key, label, FieldErrorCode.InvalidType, "must be true or false, not " + Json.kind(value));
      return null;
    }
    return value.booleanValue();
  }

  /** An array of non-blank strings, each at most {@code maxLength}; empty when absent. */
  List<String> strings(String key, String label, int maxEntries, int maxLength) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      fail(
          key,
          label,
          FieldErrorCode.InvalidType,
          "must be an array of strings, not " + Json.kind(value));
      return List.of();
    }
    if (value.size() > maxEntries) {
      fail(
          key,
          label,
          FieldErrorCode.TooLong,
          "has too many entries (maximum is " + maxEntries + ")");
      return List.of();
    }
    List<String> strings = new ArrayList<>();
    for (JsonNode element : value) {
      if (!element.isTextual() || element.textValue().isBlank()) {
        fail(
            key,
            label,
            FieldErrorCode.InvalidType,
            "must hold only non-blank strings, not " + Json.kind(element));
        return List.of();
      }
      String text = element.textValue().strip();
      if (text.codePointCount(0, text.length()) > maxLength) {
        fail(
            key,
            label,
            FieldErrorCode.TooLong,
            "has an entry that is too long (maximum is " + maxLength + " characters)");
        return List.of();
      }
      if (!strings.contains(text)) {
        strings.add(text);
      }
    }
    return strings;
  }

  /** A nested object; null when absent, or when it is not an object ({@code InvalidType}). */
  ObjectNode object(String key, String label) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isObject()) {
      fail(key, label, FieldErrorCode.InvalidType, "must be an object, not " + Json.kind(value));
      return null;
    }
    return (ObjectNode) value;
  }

  void blank(String key, String label) {
    fail(key, label, FieldErrorCode.BlankValue, "cannot be blank");
  }
}
