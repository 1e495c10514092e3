package dev.dialtone.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dialtone.route.ApiRequest;
import dev.dialtone.testing.RandomText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Grammar-based mutations of a valid JSON body: one change at a random place of its tree (a value
 * of the wrong type, null, huge or exotic text, a removed or unknown key, a duplicate key, an array
 * for an object, deep nesting) or of its bytes (truncation, invalid UTF-8, garbage around it). A
 * mutation may leave the body valid (an unknown key, a removed optional key): the caller finds out
 * from the answer.
 */
final class JsonMutator {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * Stands for raw JSON text that Jackson would not write (a lone surrogate escape, a duplicate).
   */
  private static final String RAW = "\u0000RAW\u0000";

  /** Just past the body limit of {@link ApiRequest#MAX_BODY_BYTES}. */
  static final int PAST_BODY_LIMIT = ApiRequest.MAX_BODY_BYTES + 1;

  private final Random random;
  private final RandomText text;

  /** One mutated body and what was done to it, for failure messages. */
  record Mutated(String why, byte[] body) {}

  /** A place in the tree: the container and the key (object) or index (array) in it. */
  private record Slot(JsonNode container, String key, int index) {
    JsonNode value() {
      return key != null ? container.get(key) : container.get(index);
    }

    void set(JsonNode value) {
      if (key != null) {
        ((ObjectNode) container).set(key, value);
      } else {
        ((ArrayNode) container).set(index, value);
      }
    }

    String name() {
      return key != null ? key : "[" + index + "]";
    }
  }

  JsonMutator(Random random) {
    this.random = random;
    this.text = new RandomText(random);
  }

  Mutated mutate(String validJson) {
    JsonNode tree = parse(validJson);
    int kind = random.nextInt(100);
    if (kind < 8) {
      byte[] bytes = utf8(validJson);
      int at = random.nextInt(Math.max(1, bytes.length));
      return new Mutated("truncated at " + at, Arrays.copyOf(bytes, at));
    }
    if (kind < 14) {
      return invalidUtf8(validJson);
    }
    if (kind < 20) {
      return aroundTheBody(validJson);
    }
    List<Slot> slots = new ArrayList<>();
    collect(tree, slots);
    if (slots.isEmpty()) {
      return new Mutated("unchanged", utf8(validJson));
    }
    Slot slot = slots.get(random.nextInt(slots.size()));
    if (kind < 50) {
      JsonNode value = wrongValue();
      slot.set(value);
      return new Mutated(slot.name() + " = " + Json.kind(value), write(tree));
    }
    if (kind < 58) {
      if (slot.key() == null) {
        ((ArrayNode) slot.container()).remove(slot.index());
      } else {
        ((ObjectNode) slot.container()).remove(slot.key());
      }
      return new Mutated("removed " + slot.name(), write(tree));
    }
    if (kind < 66) {
      ObjectNode target = randomObject(tree);
      String key = random.nextInt(4) == 0 ? "" : text.unicode(1 + random.nextInt(12));
      target.set(key, wrongValue());
      return new Mutated("unknown key", write(tree));
    }
    if (kind < 74) {
      ObjectNode target = randomObject(tree);
      if (target.isEmpty()) {
        return new Mutated("unchanged", write(tree));
      }
      String key = target.fieldNames().next();
      target.set(RAW, target.get(key));
      String raw = new String(write(tree), StandardCharsets.UTF_8);
      return new Mutated(
          "duplicate key " + key,
          utf8(raw.replace(quoted(RAW), MAPPER.valueToTree(key).toString())));
    }
    if (kind < 80) {
      slot.set(NODES.arrayNode().add(slot.value()));
      return new Mutated(slot.name() + " wrapped in an array", write(tree));
    }
    if (kind < 86) {
      int depth = List.of(31, 32, 33, 64, 1_000, 20_000).get(random.nextInt(6));
      String nested =
          random.nextBoolean()
              ? "[".repeat(depth) + "]".repeat(depth)
              : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
      slot.set(NODES.textNode(RAW));
      return new Mutated(slot.name() + " nested " + depth, replaceRaw(tree, nested));
    }
    if (kind < 93) {
      String escape =
          List.of(
                  "\"\\ud800\"",
                  "\"\\udc00x\"",
                  "\"a\\ud83d\"",
                  "\"\\u0000\"",
                  "\"\\u202e\\u0000\\ufeff\"",
                  "\"\\ud83d\\ude00\\u05d0\"",
                  "\"\\uffff\\ufffe\"",
                  "\"\\ud800\\ud800\"")
              .get(random.nextInt(8));
      slot.set(NODES.textNode(RAW));
      return new Mutated(slot.name() + " = " + escape, replaceRaw(tree, escape));
    }
    if (kind < 96) {
      JsonNode body =
          switch (random.nextInt(4)) {
            case 0 -> NODES.arrayNode().add(tree);
            case 1 -> NODES.textNode(tree.toString());
            case 2 -> NODES.numberNode(random.nextInt());
            default -> NODES.nullNode();
          };
      return new Mutated("body is " + Json.kind(body), write(body));
    }
    // Past the body limit: the server must answer 413 without reading it all into a field.
    slot.set(NODES.textNode(hugeText(PAST_BODY_LIMIT + random.nextInt(100_000))));
    return new Mutated(slot.name() + " past the body limit", write(tree));
  }

