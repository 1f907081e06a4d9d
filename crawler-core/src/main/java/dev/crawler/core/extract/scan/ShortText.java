package dev.crawler.core.extract.scan;

import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * An element's text as {@link Element#text()} gives it (white space normalised, a space between
 * blocks), but read only as far as a limit. The page walk asks for the text of every element that
 * holds text of its own, and a container with a stray word in it would otherwise cost a walk of
 * its whole subtree, again for every such container above it.
 */
final class ShortText {

  private ShortText() {}

  /** The text, or its first {@code limit + 1} characters when it is longer: too long either way. */
  static String of(Element element, int limit) {
    StringBuilder out = new StringBuilder();
    NodeTraversor.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (node instanceof TextNode text) {
          StringUtil.appendNormalisedWhitespace(out, text.getWholeText(), endsWithSpace(out));
        } else if (node instanceof Element child && out.length() > 0 && (child.isBlock() || child.nameIs("br"))
            && !endsWithSpace(out)) {
          out.append(' ');
        }
        return out.length() > limit ? FilterResult.STOP : FilterResult.CONTINUE;
      }

      @Override
      public FilterResult tail(Node node, int depth) {
        if (node instanceof Element child && child.isBlock() && node.nextSibling() instanceof TextNode && !endsWithSpace(out)) {
          out.append(' ');
        }
        return FilterResult.CONTINUE;
      }
    }, element);
    String text = out.toString().strip();
    return text.length() > limit + 1 ? text.substring(0, limit + 1) : text;
  }

  private static boolean endsWithSpace(StringBuilder text) {
    return text.length() > 0 && text.charAt(text.length() - 1) == ' ';
  }
}
