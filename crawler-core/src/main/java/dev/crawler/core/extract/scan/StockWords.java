package dev.crawler.core.extract.scan;

import dev.crawler.core.extract.normalise.Availability;
import dev.crawler.core.extract.scan.PageWalk.StockKind;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * What an element says about stock, for {@link PageWalk}: a schema.org term or the shop's
 * {@code itemprop="availability"}, a stock phrase in one of the {@link PageCues} languages, whether a
 * buy control can buy or pre-orders, and the cap of a quantity field. It keeps no state; the walk
 * decides where a statement stands and whether it counts.
 */
final class StockWords {

  /** What a text or an element states: a schema.org availability term and the kind of statement. */
  record Said(String term, StockKind kind) {}

  private static final Pattern SCHEMA_TERM =
      Pattern.compile("(?i)schema\\.org/(InStock|OutOfStock|PreOrder|BackOrder|Discontinued|LimitedAvailability|SoldOut|OnlineOnly|InStoreOnly|PreSale)\\b");
  /** What every text {@link #SCHEMA_TERM} finds contains, in some case. */
  private static final String SCHEMA_ORG = "schema.org/";
  private static final Pattern CLASS_WORD_BREAK = Pattern.compile("[-_\\s]+");
  /** Elements of a control looked at for a label per state; a control is a few spans at most. */
  private static final int MAX_LABEL_PARTS = 16;

  private final PageCues cues;
  private final int maxLabel;

  /** @param maxLabel labels longer than this are sentences, not a control's words */
  StockWords(PageCues cues, int maxLabel) {
    this.cues = cues;
    this.maxLabel = maxLabel;
  }

  /**
   * A schema.org term in the element's {@code href} or {@code content}, or its {@code itemprop="availability"}.
   *
   * @param names the attributes the element has ({@link AttributeNames}), read once by the scan
   */
  @Nullable String schemaTerm(Element element, int names) {
    String value = (names & AttributeNames.HREF) != 0 ? element.attr("href")
        : (names & AttributeNames.CONTENT) != 0 ? element.attr("content") : "";
    String term = schemaTermIn(value);
    if (term != null) {
      return term;
    }
    if ((names & AttributeNames.ITEMPROP) != 0 && element.attr("itemprop").equalsIgnoreCase("availability")) {
      // Themes print the property with a bare term or a phrase ("in_stock", "In stock"), often
      // outside any itemscope, where no microdata item owns it; it is still the shop's statement.
      return Availability.normalize(value.isEmpty() ? ShortText.of(element, maxLabel) : value);
    }
    return null;
  }

  /** The schema.org availability term {@code value} names ("https://schema.org/InStock"), or null. */
  static @Nullable String schemaTermIn(String value) {
    // Every link has an href: only those that name schema.org are worth the pattern.
    if (!namesSchemaOrg(value)) {
      return null;
    }
    Matcher m = SCHEMA_TERM.matcher(value);
    return m.find() ? m.group(1) : null;
  }

