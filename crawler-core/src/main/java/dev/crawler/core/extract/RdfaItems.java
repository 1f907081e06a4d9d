package dev.crawler.core.extract;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Reads RDFa Lite ({@code vocab}, {@code typeof}, {@code property}, {@code resource},
 * {@code prefix}) into {@link SchemaItem}s. Enough of RDFa 1.1 for schema.org product markup, not a
 * full RDF processor: prefixes are reduced to local names rather than expanded, and
 * {@code about}/{@code rel} chaining is not followed.
 *
 * <p>An element with {@code typeof} starts an item; {@code property} attributes below it (not below
 * a nested {@code typeof}) are its properties. A property's value is, in RDFa's order: a nested item
 * when the element also has {@code typeof}; {@code content}; {@code resource}, {@code href} or
 * {@code src}; {@code datetime} on {@code <time>}; else the text. {@code property} attributes outside
 * any {@code typeof} (OpenGraph {@code <meta property="og:...">} in the head) are not RDFa items and
 * are left to the OpenGraph extractor.
 */
final class RdfaItems {

  static final int MAX_DEPTH = 16;
  static final int MAX_ITEMS = 5_000;
  private static final Set<String> IRI_ATTRIBUTES = Set.of("resource", "href", "src");

  private int items;

  private RdfaItems() {}

  /** Top-level items (those not the value of another item's property), in document order. */
  static List<SchemaItem> read(Document doc) {
    RdfaItems reader = new RdfaItems();
    List<SchemaItem> topLevel = new ArrayList<>();
    for (Element scope : doc.select("[typeof]")) {
      if (reader.items >= MAX_ITEMS) {
        break;
      }
      // A typed element is some item's property value only if it has a property and a typed ancestor.
      if (!scope.hasAttr("property") || !hasTypedAncestor(scope)) {
        topLevel.add(reader.item(scope, 0));
      }
    }
    return topLevel;
  }

  private static boolean hasTypedAncestor(Element element) {
    for (Element parent = element.parent(); parent != null; parent = parent.parent()) {
      if (parent.hasAttr("typeof")) {
        return true;
      }
    }
    return false;
  }

  private SchemaItem item(Element scope, int depth) {
    items++;
    SchemaItem.Builder builder = new SchemaItem.Builder(false);
    for (String type : scope.attr("typeof").split("\\s+")) {
      builder.type(type);
    }
    for (Element property : propertyElements(scope)) {
      Object value = property.hasAttr("typeof") ? nested(property, depth) : value(property);
      if (value != null) {
        for (String name : property.attr("property").split("\\s+")) {
          builder.add(name, value);
        }
      }
    }
    return builder.build();
  }

  private @Nullable SchemaItem nested(Element property, int depth) {
    return depth < MAX_DEPTH && items < MAX_ITEMS ? item(property, depth + 1) : null;
  }

  private static List<Element> propertyElements(Element scope) {
    List<Element> properties = new ArrayList<>();
    Deque<Element> pending = new ArrayDeque<>(scope.children());
    while (!pending.isEmpty()) {
      Element element = pending.pollFirst();
      if (element.hasAttr("property")) {
        properties.add(element);
      }
      if (!element.hasAttr("typeof")) {
        List<Element> children = element.children();
        for (int i = children.size() - 1; i >= 0; i--) {
          pending.addFirst(children.get(i));
        }
      }
    }
    return properties;
  }

  private static String value(Element element) {
    if (!element.attr("content").isBlank()) {
      return element.attr("content");
    }
    for (String attribute : IRI_ATTRIBUTES) {
      if (element.hasAttr(attribute)) {
        return attribute.equals("src") ? MicrodataItems.imageSource(element) : element.attr(attribute);
      }
    }
    if (element.normalName().equals("time") && element.hasAttr("datetime")) {
      return element.attr("datetime");
    }
    return VisibleText.of(element);
  }
}