  /** A value of some JSON type, often the wrong one for the place it lands in. */
  JsonNode wrongValue() {
    return switch (random.nextInt(22)) {
      case 0, 1 -> NODES.nullNode();
      case 2 -> NODES.booleanNode(random.nextBoolean());
      case 3 -> NODES.numberNode(0);
      case 4 -> NODES.numberNode(-1 - random.nextInt(1000));
      case 5 -> NODES.numberNode(new BigDecimal(random.nextInt(1000) + ".5"));
      case 6 -> NODES.numberNode(new BigInteger("18446744073709551616"));
      case 7 -> NODES.numberNode(new BigInteger("9223372036854775808"));
      case 8 -> NODES.numberNode(Long.MAX_VALUE);
      case 9 -> NODES.numberNode(new BigDecimal("1e308"));
      case 10 -> NODES.textNode("");
      case 11 -> NODES.textNode(" \t\n");
      case 12, 13 -> NODES.textNode(text.unicode(1 + random.nextInt(40)));
      case 14 -> NODES.textNode("\u0000" + text.unicode(3) + "\u0000");
      case 15 -> NODES.textNode("\u202e\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627");
      case 16 ->
          NODES.textNode("\ud83d\udcde\ud835\udd4f\ud800\udc00".repeat(1 + random.nextInt(80)));
      case 17 -> NODES.textNode(hugeText(250 + random.nextInt(20)));
      case 18 -> NODES.textNode(hugeText(1_000 + random.nextInt(200_000)));
      case 19 -> NODES.arrayNode().add(text.unicode(3)).add(random.nextInt());
      case 20 -> NODES.objectNode().put(text.unicode(3), text.unicode(3));
      default -> NODES.textNode(String.valueOf(random.nextInt(1000)));
    };
  }

  private String hugeText(int codePoints) {
    return text.unicodeOfLength(codePoints);
  }

  private Mutated invalidUtf8(String validJson) {
    byte[][] invalid = {
      {(byte) 0xFF},
      {(byte) 0xC3, (byte) 0x28},
      {(byte) 0xE2, (byte) 0x82},
      {(byte) 0xF0, (byte) 0x9F, (byte) 0x98},
      {(byte) 0xC0, (byte) 0xAF},
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
      {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
      {(byte) 0x80}
    };
    byte[] bad = invalid[random.nextInt(invalid.length)];
    byte[] bytes = utf8(validJson);
    // Inside a string value when there is one, else anywhere.
    int quote = validJson.lastIndexOf('"', Math.max(0, validJson.length() - 3));
    int at =
        quote > 0 && random.nextBoolean()
            ? utf8(validJson.substring(0, quote)).length
            : random.nextInt(bytes.length + 1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(bytes, 0, at);
    out.writeBytes(bad);
    out.write(bytes, at, bytes.length - at);
    return new Mutated("invalid UTF-8 at " + at, out.toByteArray());
  }

  private Mutated aroundTheBody(String validJson) {
    return switch (random.nextInt(8)) {
      case 0 ->
          new Mutated(
              "byte order mark",
              concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(validJson)));
      case 1 -> new Mutated("trailing garbage", utf8(validJson + " x"));
      case 2 -> new Mutated("two documents", utf8(validJson + validJson));
      case 3 -> new Mutated("whitespace around", utf8(" \r\n\t" + validJson + "\n\n "));
      case 4 -> new Mutated("single quotes", utf8(validJson.replace('"', '\'')));
      case 5 -> new Mutated("comment inside", utf8(validJson.replaceFirst("\\{", "{/* c */")));
      case 6 -> new Mutated("trailing comma", utf8(validJson.replaceFirst("}$", ",}")));
      default -> new Mutated("NUL bytes", concat(utf8(validJson), new byte[] {0, 0}));
    };
  }

  private void collect(JsonNode node, List<Slot> slots) {
    if (node.isObject()) {
      node.fieldNames()
          .forEachRemaining(
              key -> {
                slots.add(new Slot(node, key, -1));
                collect(node.get(key), slots);
              });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        slots.add(new Slot(node, null, i));
        collect(node.get(i), slots);
      }
    }
  }

  private ObjectNode randomObject(JsonNode tree) {
    List<ObjectNode> objects = new ArrayList<>();
    collectObjects(tree, objects);
    return objects.get(random.nextInt(objects.size()));
  }

  private static void collectObjects(JsonNode node, List<ObjectNode> objects) {
    if (node.isObject()) {
      objects.add((ObjectNode) node);
    }
    node.forEach(child -> collectObjects(child, objects));
  }

  private static byte[] replaceRaw(JsonNode tree, String raw) {
    return utf8(new String(write(tree), StandardCharsets.UTF_8).replace(quoted(RAW), raw));
  }

  private static String quoted(String value) {
    return MAPPER.valueToTree(value).toString();
  }

  static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] write(JsonNode tree) {
    try {
      return MAPPER.writeValueAsBytes(tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] both = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }
}
