package dev.crawler.core.extract.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import dev.crawler.core.extract.scan.FragmentMatcher.Fit;
import java.util.regex.Pattern;

/**
 * The words and attribute fragments the general page extractor looks for, compiled once from
 * {@code page-cues.json}: per language the labels of identifiers, price and old-price words,
 * add-to-cart and stock phrases (in stock, sold out, few left, pre-order, backorder, a dispatch
 * promise), the labels of buttons that contact the seller and the badge of a sold ad, and amounts
 * that are not the product's price (instalments, unit prices, shipping);
 * and, for every language, fragments of class, id and name attributes.
 *
 * <p>The cues are data so that a language is added without touching code. All languages are
 * merged: a page's declared language is often wrong or missing, and a label such as "Art.-Nr."
 * means the same on any page that prints it.
 */
public record PageCues(
    Pattern skuLabel,
    Pattern mpnLabel,
    Pattern gtinLabel,
    Pattern brandLabel,
    Pattern makerLabel,
    Pattern priceText,
    Pattern oldPriceText,
    Pattern notAPriceText,
    Pattern addToCartText,
    Pattern inStockText,
    Pattern outOfStockText,
    Pattern limitedStockText,
    Pattern preOrderText,
    Pattern backOrderText,
    Pattern deliveryPromiseText,
    Pattern soldMarkText,
    Pattern contactSellerText,
    Pattern contactBesideText,
    FragmentMatcher attributes,
    Prefilter mayLabel,
    Prefilter mayBuy,
    Prefilter mayStateStock,
    Prefilter mayContact,
    Prefilter maySoldMark) {

  /**
   * A quick test run on lower-cased text before a phrase pattern: false means the pattern cannot
   * match. Most short texts of a page are neither labels, buy buttons nor stock statements, and
   * the patterns, alternations over every language, cost far more than the test.
   */
  record Prefilter(java.util.Optional<FragmentMatcher> leads) {
    static Prefilter of(List<String> phrases) {
      return new Prefilter(FragmentMatcher.leadingLiterals(phrases));
    }

    boolean mayMatch(String lowerCaseText) {
      return leads.isEmpty() || leads.get().flags(lowerCaseText) != 0;
    }

    /** For phrases anchored at the start of the text: the test at its first non-blank character only. */
    boolean mayStart(String lowerCaseText) {
      int at = 0;
      while (at < lowerCaseText.length() && (Character.isWhitespace(lowerCaseText.charAt(at))
          || Character.isSpaceChar(lowerCaseText.charAt(at)))) {
        at++;
      }
      return leads.isEmpty() || leads.get().flagsAt(lowerCaseText, at) != 0;
    }
  }

  /**
   * {@link #attributes} flags: the class, id or name says price, old price, other products, cart,
   * stock, quantity. Bits 5 to 7 and 9 are {@link AttributeHints}' own.
   */
  static final int PRICE_ATTRIBUTE = 1;
  static final int OLD_PRICE_ATTRIBUTE = 1 << 1;
  static final int OTHER_PRODUCTS_ATTRIBUTE = 1 << 2;
  static final int CART_ATTRIBUTE = 1 << 3;
  static final int STOCK_ATTRIBUTE = 1 << 4;
  static final int QUANTITY_ATTRIBUTE = 1 << 8;

  static final String RESOURCE = "page-cues.json";
  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  private static final PageCues STANDARD = load();

  /** The cues shipped with the crawler. */
  public static PageCues standard() {
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
        nameLabel(words(languages, "brandLabels")),
        nameLabel(words(languages, "makerLabels")),
        Pattern.compile("^\\W*(?:" + alternation(words(languages, "priceHints")) + ")(?![\\p{L}])", FLAGS),
        Pattern.compile("^\\W*(?:" + alternation(words(languages, "oldPriceHints")) + ")(?![\\p{L}])", FLAGS),
        phrase(words(languages, "notAPrice")),
        phrase(words(languages, "addToCart")),
        phrase(words(languages, "inStock")),
        phrase(words(languages, "outOfStock")),
        phrase(words(languages, "limitedStock")),
        phrase(words(languages, "preOrder")),
        phrase(words(languages, "backOrder")),
        phrase(words(languages, "deliveryPromise")),
        wholeWord(words(languages, "soldMark")),
        wholeLabel(words(languages, "contactSeller")),
        wholeLabel(words(languages, "contactBeside")),
        FragmentMatcher.builder()
            .add(strings(root.path("priceAttributes"), "priceAttributes"), PRICE_ATTRIBUTE, Fit.ANYWHERE)
            .add(strings(root.path("oldPriceAttributes"), "oldPriceAttributes"), OLD_PRICE_ATTRIBUTE, Fit.WORD)
            .add(strings(root.path("otherProductsAttributes"), "otherProductsAttributes"), OTHER_PRODUCTS_ATTRIBUTE,
                Fit.WORD_START)
            .add(strings(root.path("cartAttributes"), "cartAttributes"), CART_ATTRIBUTE, Fit.ANYWHERE)
            .add(strings(root.path("stockAttributes"), "stockAttributes"), STOCK_ATTRIBUTE, Fit.WORD_START)
            .add(strings(root.path("quantityAttributes"), "quantityAttributes"), QUANTITY_ATTRIBUTE, Fit.WORD_START)
            .build(),
        Prefilter.of(concat(words(languages, "skuLabels"), words(languages, "mpnLabels"),
            strings(root.path("gtinLabels"), "gtinLabels"), words(languages, "brandLabels"),
            words(languages, "makerLabels"))),
        Prefilter.of(words(languages, "addToCart")),
        Prefilter.of(concat(words(languages, "inStock"), words(languages, "outOfStock"),
            words(languages, "limitedStock"), words(languages, "preOrder"), words(languages, "backOrder"),
            words(languages, "deliveryPromise"))),
        Prefilter.of(concat(words(languages, "contactSeller"), words(languages, "contactBeside"))),
        Prefilter.of(words(languages, "soldMark")));
  }

  @SafeVarargs
  private static List<String> concat(List<String>... lists) {
    List<String> all = new ArrayList<>();
    for (List<String> list : lists) {
      all.addAll(list);
    }
    return all;
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

  /**
   * A label before a name, such as a brand: only "Brand: Acme" or a lone "Brand" whose value stands
   * in the next element. Unlike an identifier's label, a space alone does not end it, since "Brand
   * new" and "Marke Eigenbau entdecken" are sentences, not labels. Group 1 is the value, or null.
   */
  private static Pattern nameLabel(List<String> labels) {
    return Pattern.compile("^[\\s\\p{Z}]*(?:" + alternation(labels)
        + ")[\\s\\p{Z}]*(?:[:：][\\s\\p{Z}]*(.*)|)$", FLAGS);
  }

  /** A phrase standing as words of its own. */
  private static Pattern phrase(List<String> phrases) {
    return Pattern.compile("(?<![\\p{L}])(?:" + alternation(phrases) + ")(?![\\p{L}])", FLAGS);
  }

  /**
   * The phrase is the control's whole label, give or take marks around it: "Contact" alone on a
   * button, not "Contact us about bulk orders" in a sentence.
   */
  private static Pattern wholeLabel(List<String> phrases) {
    return Pattern.compile("^[^\\p{L}\\p{N}]*(?:" + alternation(phrases) + ")[^\\p{L}\\p{N}]*$", FLAGS);
  }

  /**
   * The word is the element's whole text, give or take marks, but not a label's colon: "Sold" on a
   * badge, not "Sold:" before a count, nor "1,234 sold".
   */
  private static Pattern wholeWord(List<String> words) {
    return Pattern.compile("^[^\\p{L}\\p{N}:：]*(?:" + alternation(words) + ")[^\\p{L}\\p{N}:：]*$", FLAGS);
  }

  /** Class and id as {@link #attributes} reads them: camelCase humps split by '-', lower case. */
  static String attributeText(String classAndId) {
    if (isLowerAscii(classAndId)) {
      return classAndId; // nothing to split or lower: most class and id values
    }
    StringBuilder out = new StringBuilder(classAndId.length() + 4);
    char previous = 0;
    for (int i = 0; i < classAndId.length(); i++) {
      char c = classAndId.charAt(i);
      if (Character.isUpperCase(c) && (Character.isLowerCase(previous) || Character.isDigit(previous))) {
        out.append('-');
      }
      out.append(Character.toLowerCase(c));
      previous = c;
    }
    return out.toString();
  }

  /** Whether every character is ASCII but an upper-case letter. */
  static boolean isLowerAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x80 || c >= 'A' && c <= 'Z') {
        return false;
      }
    }
    return true;
  }
}
