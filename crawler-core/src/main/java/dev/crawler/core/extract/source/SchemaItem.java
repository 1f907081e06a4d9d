package dev.crawler.core.extract.source;

import dev.crawler.core.extract.normalise.TextCleaner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One schema.org item, independent of the syntax it was written in (JSON-LD, microdata, RDFa).
 *
 * <p>The three structured-data extractors only translate their syntax into this shape; the
 * vocabulary knowledge (what an Offer or a ProductGroup means) lives once, in
 * {@link SchemaProductMapper}. Types and property names are stored as local names
 * ({@code http://schema.org/Product} and {@code schema:Product} both become {@code Product}), and
 * compared case-insensitively because real pages write {@code "@type": "product"}.
 *
 * <p>Items form a tree or, after JSON-LD {@code @id} references are resolved, a DAG in which one
 * item may be shared. That is why this is a class with identity equality rather than a record: a
 * structural {@code hashCode} or {@code toString} would be exponential on a DAG.
 */
final class SchemaItem {

  private final List<String> types;
  private final Map<String, List<Object>> properties;
  private final boolean encoded;

  private static final Pattern VOCABULARY_PREFIX = Pattern.compile(
      "^(?:https?://(?:www\\.)?(?:schema\\.org|data-vocabulary\\.org|purl\\.org/goodrelations/v1)[/#]"
          + "|schema:|gr:|sdo:|s:)",
      Pattern.CASE_INSENSITIVE);

  /**
   * @param types local type names as written
   * @param properties property local name (lower-case) to values in document order; a value is
   *     either a {@link String} or a nested {@code SchemaItem}
   * @param encoded true when strings are raw script text that still needs entity decoding (JSON-LD)
   */
  SchemaItem(List<String> types, Map<String, List<Object>> properties, boolean encoded) {
    this.types = types;
    this.properties = properties;
    this.encoded = encoded;
  }

  List<String> types() {
    return types;
  }

  Map<String, List<Object>> properties() {
    return properties;
  }

  /** Cleans a text value of this item according to how it was encoded. */
  @Nullable String clean(String raw) {
    return encoded ? TextCleaner.cleanEncoded(raw) : TextCleaner.clean(raw);
  }

  @Override
  public String toString() {
    return "SchemaItem" + types + properties.keySet();
  }

  /** Strips a vocabulary IRI or prefix: {@code http://schema.org/Product} → {@code Product}. */
  static String localName(String name) {
    String stripped = name.strip();
    // Every prefix has a colon, and most names ("price", "offers") none: no pattern run for them.
    return stripped.indexOf(':') < 0 ? stripped : VOCABULARY_PREFIX.matcher(stripped).replaceFirst("");
  }

  boolean hasType(Set<String> lowerCaseTypes) {
    for (String type : types) {
      if (lowerCaseTypes.contains(type.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  boolean hasType(String type) {
    for (String t : types) {
      if (t.equalsIgnoreCase(type)) {
        return true;
      }
    }
    return false;
  }

  List<Object> values(String property) {
    List<Object> values = properties.get(property.toLowerCase(Locale.ROOT));
    return values == null ? List.of() : values;
  }

  /** Nested items of {@code property}, in order. */
  List<SchemaItem> items(String property) {
    List<SchemaItem> items = new ArrayList<>();
    for (Object value : values(property)) {
      if (value instanceof SchemaItem item) {
        items.add(item);
      }
    }
    return items;
  }

  /** First nested item of {@code property}, or null. */
  @Nullable SchemaItem item(String property) {
    for (Object value : values(property)) {
      if (value instanceof SchemaItem item) {
        return item;
      }
    }
    return null;
  }

  /** First non-blank text value of {@code property}, cleaned; null when there is none. */
  @Nullable String text(String property) {
    for (Object value : values(property)) {
      if (value instanceof String s) {
        String cleaned = clean(s);
        if (cleaned != null) {
          return cleaned;
        }
      }
    }
    return null;
  }

  /** First text value of any of {@code properties}, tried in order. */
  @Nullable String firstText(String... propertyNames) {
    for (String property : propertyNames) {
      String text = text(property);
      if (text != null) {
        return text;
      }
    }
    return null;
  }

  /** Mutable builder used by the syntax readers; bounded by the caller. */
  static final class Builder {
    private final List<String> types = new ArrayList<>();
    private final Map<String, List<Object>> properties = new LinkedHashMap<>();
    private final boolean encoded;

    Builder(boolean encoded) {
      this.encoded = encoded;
    }

    Builder type(String type) {
      String local = localName(type);
      if (!local.isEmpty()) {
        types.add(local);
      }
      return this;
    }

    Builder add(String property, Object value) {
      String key = localName(property).toLowerCase(Locale.ROOT);
      if (!key.isEmpty()) {
        properties.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
      }
      return this;
    }

    boolean hasTypes() {
      return !types.isEmpty();
    }

    SchemaItem build() {
      Map<String, List<Object>> frozen = new LinkedHashMap<>();
      properties.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
      return new SchemaItem(List.copyOf(types), Map.copyOf(frozen), encoded);
    }
  }
}
