package dev.crawler.core.extract.scan;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * What an element's {@code class} and {@code id} say about it, as bit flags: a price, an old price,
 * a block about other products, a cart control, a stock statement, struck-through text, a card of
 * a listing, or something hidden.
 *
 * <p>Reading these takes several regular expressions per attribute value, and a page repeats the
 * same class strings thousands of times, so results are remembered per distinct value for the
 * length of one page. Not thread-safe: one instance per page scan.
 */
final class AttributeHints {

  static final int PRICE = PageCues.PRICE_ATTRIBUTE;
  static final int OLD_PRICE = PageCues.OLD_PRICE_ATTRIBUTE;
  static final int OTHER_PRODUCTS = PageCues.OTHER_PRODUCTS_ATTRIBUTE;
  static final int CART = PageCues.CART_ATTRIBUTE;
  static final int STOCK = PageCues.STOCK_ATTRIBUTE;
  static final int QUANTITY = PageCues.QUANTITY_ATTRIBUTE;
  static final int STRUCK = 1 << 5;
  static final int LISTED = 1 << 6;
  static final int HIDDEN = 1 << 7;
  /**
   * The class text holds "modal" in some case: what {@code hasClass("modal")} needs, so the walk
   * asks jsoup that only of the few elements whose classes could say it.
   */
  static final int MAY_BE_MODAL = 1 << 9;

  /** A page with more distinct class and id values than this is not worth remembering them all. */
  private static final int MAX_REMEMBERED = 20_000;
  /**
   * Class words that mark struck-through text (utility classes such as {@code line-through}) and
   * the cards of a listing; matched as word parts of the class text.
   */
  private static final FragmentMatcher CLASS_WORDS = FragmentMatcher.builder()
      .add(List.of("line-through", "strike", "strikethrough", "text-strike"), STRUCK, FragmentMatcher.Fit.WORD)
      .add(List.of("card", "tile", "grid-item", "product-item"), LISTED, FragmentMatcher.Fit.WORD)
      .build();

  private final PageCues cues;
  private final Map<String, Integer> byClass = new HashMap<>();
  private final Map<String, Integer> byId = new HashMap<>();

  AttributeHints(PageCues cues) {
    this.cues = cues;
  }

  /**
   * The flags of {@code element}'s class and id together; 0 for an element with neither.
   * {@link #HIDDEN} is set when its classes mark it hidden ({@link VisibleText#hasHiddenClass}).
   *
   * @param names the element's {@link AttributeNames}
   */
  int of(Element element, int names) {
    String cls = (names & AttributeNames.CLASS) == 0 ? "" : element.className();
    String id = (names & AttributeNames.ID) == 0 ? "" : element.id();
    int flags = cls.isEmpty() ? 0 : remembered(byClass, cls, true);
    return id.isEmpty() ? flags : flags | remembered(byId, id, false);
  }


  private int remembered(Map<String, Integer> cache, String value, boolean isClass) {
    Integer known = cache.get(value);
    if (known != null) {
      return known;
    }
    int flags = read(value, isClass);
    if (cache.size() < MAX_REMEMBERED) {
      cache.put(value, flags);
    }
    return flags;
  }

  private int read(String value, boolean isClass) {
    String text = PageCues.attributeText(value);
    int flags = cues.attributes().flags(text);
    if ((flags & (CART | OTHER_PRODUCTS)) == (CART | OTHER_PRODUCTS)) {
      // "add-to-basket" names a buy box, not a mini-basket: other-products words count only outside cart words.
      flags &= ~OTHER_PRODUCTS;
      flags |= cues.attributes().flags(cues.attributes().blank(text, CART)) & OTHER_PRODUCTS;
    }
    if (isClass) {
      flags |= CLASS_WORDS.flags(text);
      String lower = value.toLowerCase(Locale.ROOT);
      flags |= VisibleText.hasHiddenClass(lower) ? HIDDEN : 0;
      // No character equals a letter of "modal" ignoring case yet lowers to another, so a class
      // text without "modal" in lower case holds no class that hasClass("modal") would match.
      flags |= lower.contains("modal") ? MAY_BE_MODAL : 0;
    }
    return flags;
  }
}
