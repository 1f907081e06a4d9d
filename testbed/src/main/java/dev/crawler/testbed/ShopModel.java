package dev.crawler.testbed;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One generated shop: pure data, independent of the port it will be served on. Both the page
 * renderer and the ground truth read it, so they cannot disagree.
 */
record ShopModel(int index, String host, String name, String currency, List<CategoryModel> categories,
    List<ProductModel> products, List<Integer> featured, JsonLdShape jsonLdShape, boolean priceAsText,
    String homeGonePath, List<LinkForm> navForms, Optional<PlainLook> plain) {

  ShopModel {
    categories = List.copyOf(categories);
    products = List.copyOf(products);
    featured = List.copyOf(featured);
    navForms = List.copyOf(navForms);
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
  }
}
