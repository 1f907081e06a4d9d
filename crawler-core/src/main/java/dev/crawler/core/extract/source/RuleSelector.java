package dev.crawler.core.extract.source;

import dev.crawler.core.extract.SiteRule;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * One selector of a {@link SiteRule}: CSS that picks the element, and which attribute of it holds
 * the value. The attribute is named explicitly with a trailing {@code @name}
 * ({@code "div.product @data-sku"}), or implicitly by a selector that ends in a presence test of a
 * {@code data-} attribute ({@code "[data-sku]"}, {@code "button[data-product-id]"}).
 *
 * @param css the CSS part, valid for Jsoup
 * @param attribute the attribute to read, or null for the element's usual value
 */
public record RuleSelector(String css, @Nullable String attribute) {

  private static final Pattern EXPLICIT = Pattern.compile("^(.*\\S)\\s+@([A-Za-z_:][-A-Za-z0-9_:.]*)\\s*$");
  private static final Pattern TRAILING_DATA_ATTRIBUTE = Pattern.compile("\\[\\s*(data-[-A-Za-z0-9_:.]+)\\s*]\\s*$");

  /** Splits {@code selector}; validity of the CSS is checked by the caller. */
  public static RuleSelector parse(String selector) {
    Matcher explicit = EXPLICIT.matcher(selector);
    if (explicit.matches()) {
      return new RuleSelector(explicit.group(1), explicit.group(2));
    }
    Matcher trailing = TRAILING_DATA_ATTRIBUTE.matcher(selector);
    return new RuleSelector(selector.strip(), trailing.find() ? trailing.group(1) : null);
  }

  /** The named attribute of {@code element}, or null when none is named or the element lacks it. */
  @Nullable String attributeOf(Element element) {
    return attribute != null && element.hasAttr(attribute) ? element.attr(attribute) : null;
  }
}
