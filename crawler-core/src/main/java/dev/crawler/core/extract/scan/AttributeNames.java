package dev.crawler.core.extract.scan;

import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Element;

/**
 * Which of the attributes the page scan asks about an element carries, as bit flags read in one
 * pass over its attributes.
 *
 * <p>Each {@code hasAttr} or {@code attr} of jsoup scans the element's attributes, comparing names
 * without case, and the scan asks some fifteen names of every element, most of them absent; those
 * scans were the walk's largest single cost. With these flags it asks jsoup only for values that
 * are there. Names compare as jsoup compares them: ignoring case.
 */
final class AttributeNames {

  static final int CLASS = 1;
  static final int ID = 1 << 1;
  static final int STYLE = 1 << 2;
  static final int HIDDEN = 1 << 3;
  static final int ITEMPROP = 1 << 4;
  static final int ITEMSCOPE = 1 << 5;
  static final int PROPERTY = 1 << 6;
  static final int TYPEOF = 1 << 7;
  static final int HREF = 1 << 8;
  static final int CONTENT = 1 << 9;
  static final int ROLE = 1 << 10;
  static final int LANG = 1 << 11;
  static final int ARIA_MODAL = 1 << 12;
  /** A name that starts with {@code data-} and goes on. */
  static final int DATA = 1 << 13;
  /** A data attribute that names the product's SKU ({@link PageWalk#isIdAttribute}). */
  static final int SKU_DATA = 1 << 14;

  /** The names above, indexed by bit position, for names that are not lower-case ASCII. */
  private static final String[] NAMES = {"class", "id", "style", "hidden", "itemprop", "itemscope", "property", "typeof",
      "href", "content", "role", "lang", "aria-modal"};
  private static final String DATA_PREFIX = "data-";

  private AttributeNames() {}

  /** The flags of the names {@code element} has. */
  static int of(Element element) {
    int size = element.attributesSize();
    if (size == 0) {
      return 0;
    }
    if (size == 1) {
      // A third of a page's elements carry one attribute, most often class: told by exact lookups,
      // without the iterator's objects. An exact name stands for itself; any other takes the loop.
      Attributes attributes = element.attributes();
      int single = attributes.hasKey("class") ? CLASS : attributes.hasKey("href") ? HREF
          : attributes.hasKey("id") ? ID : attributes.hasKey("style") ? STYLE : 0;
      if (single != 0) {
        return single;
      }
    }
    int names = 0;
    for (Attribute attribute : element.attributes()) {
      names |= of(attribute.getKey());
    }
    return names;
  }

  /** The flags {@code name} sets. */
  static int of(String name) {
    int flag = switch (name) {
      case "class" -> CLASS;
      case "id" -> ID;
      case "style" -> STYLE;
      case "hidden" -> HIDDEN;
      case "itemprop" -> ITEMPROP;
      case "itemscope" -> ITEMSCOPE;
      case "property" -> PROPERTY;
      case "typeof" -> TYPEOF;
      case "href" -> HREF;
      case "content" -> CONTENT;
      case "role" -> ROLE;
      case "lang" -> LANG;
      case "aria-modal" -> ARIA_MODAL;
      default -> PageCues.isLowerAscii(name) ? 0 : ignoringCase(name);
    };
    if (name.length() > DATA_PREFIX.length() && name.regionMatches(true, 0, DATA_PREFIX, 0, DATA_PREFIX.length())) {
      flag |= PageWalk.isIdAttribute(name) ? DATA | SKU_DATA : DATA;
    }
    return flag;
  }

  /** The parser lowers names, but a DOM built otherwise may not; and case rules beyond ASCII are subtle. */
  private static int ignoringCase(String name) {
    for (int i = 0; i < NAMES.length; i++) {
      if (NAMES[i].equalsIgnoreCase(name)) {
        return 1 << i;
      }
    }
    return 0;
  }
}
