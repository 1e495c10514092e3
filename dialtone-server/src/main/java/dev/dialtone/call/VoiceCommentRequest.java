package dev.dialtone.call;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dialtone.api.FieldErrorCode;
import dev.dialtone.http.FieldErrors;
import dev.dialtone.http.Json;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The body of a TPE voice comment (docs/api.md), read and type-checked. Whether the ids name users
 * of the account is checked by {@link VoiceComments} inside the write.
 */
public record VoiceCommentRequest(
    @Nullable String title,
    List<String> callFields,
    @Nullable Long authorId,
    @Nullable Long displayToAgent,
    @Nullable String subject) {
  private static final Set<String> KEYS =
      Set.of("title", "call_fields", "author_id", "display_to_agent", "subject");
  private static final int MAX_TEXT = 255;
  private static final int MAX_CALL_FIELDS = 100;

  public VoiceCommentRequest {
    callFields = List.copyOf(callFields);
  }

  /**
   * Reads the request, adding each failing key to {@code errors}; unknown keys to {@code ignored}.
   */
  public static VoiceCommentRequest read(
      ObjectNode body, FieldErrors errors, List<String> ignored) {
    Iterator<String> names = body.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!KEYS.contains(name)) {
        ignored.add(name);
      }
    }
    String title = text(body, "title", "Title", errors);
    if (!errors.has("title") && (title == null || title.isBlank())) {
      errors.add("title", "Title", FieldErrorCode.BlankValue, "cannot be blank");
    }
    return new VoiceCommentRequest(
        title,
        callFields(body.get("call_fields"), errors),
        id(body, "author_id", "Author", errors),
        id(body, "display_to_agent", "Display to agent", errors),
        text(body, "subject", "Subject", errors));
  }

  private static @Nullable String text(
      ObjectNode body, String key, String label, FieldErrors errors) {
    JsonNode node = body.get(key);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      errors.add(
          key, label, FieldErrorCode.InvalidType, "must be a string, not " + Json.kind(node));
      return null;
    }
    String text = node.textValue();
    if (text.codePointCount(0, text.length()) > MAX_TEXT) {
      errors.add(
          key,
          label,
          FieldErrorCode.TooLong,
          "is too long (maximum is " + MAX_TEXT + " characters)");
      return null;
    }
    return text;
  }

  private static @Nullable Long id(ObjectNode body, String key, String label, FieldErrors errors) {
    JsonNode node = body.get(key);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isIntegralNumber()) {
      errors.add(
          key, label, FieldErrorCode.InvalidType, "must be an integer, not " + Json.kind(node));
      return null;
    }
    BigInteger value = node.bigIntegerValue();
    if (value.signum() <= 0 || value.bitLength() > 63) {
      errors.add(key, label, FieldErrorCode.InvalidValue, "does not name a user of this account");
      return null;
    }
    return value.longValue();
  }

  private static List<String> callFields(JsonNode node, FieldErrors errors) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    String label = "Call fields";
    if (!node.isArray()) {
      errors.add(
          "call_fields",
          label,
          FieldErrorCode.InvalidType,
          "must be an array of field names, not " + Json.kind(node));
      return List.of();
    }
    if (node.size() > MAX_CALL_FIELDS) {
      errors.add(
          "call_fields",
          label,
          FieldErrorCode.TooLong,
          "has too many entries (maximum is " + MAX_CALL_FIELDS + ")");
      return List.of();
    }
    List<String> fields = new ArrayList<>();
    for (JsonNode element : node) {
      if (!element.isTextual()) {
        errors.add(
            "call_fields",
            label,
            FieldErrorCode.InvalidType,
            "must hold only field names as strings, not " + Json.kind(element));
        return List.of();
      }
      fields.add(element.textValue());
    }
    return fields;
  }
}
