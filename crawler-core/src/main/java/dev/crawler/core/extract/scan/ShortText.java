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
 *
 * <p>A single text node can be long too (a description, an inline blob), so a long node is
 * normalised in slices and reading stops once the answer is settled: white space normalisation
 * carries no state across a slice boundary but whether the text so far ends in a space, which
 * the next slice is told, so slices give exactly what one pass over the whole node gives.
 */
final class ShortText {

  private ShortText() {}

  /** The text, or its first {@code limit + 1} characters when it is longer: too long either way. */
  static String of(Element element, int limit) {
    if (element.childNodeSize() == 1 && element.childNode(0) instanceof TextNode only) {
      // Most elements with text hold just one text node: no walk needed, and the element's own
      // block space can only come last, where strip removes it.
      String whole = only.getWholeText();
      if (isPlain(whole, limit)) {
        return whole;
      }
      StringBuilder out = new StringBuilder(Math.min(limit + 2, 128));
      append(out, whole, limit);
      return stripped(out, limit);
    }
    StringBuilder out = new StringBuilder(Math.min(limit + 2, 128));
    NodeTraversor.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (node instanceof TextNode text) {
          append(out, text.getWholeText(), limit);
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
    return stripped(out, limit);
  }

  /**
   * Whether {@code text} is its own short text already: at most {@code limit + 1} characters of
   * printable ASCII and single spaces, with no space at either end. Normalising and stripping
   * change nothing in such a text, nor does {@link dev.crawler.core.extract.normalise.TextCleaner#clean},
   * and most of a page's short texts are like it, so they are handed back without a copy.
   */
  static boolean isPlain(String text, int limit) {
    int length = text.length();
    if (length == 0 || length > limit + 1 || text.charAt(0) == ' ' || text.charAt(length - 1) == ' ') {
      return false;
    }
    boolean space = false;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c == ' ') {
        if (space) {
          return false;
        }
        space = true;
      } else if (c > ' ' && c < 0x7F) {
        space = false;
      } else {
        return false;
      }
    }
    return true;
  }

  /** {@code out.toString().strip()}, cut to {@code limit + 1} characters, copied once. */
  private static String stripped(StringBuilder out, int limit) {
    int first = 0;
    while (first < out.length() && Character.isWhitespace(out.charAt(first))) {
      first++;
    }
    int end = out.length();
    while (end > first && Character.isWhitespace(out.charAt(end - 1))) {
      end--;
    }
    return out.substring(first, Math.min(end, first + limit + 1));
  }

  /**
   * Appends {@code text} with its white space normalised, as one call of
   * {@link StringUtil#appendNormalisedWhitespace} would, or only as much of it as settles the
   * first {@code limit + 1} characters of the stripped result.
   */
  static void append(StringBuilder out, String text, int limit) {
    int slice = limit + 2;
    if (text.length() <= slice) {
      StringUtil.appendNormalisedWhitespace(out, text, endsWithSpace(out));
      return;
    }
    for (int start = 0; start < text.length(); ) {
      int end = Math.min(start + slice, text.length());
      if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
        end++; // never part a surrogate pair
      }
      StringUtil.appendNormalisedWhitespace(out, text.substring(start, end), endsWithSpace(out));
      start = end;
      if (settled(out, limit)) {
        return;
      }
    }
  }

  /**
   * Whether whatever follows can no longer change the first {@code limit + 1} characters of
   * {@code out.toString().strip()}: a character that strip keeps lies {@code limit + 1} or more
   * places after the first such character.
   */
  static boolean settled(StringBuilder out, int limit) {
    if (out.length() <= limit + 1) {
      return false;
    }
    int first = 0;
    while (first < out.length() && Character.isWhitespace(out.charAt(first))) {
      first++;
    }
    int last = out.length() - 1;
    while (last > first && Character.isWhitespace(out.charAt(last))) {
      last--;
    }
    return last - first >= limit + 1;
  }

  private static boolean endsWithSpace(StringBuilder text) {
    return text.length() > 0 && text.charAt(text.length() - 1) == ' ';
  }
}
