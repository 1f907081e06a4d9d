package dev.crawler.core.extract.scan;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * The text of an element as a reader sees it: descendants that are hidden are left out.
 *
 * <p>Shops hide boilerplate inside the very element they mark up as the product name, e.g. eBay's
 * {@code <h1 itemprop="name"><span class="g-hdn">Details about</span>...}. Without CSS we cannot
 * know what is hidden, so this recognises the common signals: the {@code hidden} attribute,
 * {@code aria-hidden="true"}, an inline {@code display:none}/{@code visibility:hidden} style, and
 * class names that mean hidden ({@code hidden}, {@code hdn}, {@code sr-only}, {@code visually-hidden},
 * {@code offscreen}, optionally with a short prefix such as {@code g-} or {@code u-}). The element
 * itself is never skipped, only its descendants. Output is capped at {@link #MAX_CHARS}.
 */
public final class VisibleText {

  static final int MAX_CHARS = 20_000;
  private static final Pattern HIDDEN_CLASS = Pattern.compile(
      "(?:[a-z]{1,4}-)?(?:hidden|hdn|hide|sr-only|visually-?hidden|screen-?reader-text|offscreen|invisible|d-none)");
  private static final String[] HIDING_WORDS = {"hid", "hdn", "sr-only", "visually", "screen", "offscreen", "invisible", "d-none"};
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern HIDDEN_STYLE = Pattern.compile("display\\s*:\\s*none|visibility\\s*:\\s*hidden");

  private VisibleText() {}

  public static String of(Element root) {
    StringBuilder out = new StringBuilder();
    NodeTraversor.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (out.length() >= MAX_CHARS) {
          return FilterResult.STOP;
        }
        if (node instanceof TextNode text) {
          out.append(text.getWholeText());
        } else if (node instanceof Element element) {
          if (element != root && isHidden(element)) {
            return FilterResult.SKIP_ENTIRELY;
          }
          if (element.isBlock() || element.nameIs("br")) {
            out.append(' ');
          }
        }
        return FilterResult.CONTINUE;
      }

      @Override
      public FilterResult tail(Node node, int depth) {
        if (node instanceof Element element && element.isBlock()) {
          out.append(' ');
        }
        return FilterResult.CONTINUE;
      }
    }, root);
    return out.length() > MAX_CHARS ? out.substring(0, MAX_CHARS) : out.toString();
  }

  static boolean isHidden(Element element) {
    return isHiddenByMarkup(element) || element.attr("aria-hidden").equalsIgnoreCase("true")
        || hasHiddenClass(element.className().toLowerCase(Locale.ROOT));
  }

  /**
   * Hidden from sight by its tag, a {@code hidden} attribute or an inline style; classes aside.
   * {@code aria-hidden} is not among them: it hides from screen readers, not from eyes. Shops put
   * it on the visible price beside a screen-reader copy, and dialog libraries put it on the whole
   * page behind an open modal, which is how many pages are saved.
   */
  static boolean isHiddenByMarkup(Element element) {
    return isHiddenByMarkup(element, AttributeNames.of(element));
  }

  /** As {@link #isHiddenByMarkup(Element)}, with the element's {@link AttributeNames} already read. */
  static boolean isHiddenByMarkup(Element element, int names) {
    String tag = element.normalName();
    if (tag.equals("script") || tag.equals("style") || tag.equals("template") || tag.equals("noscript")) {
      return true;
    }
    if ((names & AttributeNames.HIDDEN) != 0) {
      return true;
    }
    String style = (names & AttributeNames.STYLE) == 0 ? "" : element.attr("style");
    if (style.isEmpty()) {
      return false;
    }
    String lower = style.toLowerCase(Locale.ROOT);
    // Most inline styles neither hide nor say "none" or "hidden" anywhere: no pattern run for them.
    return (lower.contains("none") || lower.contains("hidden")) && HIDDEN_STYLE.matcher(lower).find();
  }

  /** A quick test that every class {@link #HIDDEN_CLASS} matches passes. */
  private static boolean mentionsHiding(String classes) {
    for (String word : HIDING_WORDS) {
      if (classes.contains(word)) {
        return true;
      }
    }
    return false;
  }

  /** Whether one of the classes in a lower-case {@code class} attribute value means hidden. */
  static boolean hasHiddenClass(String classes) {
    if (classes.isEmpty() || !mentionsHiding(classes)) {
      return false;
    }
    for (String className : WHITESPACE.split(classes)) {
      if (HIDDEN_CLASS.matcher(className).matches()) {
        return true;
      }
    }
    return false;
  }
}
