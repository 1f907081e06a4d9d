package dev.crawler.testbed;

import java.math.BigDecimal;
import java.util.List;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One generated shop at one epoch: pure data, independent of the port it will be served on. Both the
 * page renderer and the ground truth read it, so they cannot disagree.
 *
 * <p>{@code products} holds every product the shop has ever had, at the position of its
 * {@link ProductModel#index() index}, so that indexes stay valid from epoch to epoch; the ones in
 * {@code removed} have disappeared (see {@link CatalogEvolution}). Categories, featured products and
 * related links only ever name live products.
 */
record ShopModel(int index, String host, String name, String currency, List<CategoryModel> categories,
    List<ProductModel> products, List<Integer> featured, JsonLdShape jsonLdShape, boolean priceAsText,
    String homeGonePath, List<LinkForm> navForms, Optional<PlainLook> plain, Set<Integer> removed) {

  ShopModel {
    categories = List.copyOf(categories);
    products = List.copyOf(products);
    featured = List.copyOf(featured);
    navForms = List.copyOf(navForms);
    removed = Collections.unmodifiableSortedSet(new TreeSet<>(removed));
  }

  /** The products a shopper can still find, in index order. */
  List<ProductModel> liveProducts() {
    return products.stream().filter(p -> !removed.contains(p.index())).toList();
  }

  boolean isRemoved(ProductModel product) {
    return removed.contains(product.index());
  }

  /**
   * What the page of a removed product answers: 410 Gone for even indexes, 404 for odd ones, so that
   * every shop shows both ways a real shop retires a page.
   */
  static int removedStatus(ProductModel product) {
    return product.index() % 2 == 0 ? 410 : 404;
  }

  /** Whether the shop's pages carry no structured data (see {@link TestbedConfig#plainShops()}). */
  boolean isPlain() {
    return plain.isPresent();
  }

  /** The price as this shop shows it to a person: in its language's format when plain. */
  String displayPrice(BigDecimal price) {
    return plain.map(look -> look.language().price.format(price)).orElseGet(() -> Html.displayPrice(price, currency));
  }

  /** The shop's visible words: English for the structured-data shops. */
  Phrases phrases() {
    return plain.map(look -> look.language().phrases).orElse(Phrases.ENGLISH);
  }

  /** The {@code <html lang>} value. */
  String languageTag() {
    return plain.map(look -> look.language().tag).orElse("en");
  }

  /** Whether the product page links {@code /cart?add=SKU} (robots-disallowed, so it is in the ground truth). */
  boolean linksCart(ProductModel product) {
    return plain.map(look -> look.layout().linksCart(product)).orElse(true);
  }

  /** How the JSON-LD block of a product page is laid out. */
  enum JsonLdShape {
    /** A single {@code Product} object. */
    OBJECT,
    /** {@code {"@context":..., "@graph": [WebPage, Product]}}. */
    GRAPH,
    /** A top-level array {@code [BreadcrumbList, Product]}. */
    ARRAY
  }

  /** Paths of the robots-disallowed links in the shared header and footer. */
  static final List<String> BOILERPLATE_DISALLOWED = List.of("/private/account", "/cart", "/private/orders");

  static String productPath(ProductModel product) {
    return "/p/" + product.slug();
  }

  /** Page 1 is the bare category path; later pages carry {@code ?page=N}. */
  static String categoryPath(CategoryModel category, int page) {
    return page == 1 ? "/c/" + category.slug() : "/c/" + category.slug() + "?page=" + page;
  }

  static String cartPath(ProductModel product) {
    return "/cart?add=" + product.sku();
  }

  static String wishlistPath(ProductModel product) {
    return "/private/wishlist?sku=" + product.sku();
  }

  int pageCount(CategoryModel category, int perPage) {
    return (category.productIndexes().size() + perPage - 1) / perPage;
  }

  /** One category and the catalogue indexes of its products, in order. */
  record CategoryModel(int index, String slug, String name, List<Integer> productIndexes) {
    CategoryModel {
      productIndexes = List.copyOf(productIndexes);
    }
  }

  /** A link from one product page to another, maybe with a tracking query. */
  record RelatedLink(int productIndex, String trackingQuery, LinkForm form) {}

  /**
   * One product.
   *
   * @param pageBytes exact size of the rendered product page
   * @param price what the product costs now: the sale price when it is on sale
   * @param availability schema.org short name: {@code InStock}, {@code OutOfStock} or {@code PreOrder}
   * @param ratingValue zero when the product has no reviews
   * @param wasPrice the struck-through price before the sale, higher than {@code price}; only plain
   *     shops run sales
   */
  record ProductModel(int index, String slug, String name, String sku, String gtin13, String brand,
      BigDecimal price, String availability, String description, int categoryIndex, List<RelatedLink> related,
      boolean wishlistLink, Optional<String> gonePath, int pageBytes, BigDecimal ratingValue, int reviewCount,
      Optional<BigDecimal> wasPrice) {
    ProductModel {
      related = List.copyOf(related);
    }

    /** At a new price; a struck-through price stays only while it is still above the new one. */
    ProductModel withPrice(BigDecimal newPrice) {
      Optional<BigDecimal> was = wasPrice.filter(w -> w.compareTo(newPrice) > 0);
      return new ProductModel(index, slug, name, sku, gtin13, brand, newPrice, availability, description,
          categoryIndex, related, wishlistLink, gonePath, pageBytes, ratingValue, reviewCount, was);
    }

    ProductModel withAvailability(String newAvailability) {
      return new ProductModel(index, slug, name, sku, gtin13, brand, price, newAvailability, description,
          categoryIndex, related, wishlistLink, gonePath, pageBytes, ratingValue, reviewCount, wasPrice);
    }

    /** Renamed under the same slug; the description, which opens with the name, follows it. */
    ProductModel withName(String newName) {
      String newDescription = description.startsWith(name)
          ? newName + description.substring(name.length()) : description;
      return new ProductModel(index, slug, newName, sku, gtin13, brand, price, availability, newDescription,
          categoryIndex, related, wishlistLink, gonePath, pageBytes, ratingValue, reviewCount, wasPrice);
    }

    ProductModel withRelated(List<RelatedLink> newRelated) {
      return new ProductModel(index, slug, name, sku, gtin13, brand, price, availability, description,
          categoryIndex, newRelated, wishlistLink, gonePath, pageBytes, ratingValue, reviewCount, wasPrice);
    }
  }
}
