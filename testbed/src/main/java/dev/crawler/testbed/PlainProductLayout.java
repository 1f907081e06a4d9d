package dev.crawler.testbed;

import dev.crawler.testbed.ShopModel.ProductModel;

/**
 * The parts of a plain product page that one theme draws its own way. {@link PlainProductPage} puts
 * them together with the parts every theme shares (links, description, carousel entries).
 */
interface PlainProductLayout {

  /** The {@code <title>} text, HTML-escaped. */
  String title(PlainPageKit kit, ProductModel product);

  /** Extra head elements (never structured data or price meta tags). */
  default String headExtras(PlainPageKit kit, ProductModel product) {
    return "";
  }

  void breadcrumb(StringBuilder body, PlainPageKit kit, ProductModel product);

  /** Opens the product's element and writes the gallery, heading, price, SKU, stock and cart control. */
  void product(StringBuilder body, PlainPageKit kit, ProductModel product);

  /** Writes the description and closes what {@link #product} opened. */
  void closeProduct(StringBuilder body, PlainPageKit kit, ProductModel product);

  void carouselStart(StringBuilder body, PlainPageKit kit);

  /** One other product in the carousel: its link, name and price (both prices when on sale). */
  void carouselItem(StringBuilder body, PlainPageKit kit, ProductModel other, String href);

  void carouselEnd(StringBuilder body);

  static PlainProductLayout of(PlainLayout layout) {
    return switch (layout) {
      case BEM -> new BemLayout();
      case PLAIN -> new PlainClassLayout();
      case LOCALISED -> new LocalisedLayout();
      case UTILITY -> new UtilityLayout();
      case CLASSIFIED -> new ClassifiedLayout();
    };
  }
}
