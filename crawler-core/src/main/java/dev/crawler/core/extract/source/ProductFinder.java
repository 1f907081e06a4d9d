package dev.crawler.core.extract.source;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Finds the product items among schema.org items of any shape: top-level products, products inside
 * {@code @graph}, {@code mainEntity}, {@code ItemList} elements or an Offer's {@code itemOffered},
 * and the variants of a {@code ProductGroup}.
 *
 * <p>A product's own properties are not searched for more products: products nested in a product
 * ({@code isSimilarTo}, {@code isRelatedTo}, accessories) are recommendations, not what the page
 * sells. The walk is bounded in depth and in the number of products returned, and visits each item
 * once even if references make the item graph cyclic.
 */
final class ProductFinder {

  /** Items deeper than this are ignored; real pages nest products at most 4 or 5 levels down. */
  static final int MAX_DEPTH = 24;
  /** A page listing more products than this is a catalogue dump; the rest are ignored. */
  static final int MAX_PRODUCTS = 500;

  static final Set<String> PRODUCT_TYPES =
      Set.of("product", "productgroup", "productmodel", "individualproduct", "someproducts");
  /** Types that are products only when something offers them for sale. */
  static final Set<String> SOLD_TYPES = Set.of("book", "vehicle", "car", "motorcycle", "musicalbum",
      "musicrecording", "movie", "videogame", "softwareapplication");

  /**
   * A product to map.
   *
   * @param product the Product (or variant) item
   * @param group the ProductGroup it is a variant of, whose shared fields it inherits, or null
   * @param outerOffer an Offer whose {@code itemOffered} is this product, or null
   */
  record Found(SchemaItem product, @Nullable SchemaItem group, @Nullable SchemaItem outerOffer) {}

  private final List<Found> found = new ArrayList<>();
  private final Map<SchemaItem, Boolean> visited = new IdentityHashMap<>();

  private ProductFinder() {}

  static List<Found> find(List<SchemaItem> roots) {
    ProductFinder finder = new ProductFinder();
    for (SchemaItem root : roots) {
      finder.walk(root, null, 0);
    }
    return List.copyOf(finder.found);
  }

  static boolean isProduct(SchemaItem item) {
    return item.hasType(PRODUCT_TYPES) || (item.hasType(SOLD_TYPES) && !item.values("offers").isEmpty());
  }

  private void walk(SchemaItem item, @Nullable SchemaItem outerOffer, int depth) {
    if (depth > MAX_DEPTH || found.size() >= MAX_PRODUCTS || visited.put(item, Boolean.TRUE) != null) {
      return;
    }
    if (isProduct(item)) {
      addProduct(item, outerOffer);
      return;
    }
    SchemaItem offer = item.hasType("Offer") || item.hasType("AggregateOffer") ? item : null;
    for (List<Object> values : item.properties().values()) {
      for (Object value : values) {
        if (value instanceof SchemaItem child) {
          walk(child, offer, depth + 1);
        }
      }
    }
  }

  private void addProduct(SchemaItem product, @Nullable SchemaItem outerOffer) {
    List<SchemaItem> variants = product.hasType("ProductGroup") ? product.items("hasVariant") : List.of();
    if (variants.isEmpty()) {
      found.add(new Found(product, null, outerOffer));
      return;
    }
    for (SchemaItem variant : variants) {
      if (found.size() >= MAX_PRODUCTS) {
        return;
      }
      if (visited.put(variant, Boolean.TRUE) == null) {
        found.add(new Found(variant, product, outerOffer));
      }
    }
  }
}
