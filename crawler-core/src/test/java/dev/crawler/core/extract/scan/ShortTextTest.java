package dev.crawler.core.extract.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.junit.jupiter.api.Test;

class ShortTextTest {

  @Test
  void readsTheTextAsJsoupDoesWhenItIsShort() {
    Element p = Jsoup.parse("<div id=x> Price: <b>12,99</b>\n<div>€</div> <br>incl. VAT</div>").getElementById("x");

    assertThat(ShortText.of(p, 80)).isEqualTo(p.text());
  }

  @Test
  void stopsSoonAfterTheLimit() {
    Element big = Jsoup.parse("<div id=x>word <p>" + "lorem ipsum ".repeat(10_000) + "</p></div>").getElementById("x");

    String text = ShortText.of(big, 80);

    assertThat(text).hasSize(81).startsWith("word lorem ipsum");
  }

  /**
   * Long text nodes are read in slices and single text nodes without a walk; both must give what
   * reading every node whole gives, on the texts where slicing could go wrong: white space runs,
   * invisible characters and surrogate pairs across slice boundaries, leading white space that
   * strip removes but normalisation keeps (ideographic spaces), non-breaking spaces, blocks.
   */
  @Test
  void readsWhatReadingEveryNodeWholeReads() {
    String[] pieces = {"a", "B7", " ", "   ", "\n\t ", "\u00a0", "\u3000", "\u3000\u3000\u3000", "\u200b", "\u00ad",
        "\ud83d\ude00", "€", "12,99", "x".repeat(70), " ".repeat(90), "\u3000".repeat(85), "<br>", "<div>d</div>", "<p> </p>",
        "<span>s</span>"};
    Random random = new Random(12);
    for (int round = 0; round < 3_000; round++) {
      StringBuilder html = new StringBuilder();
      int parts = 1 + random.nextInt(round % 3 == 0 ? 3 : 40);
      for (int i = 0; i < parts; i++) {
        html.append(pieces[random.nextInt(pieces.length)]);
      }
      Element element = Jsoup.parse("<div id=x>" + html + "</div>").getElementById("x");
      for (int limit : new int[] {3, 20, 80}) {
        assertThat(ShortText.of(element, limit)).as("%s at limit %d", html, limit).isEqualTo(wholeNodes(element, limit));
      }
    }
  }

  /** Plain short texts are handed back as they are; the edges of "plain" must read as the slow way reads. */
  @Test
  void readsPlainTextsAsReadingWholeNodesDoes() {
    for (String text : new String[] {"Add to cart", "x", "a b", "a  b", " a", "a ", "12,99 EUR", "tab\there", "~!@#", "caf\u00e9",
        "y".repeat(80), "y".repeat(81), "y".repeat(82), "y ".repeat(40) + "y", "\u007f", "a\u00a0b"}) {
      Element element = new Element("span").appendChild(new TextNode(text));
      for (int limit : new int[] {3, 80}) {
        assertThat(ShortText.of(element, limit)).as("'%s' at limit %d", text, limit).isEqualTo(wholeNodes(element, limit));
      }
    }
  }

  /** The reading before slices and the single-node shortcut: every text node appended whole. */
  private static String wholeNodes(Element element, int limit) {
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
