package dev.crawler.core.extract.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Translates parsed JSON-LD into {@link SchemaItem}s. Not a JSON-LD processor: contexts are not
 * expanded; vocabulary prefixes and IRIs are reduced to local names, which is all schema.org
 * product markup needs.
 *
 * <p>Handled: arrays and {@code @graph} at any level, {@code @type} as string, array or IRI (and a
 * bare {@code type}), value objects ({@code {"@value": ...}}), and references: an object that holds
 * only an {@code @id} is replaced by the node with that {@code @id} elsewhere in the page. Each node
 * is converted once and shared, and a reference back to a node still being converted is dropped, so
 * the result is acyclic and no bigger than the input. Depth and node count are capped.
 */
final class JsonLdItems {

  static final int MAX_DEPTH = 32;
  static final int MAX_NODES = 20_000;
  private static final BigDecimal MAX_PLAIN_NUMBER = BigDecimal.TEN.pow(18);

  private final Map<String, JsonNode> byId = new HashMap<>();
  private final Map<JsonNode, SchemaItem> converted = new IdentityHashMap<>();
  private final Map<JsonNode, Boolean> inProgress = new IdentityHashMap<>();
  private int nodes;

  private JsonLdItems() {}

  /** Items for every top-level JSON-LD value on a page (all scripts together, so ids resolve across them). */
  static List<SchemaItem> read(List<JsonNode> roots) {
    JsonLdItems reader = new JsonLdItems();
    for (JsonNode root : roots) {
      reader.indexIds(root, 0);
    }
    List<Object> values = new ArrayList<>();
    for (JsonNode root : roots) {
      reader.collect(root, values, 0);
    }
    List<SchemaItem> items = new ArrayList<>();
    for (Object value : values) {
      if (value instanceof SchemaItem item) {
        items.add(item);
      }
    }
    return items;
  }

  private void indexIds(JsonNode node, int depth) {
    if (depth > MAX_DEPTH || byId.size() >= MAX_NODES) {
      return;
    }
    if (node.isObject()) {
      JsonNode id = node.get("@id");
      if (id != null && id.isTextual() && node.size() > 1) {
        byId.putIfAbsent(id.asText(), node);
      }
    }
    if (node.isContainerNode()) {
      for (JsonNode child : node) {
        indexIds(child, depth + 1);
      }
    }
  }

  /** Adds the item(s) {@code node} stands for: an object is one item, an array is each element. */
  private void collect(JsonNode node, List<Object> out, int depth) {
    if (depth > MAX_DEPTH || nodes >= MAX_NODES) {
      return;
    }
    if (node.isArray()) {
      for (JsonNode element : node) {
        collect(element, out, depth + 1);
      }
    } else if (node.isObject()) {
      Object value = objectValue(node, depth);
      if (value != null) {
        out.add(value);
      }
    } else {
      String scalar = scalar(node);
      if (scalar != null) {
        out.add(scalar);
      }
    }
  }

  /** An object becomes an item, a value object becomes its value, a reference becomes its target. */
  private @Nullable Object objectValue(JsonNode node, int depth) {
    JsonNode value = node.get("@value");
    if (value != null) {
      return scalar(value);
    }
    JsonNode target = dereference(node);
    if (target == null) {
      return null;
    }
    SchemaItem done = converted.get(target);
    if (done != null) {
      return done;
    }
    if (inProgress.containsKey(target)) {
      return null; // a cycle: keep the graph acyclic
    }
    inProgress.put(target, Boolean.TRUE);
    SchemaItem item = convert(target, depth);
    inProgress.remove(target);
    converted.put(target, item);
    return item;
  }

  /** The node a bare {@code {"@id": ...}} refers to; the node itself otherwise; null if unresolvable. */
  private @Nullable JsonNode dereference(JsonNode node) {
    JsonNode id = node.get("@id");
    if (id == null || node.size() > 1) {
      return node;
    }
    return byId.get(id.asText());
  }

  private SchemaItem convert(JsonNode node, int depth) {
    nodes++;
    SchemaItem.Builder builder = new SchemaItem.Builder(true);
    addTypes(builder, node.has("@type") ? node.get("@type") : node.get("type"));
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = field.getKey();
      if (key.equals("@type") || key.equals("@context") || key.equals("@id")) {
        continue;
      }
      List<Object> values = new ArrayList<>();
      collect(field.getValue(), values, depth + 1);
      for (Object value : values) {
        builder.add(key, value);
      }
    }
    return builder.build();
  }

  private static void addTypes(SchemaItem.Builder builder, @Nullable JsonNode type) {
    if (type == null) {
      return;
    }
    if (type.isTextual()) {
      builder.type(type.asText());
    } else if (type.isArray()) {
      for (JsonNode element : type) {
        if (element.isTextual()) {
          builder.type(element.asText());
        }
      }
    }
  }

  /** Text of a scalar; numbers in plain notation (never {@code 1E+3}), absurd numbers dropped. */
  private static @Nullable String scalar(JsonNode node) {
    if (node.isTextual()) {
      return node.asText();
    }
    if (node.isNumber()) {
      if (node.isFloatingPointNumber() && !node.isBigDecimal() && !Double.isFinite(node.doubleValue())) {
        return null; // NaN, Infinity
      }
      BigDecimal number = node.decimalValue();
      // Check the magnitude before toPlainString(): 1e999999999 would print a billion zeros.
      boolean sane = number.precision() - number.scale() <= 19 && number.scale() <= 19
          && number.abs().compareTo(MAX_PLAIN_NUMBER) < 0;
      return sane ? number.toPlainString() : null;
    }
    if (node.isBoolean()) {
      return node.asText();
    }
    return null;
  }
}
