package dev.crawler.core.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The words and attribute fragments the general page extractor looks for, compiled once from
 * {@code page-cues.json}: per language the labels of identifiers, price and old-price words,
 * add-to-cart and stock phrases, and amounts that are not the product's price (instalments, unit
 * prices, shipping); and, for every language, fragments of class, id and name attributes.
 *
 * <p>The cues are data so that a language is added without touching code. All languages are
 * merged: a page's declared language is often wrong or missing, and a label such as "Art.-Nr."
 * means the same on any page that prints it.
 */
record PageCues(
    Pattern skuLabel,
    Pattern mpnLabel,
    Pattern gtinLabel,
    Pattern priceText,
    Pattern oldPriceText,
    Pattern notAPriceText,
    Pattern addToCartText,
    Pattern inStockText,
    Pattern outOfStockText,
    Pattern priceAttribute,
    Pattern oldPriceAttribute,
    Pattern otherProductsAttribute,
    Pattern cartAttribute,
    Pattern stockAttribute) {

  static final String RESOURCE = "page-cues.json";
  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  private static final PageCues STANDARD = load();

  /** The cues shipped with the crawler. */
  static PageCues standard() {
    return STANDARD;
  }

  private static PageCues load() {
    try (InputStream in = PageCues.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      return fromJson(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  static PageCues fromJson(JsonNode root) {
    JsonNode languages = root.path("languages");
    if (!languages.isObject() || languages.isEmpty()) {
      throw new IllegalArgumentException(RESOURCE + ": \"languages\" must be a non-empty object");
    }
    // A label ends where the value starts: "SKU: 123", "Art.-Nr. 123", "Item # 123", "型番：123".
    return new PageCues(
        label(words(languages, "skuLabels")),
        label(words(languages, "mpnLabels")),
        label(strings(root.path("gtinLabels"), "gtinLabels")),
        Pattern.compile("^\\W*(?:" + alternation(words(languages, "priceHints")) + ")(?![\\p{L}])", FLAGS),
        Pattern.compile("^\\W*(?:" + alternation(words(languages, "oldPriceHints")) + ")(?![\\p{L}])", FLAGS),
        phrase(words(languages, "notAPrice")),
        phrase(words(languages, "addToCart")),
        phrase(words(languages, "inStock")),
        phrase(words(languages, "outOfStock")),
        fragment(strings(root.path("priceAttributes"), "priceAttributes"), "", ""),
        fragment(strings(root.path("oldPriceAttributes"), "oldPriceAttributes"), WORD_START, WORD_END),
        fragment(strings(root.path("otherProductsAttributes"), "otherProductsAttributes"), WORD_START, ""),
        fragment(strings(root.path("cartAttributes"), "cartAttributes"), "", ""),
        fragment(strings(root.path("stockAttributes"), "stockAttributes"), WORD_START, ""));
  }

  private static List<String> words(JsonNode languages, String field) {
    List<String> all = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = languages.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> language = it.next();
      all.addAll(strings(language.getValue().path(field), language.getKey() + "." + field));
    }
    return all;
  }

  private static List<String> strings(JsonNode array, String where) {
    if (array.isMissingNode()) {
      return List.of();
    }
    if (!array.isArray()) {
      throw new IllegalArgumentException(RESOURCE + ": " + where + " must be an array of strings");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode value : array) {
      if (!value.isTextual() || value.asText().isBlank()) {
        throw new IllegalArgumentException(RESOURCE + ": " + where + " holds a blank or non-string entry");
      }
      out.add(value.asText());
    }
    return out;
  }

  private static String alternation(List<String> parts) {
    if (parts.isEmpty()) {
      return "(?!)";
    }
    // Longest first, so that "item number" is tried before "item".
    List<String> sorted = new ArrayList<>(parts);
    sorted.sort((a, b) -> b.length() - a.length());
    return String.join("|", sorted);
  }

  /** The whole text is the label, optionally followed by a separator and the value. */
  private static Pattern label(List<String> labels) {
    return Pattern.compile("^[\\s\\p{Z}]*(?:" + alternation(labels)
        + ")[\\s\\p{Z}]*(?:[:：#№.\\-–]+[\\s\\p{Z}]*|[\\s\\p{Z}]+|$)(.*)$", FLAGS);
  }

  /** A phrase standing as words of its own. */
  private static Pattern phrase(List<String> phrases) {
    return Pattern.compile("(?<![\\p{L}])(?:" + alternation(phrases) + ")(?![\\p{L}])", FLAGS);
  }

  /**
   * A fragment of a class or id, matched against {@link #attributeText}. Short fragments such as
   * "old" or "min" must stand as a part of their own ("price-old", "oldPrice", "was_price"), not
   * inside another word ("a-spacing-mini"); a part may be glued to "price" ("oldprice").
   */
  private static Pattern fragment(List<String> fragments, String before, String after) {
    return Pattern.compile(before + "(?:" + alternation(fragments) + ")" + after);
  }

  private static final String WORD_START = "(?:(?<![a-z0-9])|(?<=price))";
  private static final String WORD_END = "(?=$|[^a-z]|price|amount|cost)";
  private static final Pattern CAMEL_HUMP = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");

  /** Class and id as the attribute patterns read them: camelCase humps split by '-', lower case. */
  static String attributeText(String classAndId) {
    return CAMEL_HUMP.matcher(classAndId).replaceAll("-").toLowerCase(java.util.Locale.ROOT);
  }
}
