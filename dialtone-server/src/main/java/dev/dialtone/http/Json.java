package dev.dialtone.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Dialtone's JSON reading and writing. Reading is strict: duplicate keys, trailing data, invalid
 * UTF-8 and nesting deeper than {@link #MAX_DEPTH} are all 400 {@code InvalidJSON}, with the line
 * and column where the problem is.
 */
public final class Json {
  /** Deep enough for any real request, shallow enough that no body can exhaust the stack. */
  public static final int MAX_DEPTH = 32;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
          .build();

  private Json() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Parses a request body that must be one JSON object. */
  public static ObjectNode parseObject(byte[] body) {
    JsonNode node;
    try {
      node = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw ApiException.invalidJson(describe(e));
    } catch (IOException e) {
      throw ApiException.invalidJson("The request body could not be read: " + e.getMessage());
    }
    if (node == null || node.isMissingNode()) {
      throw ApiException.invalidJson("The request body is empty; a JSON object was expected");
    }
    if (!node.isObject()) {
      throw ApiException.invalidJson(
          "The request body must be a JSON object, not " + kind(node) + " (line 1, column 1)");
    }
    // JSON can carry NUL only as the escape \u0000, so the tree is walked only when the bytes hold
    // one: ordinary bodies pay a byte scan, not a path string per node.
    String withNul = escapesNul(body) ? pathOfNul(node, "") : null;
    if (withNul != null) {
      // Neither database keeps it: PostgreSQL refuses NUL in text, SQLite ends strings at it.
      throw ApiException.invalidJson(
          "The request body holds the NUL character (\\u0000) in "
              + withNul
              + "; text may hold any character but that one");
    }
    return (ObjectNode) node;
  }

  private static boolean escapesNul(byte[] body) {
    for (int i = 0; i + 5 < body.length; i++) {
      if (body[i] == '\\'
          && body[i + 1] == 'u'
          && body[i + 2] == '0'
          && body[i + 3] == '0'
          && body[i + 4] == '0'
          && body[i + 5] == '0') {
        return true;
      }
    }
    return false;
  }

  /** The dotted path of the first string (key or value) holding U+0000, or null if none does. */
  private static @Nullable String pathOfNul(JsonNode node, String path) {
    if (node.isTextual()) {
      return node.textValue().indexOf('\0') >= 0 ? path : null;
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String found = pathOfNul(node.get(i), path + "[" + i + "]");
        if (found != null) {
          return found;
        }
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String key = field.getKey();
        String at = path.isEmpty() ? key : path + "." + key;
        if (key.indexOf('\0') >= 0) {
          return path.isEmpty() ? "a key" : "a key of " + path;
        }
        String found = pathOfNul(field.getValue(), at);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Describes a JSON value's kind in words, for error messages. */
  public static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case STRING -> "a string";
      case NUMBER -> node.isIntegralNumber() ? "an integer" : "a decimal number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> "an unknown value";
    };
  }

  private static String describe(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    int newline = message.indexOf('\n');
    if (newline >= 0) {
      message = message.substring(0, newline);
    }
    JsonLocation location = e.getLocation();
    if (location == null || location.getLineNr() < 0) {
      return "The request body is not valid JSON: " + message;
    }
    return "The request body is not valid JSON: "
        + message
        + " (line "
        + location.getLineNr()
        + ", column "
        + location.getColumnNr()
        + ")";
  }
}
