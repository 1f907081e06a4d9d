package dev.crawler.core.extract.source;

import dev.crawler.core.extract.scan.PageMarkup;
import dev.crawler.core.extract.scan.PageScan;
import dev.crawler.core.extract.scan.VisibleText;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
  static final int MAX_ITEMS = PageMarkup.MAX_SCOPES;
  private static final Set<String> IRI_ATTRIBUTES = Set.of("resource", "href", "src");

  private final Map<Element, PageMarkup.Scope> scopes = new IdentityHashMap<>();
  private int items;

  private RdfaItems(List<PageMarkup.Scope> scopes) {
    for (PageMarkup.Scope scope : scopes) {
      this.scopes.put(scope.element(), scope);
    }
  }

  /**
   * Top-level items (those not the value of another item's property), in document order, from the
   * {@code typeof} elements the page's one {@link PageScan} found with their property elements.
   */
  static List<SchemaItem> read(List<PageMarkup.Scope> scopes) {
    RdfaItems reader = new RdfaItems(scopes);
    List<SchemaItem> topLevel = new ArrayList<>();
    for (PageMarkup.Scope scope : scopes) {
      if (reader.items >= MAX_ITEMS) {
        break;
      }
      // A typed element is some item's property value only if it has a property and a typed ancestor.
      if (!scope.nested()) {
        topLevel.add(reader.item(scope, 0));
      }
    }
    return topLevel;
  }

  private SchemaItem item(PageMarkup.Scope scope, int depth) {
    items++;
    SchemaItem.Builder builder = new SchemaItem.Builder(false);
    for (String type : scope.element().attr("typeof").split("\\s+")) {
      builder.type(type);
    }
    for (Element property : scope.properties()) {
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
    PageMarkup.Scope scope = scopes.get(property);
    return scope != null && depth < MAX_DEPTH && items < MAX_ITEMS ? item(scope, depth + 1) : null;
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
