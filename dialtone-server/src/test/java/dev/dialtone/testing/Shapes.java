package dev.dialtone.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks JSON answers against the shapes of Zendesk's objects pinned in {@code
 * src/test/resources/shapes/<name>.json}: which keys an object has and the JSON type of each.
 *
 * <p>A fixture maps each key to a type ({@code "string"}, {@code "integer"}, {@code "number"},
 * {@code "boolean"}, {@code "object"}, {@code "array"}, {@code "null"}), a list of types, or a
 * nested shape. In a shape, keys starting with {@code _} are directives, not keys: {@code _source}
 * and {@code _note} are for people; {@code _optional} holds keys that may be absent; {@code
 * _nullable: true} lets the object be null; {@code _items} makes the node an array whose elements
 * have that type or shape; {@code _values} makes it an object with any keys whose values have that
 * type or shape; {@code _variants}, at the top, names alternative shapes ({@code "error/coded"}).
 */
public final class Shapes {
  /** The type a key has when it is not there, on either side of a {@link Difference}. */
  public static final String ABSENT = "absent";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Map<String, JsonNode> FIXTURES = new ConcurrentHashMap<>();

  private Shapes() {}

  /**
   * One way an answer differs from Zendesk's shape: at {@code path} (keys joined by dots, {@code
   * []} for every element of an array) of the object {@code shape}, Zendesk has {@code zendesk}
   * ("string|null", or {@link #ABSENT} for a key Zendesk does not have) where the answer has {@code
   * dialtone} (the JSON type it sent, or {@link #ABSENT}).
   */
  public record Difference(String shape, String path, String zendesk, String dialtone) {
    @Override
    public String toString() {
      String where = shape + (path.isEmpty() ? "" : " at " + path);
      if (dialtone.equals(ABSENT)) {
        return where + ": missing key (Zendesk: " + zendesk + ")";
      }
      if (zendesk.equals(ABSENT)) {
        return where + ": extra key (Dialtone: " + dialtone + ")";
      }
      return where + ": wrong type (Zendesk: " + zendesk + ", Dialtone: " + dialtone + ")";
    }
  }

  /**
   * The differences between {@code json} and the shape {@code name}: a fixture's name, or {@code
   * fixture/variant}; a fixture of variants alone matches the variant it is closest to.
   */
  public static List<Difference> check(String name, JsonNode json) {
    String[] parts = name.split("/", 2);
    JsonNode fixture = fixture(parts[0]);
    JsonNode variants = fixture.get("_variants");
    if (parts.length == 2) {
      if (variants == null || !variants.has(parts[1])) {
        throw new IllegalArgumentException("no shape " + name);
      }
      return checkShape(name, variants.get(parts[1]), json);
    }
    if (variants == null) {
      return checkShape(name, fixture, json);
    }
    List<Difference> closest = null;
    for (Iterator<String> it = variants.fieldNames(); it.hasNext(); ) {
      String variant = it.next();
      List<Difference> found = checkShape(name + "/" + variant, variants.get(variant), json);
      if (closest == null || found.size() < closest.size()) {
        closest = found;
      }
    }
    return closest == null ? List.of() : closest;
  }

  /**
   * The differences of a list answer: the envelope's keys beside {@code listKey}, then each element
   * against the shape {@code elementShape} names for it (null: an element with no shape here).
   */
  public static List<Difference> checkList(
      String envelope, String listKey, Function<JsonNode, String> elementShape, JsonNode json) {
    List<Difference> found = new ArrayList<>();
    if (!json.isObject()) {
      found.add(new Difference(envelope, "", "object", typeOf(json)));
      return found;
    }
    JsonNode list = json.get(listKey);
    if (list == null || !list.isArray()) {
      found.add(new Difference(envelope, listKey, "array", list == null ? ABSENT : typeOf(list)));
    } else {
      for (JsonNode element : list) {
        String shape = elementShape.apply(element);
        if (shape != null) {
          found.addAll(check(shape, element));
        }
      }
    }
    ObjectNode rest = ((ObjectNode) json).deepCopy();
    rest.remove(listKey);
    found.addAll(check(envelope, rest));
    return found;
  }

  /** As {@link #checkList(String, String, Function, JsonNode)}, every element of one shape. */
  public static List<Difference> checkList(
      String envelope, String listKey, String elementShape, JsonNode json) {
    return checkList(envelope, listKey, element -> elementShape, json);
  }