  /**
   * Whether {@code text} contains {@link #SCHEMA_ORG} ignoring case, by the rules of
   * {@link String#regionMatches}. Only a dot matches its dot, and a URL has few: the comparison
   * runs at those alone, not at every character of every link.
   */
  static boolean namesSchemaOrg(String text) {
    int dot = SCHEMA_ORG.indexOf('.');
    for (int at = text.indexOf('.', dot); at >= 0; at = text.indexOf('.', at + 1)) {
      if (text.regionMatches(true, at - dot, SCHEMA_ORG, 0, SCHEMA_ORG.length())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The stock phrase {@code text} holds, or null.
   *
   * @param lower {@code text} in lower case, which the walk has at hand
   */
  @Nullable Said phrase(String text, String lower) {
    if (!cues.mayStateStock().mayMatch(lower)) {
      return null;
    }
    // Counts first, since some hold sold-out words ("即將售完", "품절 임박": about to sell out); then
    // sold-out phrases, since they hold in-stock words ("not in stock"); pre-order and backorder
    // before plain stock words, since they often hold them ("available on backorder").
    if (cues.limitedStockText().matcher(text).find()) {
      return new Said("LimitedAvailability", StockKind.PHRASE);
    } else if (cues.outOfStockText().matcher(text).find()) {
      return new Said("OutOfStock", StockKind.PHRASE);
    } else if (cues.preOrderText().matcher(text).find()) {
      return new Said("PreOrder", StockKind.PHRASE);
    } else if (cues.backOrderText().matcher(text).find()) {
      return new Said("BackOrder", StockKind.PHRASE);
    } else if (cues.inStockText().matcher(text).find()) {
      return new Said("InStock", StockKind.PHRASE);
    } else if (cues.deliveryPromiseText().matcher(text).find()) {
      return new Said("InStock", StockKind.PROMISE);
    }
    return null;
  }

  /** Whether a buy control cannot buy: disabled, or its own words say sold out. */
  boolean cannotBuy(Element control) {
    return disabled(control) || saysSoldOut(control);
  }

  /** Whether a buy control's label offers to pre-order ("Pre-order now", "Vorbestellen"). */
  boolean offersPreOrder(Element control) {
    String label = label(control);
    return !label.isBlank() && label.length() <= maxLabel && cues.mayStateStock().mayMatch(label.toLowerCase(Locale.ROOT))
        && cues.preOrderText().matcher(label).find();
  }

  /**
   * The cap of a quantity field ({@code <input name="qty" max="4">}), named so by its class, id or
   * name; empty for other inputs, a disabled field, or a cap that is not a whole number.
   *
   * @param attributes what the input's class and id say ({@link AttributeHints})
   */
  OptionalLong quantityCap(Element input, int attributes) {
    String type = input.attr("type").toLowerCase(Locale.ROOT);
    if (!(type.isEmpty() || type.equals("number") || type.equals("text") || type.equals("tel"))
        || !input.hasAttr("max") || disabled(input)) {
      return OptionalLong.empty();
    }
    boolean named = (attributes & AttributeHints.QUANTITY) != 0
        || (cues.attributes().flags(PageCues.attributeText(input.attr("name"))) & AttributeHints.QUANTITY) != 0;
    if (!named) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(input.attr("max").strip()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty(); // "max" without a whole number sets no cap
    }
  }

  private static boolean disabled(Element element) {
    return element.hasAttr("disabled") || element.attr("aria-disabled").equalsIgnoreCase("true")
        || element.classNames().stream().anyMatch(StockWords::isDisablingClass);
  }

  /** "disabled", "is-disabled", "btn--disabled", "AddToCartDisable": a class word that says disabled. */
  private static boolean isDisablingClass(String className) {
    for (String word : CLASS_WORD_BREAK.split(PageCues.attributeText(className))) {
      if (word.equals("disabled") || word.equals("disable")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a buy control's own label says the product is sold out: themes keep the cart button
   * and its class, enabled, and only change its words ("Sold out", "Notify me when available").
   * A control holding a buy phrase as well carries a label per state and a style sheet picks one
   * ("Add to basket" / "Unavailable"), so it says nothing.
   */
  private boolean saysSoldOut(Element control) {
    String label = label(control);
    return !label.isBlank() && label.length() <= maxLabel && cues.mayStateStock().mayMatch(label.toLowerCase(Locale.ROOT))
        && cues.outOfStockText().matcher(label).find() && !holdsBuyPhrase(control);
  }

  private String label(Element control) {
    return control.nameIs("input") ? control.attr("value") : ShortText.of(control, maxLabel);
  }

  /** Whether the control or one of its first elements has a buy phrase as its own text. */
  private boolean holdsBuyPhrase(Element control) {
    if (control.nameIs("input")) {
      return false;
    }
    int seen = 0;
    for (Element part : control.getAllElements()) {
      String own = part.ownText();
      if (!own.isBlank() && cues.mayBuy().mayMatch(own.toLowerCase(Locale.ROOT)) && cues.addToCartText().matcher(own).find()) {
        return true;
      }
      if (++seen >= MAX_LABEL_PARTS) {
        return false;
      }
    }
    return false;
  }
}
