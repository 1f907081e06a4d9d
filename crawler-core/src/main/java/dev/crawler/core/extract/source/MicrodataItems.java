package dev.crawler.core.extract.source;

import dev.crawler.core.extract.scan.PageMarkup;
import dev.crawler.core.extract.scan.PageScan;
import dev.crawler.core.extract.scan.VisibleText;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Reads HTML microdata ({@code itemscope}/{@code itemtype}/{@code itemprop}/{@code itemref}) into
 * {@link SchemaItem}s, following the WHATWG algorithm with the tolerances search engines apply:
 *
 * <ul>
 *   <li>a {@code content} attribute on any element is the value (shops put it on {@code <span>});
 *   <li>property names may be full IRIs (schema.org or data-vocabulary.org) and several per element;
 *   <li>an item that is no other item's property is a top-level item, even if it has a stray
 *       {@code itemprop}.
 * </ul>
 *
 * <p>The scopes and the property elements each owns come from the page's one {@link PageScan}; only
 * {@code itemref} targets, which are rare, are looked up by id and walked here. Nested items are
 * converted once. Item nesting is capped at {@link #MAX_DEPTH}, items per page at {@link #MAX_ITEMS}.
 */
final class MicrodataItems {

  static final int MAX_DEPTH = 16;
  static final int MAX_ITEMS = PageMarkup.MAX_SCOPES;
  static final int MAX_ITEMREFS = 32;
  private static final Set<String> SRC_ELEMENTS = Set.of("audio", "embed", "iframe", "img", "source", "track", "video");
  private static final Set<String> HREF_ELEMENTS = Set.of("a", "area", "link");

  private final Map<Element, PageMarkup.Scope> scopes = new IdentityHashMap<>();
  private final Map<Element, SchemaItem> converted = new IdentityHashMap<>();
  private final Map<Element, Boolean> claimed = new IdentityHashMap<>();

  private MicrodataItems(List<PageMarkup.Scope> scopes) {
    for (PageMarkup.Scope scope : scopes) {
      this.scopes.put(scope.element(), scope);
    }
  }

  /** The page's top-level items in document order, from the {@code itemscope} elements the scan found. */
  static List<SchemaItem> read(List<PageMarkup.Scope> scopes) {
    List<PageMarkup.Scope> order = scopes.size() > MAX_ITEMS ? scopes.subList(0, MAX_ITEMS) : scopes;
    MicrodataItems reader = new MicrodataItems(order);
    for (PageMarkup.Scope scope : order) {
      reader.item(scope.element(), 0);
    }
    List<SchemaItem> topLevel = new ArrayList<>();
    for (PageMarkup.Scope scope : order) {
      SchemaItem item = reader.converted.get(scope.element());
      if (item != null && !reader.claimed.containsKey(scope.element())) {
        topLevel.add(item);
      }
    }
    return topLevel;
  }

  private @Nullable SchemaItem item(Element scope, int depth) {
    SchemaItem done = converted.get(scope);
    if (done != null || depth > MAX_DEPTH || !scopes.containsKey(scope)) {
      return done;
    }
    SchemaItem.Builder builder = new SchemaItem.Builder(false);
    for (String type : scope.attr("itemtype").split("\\s+")) {
      builder.type(type);
    }
    for (Element property : propertyElements(scope)) {
      Object value = property.hasAttr("itemscope") ? nested(property, depth) : value(property);
      if (value != null) {
        for (String name : property.attr("itemprop").split("\\s+")) {
          builder.add(name, value);
        }
      }
    }
    SchemaItem item = builder.build();
    converted.put(scope, item);
    return item;
  }

  private @Nullable SchemaItem nested(Element property, int depth) {
    SchemaItem nested = item(property, depth + 1);
    if (nested != null) {
      claimed.put(property, Boolean.TRUE);
    }
    return nested;
  }

  /**
   * Elements with {@code itemprop} owned by {@code scope}: those of its subtree, as the scan
   * assigned them, then those of itemref'd subtrees, not crossing nested scopes.
   */
  private List<Element> propertyElements(Element scope) {
    List<Element> referenced = referencedElements(scope);
    if (referenced.isEmpty()) {
      return scopes.get(scope).properties();
    }
    List<Element> properties = new ArrayList<>(scopes.get(scope).properties());
    Deque<Element> pending = new ArrayDeque<>(referenced);
    while (!pending.isEmpty()) {
      Element element = pending.pollFirst();
      if (element.hasAttr("itemprop") && element != scope) {
        properties.add(element);
      }
      if (!element.hasAttr("itemscope")) {
        pushChildren(pending, element);
      }
    }
    return properties;
  }

  /** Pushes children so that they are visited next, in document order. */
  private static void pushChildren(Deque<Element> pending, Element parent) {
    List<Element> children = parent.children();
    for (int i = children.size() - 1; i >= 0; i--) {
      pending.addFirst(children.get(i));
    }
  }

  private List<Element> referencedElements(Element scope) {
    String refs = scope.attr("itemref").strip();
    if (refs.isEmpty()) {
      return List.of();
    }
    Document doc = scope.ownerDocument();
    if (doc == null) {
      return List.of();
    }
    List<Element> referenced = new ArrayList<>();
    for (String id : refs.split("\\s+")) {
      Element target = referenced.size() < MAX_ITEMREFS ? doc.getElementById(id) : null;
      if (target != null && target != scope && !isAncestor(target, scope)) {
        referenced.add(target);
      }
    }
    return referenced;
  }

  private static boolean isAncestor(Element candidate, Element element) {
    for (Element parent = element.parent(); parent != null; parent = parent.parent()) {
      if (parent == candidate) {
        return true;
      }
    }
    return false;
  }

  /** The value of a non-item property element. */
  static String value(Element element) {
    // A blank content="" is a template that was never filled in; the visible value may still be right.
    if (!element.attr("content").isBlank()) {
      return element.attr("content");
    }
    String tag = element.normalName();
    if (SRC_ELEMENTS.contains(tag)) {
      return imageSource(element);
    }
    if (HREF_ELEMENTS.contains(tag)) {
      return element.attr("href");
    }
    return switch (tag) {
      case "object" -> element.attr("data");
      case "data", "meter", "input" -> element.attr("value");
      case "time" -> element.hasAttr("datetime") ? element.attr("datetime") : VisibleText.of(element);
      default -> VisibleText.of(element);
    };
  }

  /** {@code src}, or a lazy-loading attribute when {@code src} is a placeholder. */
  static String imageSource(Element element) {
    String src = element.attr("src").strip();
    if (!src.isEmpty() && !src.startsWith("data:")) {
      return src;
    }
    for (String lazy : new String[] {"data-src", "data-lazy-src", "data-original"}) {
      if (element.hasAttr(lazy)) {
        return element.attr(lazy);
      }
    }
    return src;
  }
}
