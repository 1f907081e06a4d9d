package dev.crawler.core.extract.scan;

import dev.crawler.core.extract.normalise.PageContext;
import dev.crawler.core.extract.normalise.UrlIdentifiers;
import java.net.URI;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jspecify.annotations.Nullable;

/**
 * The one walk over a parsed page from which every extractor takes its candidates.
 *
 * <p>Extraction used to cost a walk per syntax: JSON-LD scripts, microdata scopes and their
 * properties, RDFa, meta tags, site-rule selectors and the visible page each searched the whole
 * tree again. Here one pass visits every node once and hands each element to
 * two collectors: {@link PageMarkup} sees every element, hidden or not (structured data is often
 * hidden on purpose), and {@link PageWalk} sees only what a shopper could see. The page's
 * {@link PageContext} is settled when the walk reaches {@code <body>}, since everything it needs
 * (base, canonical link, language hints) lives in the head, which comes first.
 *
 * <p>The walk visits some 3,000 elements a page, so what it does per element is what extraction
 * costs: each element's attribute names ({@link AttributeNames}) and its class and id hints
 * ({@link AttributeHints}) are read once and handed to both collectors, and the page walk reads an
 * element's text at most once ({@link ElementText}).
 *
 * <p>Bounded: the walk stops after {@link #MAX_NODES} nodes; each collector caps its own lists.
 * Not thread-safe; one scan per page and thread.
 */
public final class PageScan {

  /** A safety net far above real pages (the largest real product pages have about 30,000 elements). */
  static final int MAX_NODES = 1_000_000;
  private static final int MAX_DEPTH = 512;

  private final PageMarkup markup;
  private final PageWalk visible;
  private final PageContext context;

  private PageScan(PageMarkup markup, PageWalk visible, PageContext context) {
    this.markup = markup;
    this.visible = visible;
    this.context = context;
  }

  /**
   * Scans {@code doc}.
   *
   * @param pageUrl the absolute URL the page was fetched from
   * @param cues the language cues the visible page is read with
   * @param wanted selectors whose first match is wanted (the page's site rule), possibly none
   */
  public static PageScan of(Document doc, URI pageUrl, PageCues cues, List<Evaluator> wanted) {
    Walker walker = new Walker(doc, pageUrl, cues, wanted);
    walk(walker, doc);
    walker.visible.finish();
    return new PageScan(walker.markup, walker.visible, walker.context());
  }

  /**
   * Hands every node under {@code root}, {@code root} first, to the walker in document order, as
   * {@link NodeTraversor#filter} would: the walker never removes a node and has nothing to do on
   * the way back up, and this loop skips what jsoup's does for those (it asks each node for its
   * next sibling twice).
   */
  private static void walk(Walker walker, Node root) {
    Node node = root;
    int depth = 0;
    while (walker.head(node, depth) != NodeFilter.FilterResult.STOP) {
      if (node.childNodeSize() > 0) {
        node = node.childNode(0);
        depth++;
        continue;
      }
      Node next = null;
      while (next == null) {
        if (node == root) {
          return;
        }
        next = node.nextSibling();
        if (next == null) {
          node = node.parentNode();
          depth--;
        }
      }
      node = next;
    }
  }

  public PageMarkup markup() {
    return markup;
  }

  public PageWalk visible() {
    return visible;
  }

  public PageContext context() {
    return context;
  }

  /** What the walk does at each node; it keeps per-depth flags, so no subtree is searched twice. */
  private static final class Walker implements NodeFilter {
    private final Document doc;
    private final Element head;
    private final Element body;
    private final URI pageUrl;
    private final PageMarkup markup;
    private final PageWalk visible;
    private final AttributeHints hints;
    private final boolean[] hiddenAt = new boolean[MAX_DEPTH];
    private final boolean[] headAt = new boolean[MAX_DEPTH];
    private @Nullable PageContext context;
    private int nodes;

    Walker(Document doc, URI pageUrl, PageCues cues, List<Evaluator> wanted) {
      this.doc = doc;
      this.head = doc.head();
      this.body = doc.body();
      this.pageUrl = pageUrl;
      this.markup = new PageMarkup(doc, wanted);
      this.hints = new AttributeHints(cues);
      this.visible = new PageWalk(cues, markup);
    }

    @Override
    public FilterResult head(Node node, int depth) {
      if (++nodes > MAX_NODES) {
        return FilterResult.STOP;
      }
      int d = Math.min(depth, MAX_DEPTH - 1);
      boolean parentHidden = d > 0 && hiddenAt[d - 1];
      if (node instanceof Element element) {
        boolean inHead = d > 0 && headAt[d - 1] || element == head;
        headAt[d] = inHead;
        if (context == null && element == body) {
          visible.urlIds(UrlIdentifiers.of(context()));
        }
        int names = AttributeNames.of(element);
        markup.element(element, depth, inHead, names);
        // What the visible page does not want, hidden or about other products, is not offered to it.
        hiddenAt[d] = parentHidden || !offered(element, d, names);
      } else if (node instanceof TextNode text && !parentHidden) {
        visible.text(text, d);
      }
      return FilterResult.CONTINUE;
    }

    /**
     * Offers a shown element to the visible page; false when it is hidden or the page walk does not
     * want its subtree. The document and its body are never hidden. Its class and id are read once,
     * for both the hidden test and the walk.
     *
     * @param names the element's {@link AttributeNames}
     */
    private boolean offered(Element element, int d, int names) {
      boolean mayHide = element != doc && element != body;
      if (mayHide && VisibleText.isHiddenByMarkup(element, names)) {
        return false;
      }
      int attributes = hints.of(element, names);
      if (mayHide && (attributes & AttributeHints.HIDDEN) != 0) {
        return false;
      }
      return visible.element(element, d, attributes, names);
    }

    @Override
    public FilterResult tail(Node node, int depth) {
      return FilterResult.CONTINUE;
    }

    /** Settled once, when the head has been read (or at the end, for a page without a body). */
    public PageContext context() {
      if (context == null) {
        context = PageContext.of(pageUrl, doc.baseUri(), markup.canonicalHref(), markup.languageTags());
      }
      return context;
    }
  }
}