  /** Fails, naming every difference, unless {@code json} has the shape {@code name}. */
  public static void assertMatches(String name, JsonNode json) {
    assertNone(name, check(name, json), Set.of());
  }

  /**
   * Fails, naming {@code where} and every difference that {@code known} does not list; the same
   * difference seen in several elements of a list is named once.
   */
  public static void assertNone(
      String where, Collection<Difference> found, Collection<Difference> known) {
    Set<Difference> unknown = new LinkedHashSet<>(found);
    unknown.removeAll(known);
    if (!unknown.isEmpty()) {
      throw new AssertionError(
          where
              + " differs from Zendesk's shapes in "
              + unknown.size()
              + " way(s):\n  "
              + unknown.stream().map(Difference::toString).collect(Collectors.joining("\n  ")));
    }
  }

  private static JsonNode fixture(String name) {
    return FIXTURES.computeIfAbsent(name, Shapes::load);
  }

  private static JsonNode load(String name) {
    String resource = "/shapes/" + name + ".json";
    try (InputStream in = Shapes.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no shape fixture " + resource);
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(resource, e);
    }
  }

  private static List<Difference> checkShape(String shape, JsonNode spec, JsonNode json) {
    List<Difference> found = new ArrayList<>();
    check(shape, "", spec, json, found);
    return found;
  }

  private static void check(
      String shape, String path, JsonNode spec, JsonNode json, List<Difference> found) {
    if (!spec.isObject()) {
      Set<String> allowed = types(spec);
      String actual = typeOf(json);
      boolean ok =
          allowed.contains(actual) || (actual.equals("integer") && allowed.contains("number"));
      if (!ok) {
        found.add(new Difference(shape, path, describe(spec), actual));
      }
      return;
    }
    if (json.isNull() && spec.path("_nullable").asBoolean(false)) {
      return;
    }
    JsonNode items = spec.get("_items");
    if (items != null) {
      if (!json.isArray()) {
        found.add(new Difference(shape, path, describe(spec), typeOf(json)));
        return;
      }
      for (JsonNode element : json) {
        check(shape, path + "[]", items, element, found);
      }
      return;
    }
    if (!json.isObject()) {
      found.add(new Difference(shape, path, describe(spec), typeOf(json)));
      return;
    }
    JsonNode values = spec.get("_values");
    if (values != null) {
      for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        check(shape, join(path, entry.getKey()), values, entry.getValue(), found);
      }
      return;
    }
    JsonNode optional = spec.path("_optional");
    for (Iterator<Map.Entry<String, JsonNode>> it = spec.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String key = entry.getKey();
      if (key.startsWith("_")) {
        continue;
      }
      JsonNode value = json.get(key);
      if (value == null) {
        found.add(new Difference(shape, join(path, key), describe(entry.getValue()), ABSENT));
      } else {
        check(shape, join(path, key), entry.getValue(), value, found);
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String key = entry.getKey();
      if (optional.has(key)) {
        check(shape, join(path, key), optional.get(key), entry.getValue(), found);
      } else if (key.startsWith("_") || !spec.has(key)) {
        found.add(new Difference(shape, join(path, key), ABSENT, typeOf(entry.getValue())));
      }
    }
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private static Set<String> types(JsonNode spec) {
    Set<String> types = new LinkedHashSet<>();
    if (spec.isTextual()) {
      types.add(spec.asText());
    } else {
      spec.forEach(type -> types.add(type.asText()));
    }
    return types;
  }

  /** A spec as the types it allows, "string|null". */
  private static String describe(JsonNode spec) {
    if (!spec.isObject()) {
      return String.join("|", types(spec));
    }
    StringJoiner joiner = new StringJoiner("|");
    joiner.add(spec.has("_items") ? "array" : "object");
    if (spec.path("_nullable").asBoolean(false)) {
      joiner.add("null");
    }
    return joiner.toString();
  }

  /** The JSON type of a node, in the fixtures' words. */
  public static String typeOf(JsonNode json) {
    if (json.isTextual()) {
      return "string";
    }
    if (json.isIntegralNumber()) {
      return "integer";
    }
    if (json.isNumber()) {
      return "number";
    }
    if (json.isBoolean()) {
      return "boolean";
    }
    if (json.isObject()) {
      return "object";
    }
    if (json.isArray()) {
      return "array";
    }
    if (json.isNull()) {
      return "null";
    }
    return json.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
