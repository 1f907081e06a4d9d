package dev.crawler.testbed;

import dev.crawler.testbed.ShopModel.ProductModel;

/**
 * How a plain shop (one without structured data) lays out its product page. The layouts differ the
 * way real shop themes differ: in class naming, in where the SKU sits, in how a sale and a sold-out
 * product are shown, and in whether the add-to-cart control is a link or a form button, or, on a
 * classified-ads site, a button that writes to the seller.
 */
enum PlainLayout {
  /**
   * BEM classes ({@code product-card__price--current}); SKU and EAN in a {@code <dl>}; an add-to-cart
   * form whose button is disabled when sold out; {@code og:title} and {@code og:site_name} in the head.
   */
  BEM,
  /**
   * Plain classes ({@code price}, {@code product-price}); {@code <del>} old price before an {@code <ins>};
   * {@code <span class="label">SKU:</span>}; an add-to-cart link that a "sold out" notice replaces.
   */
  PLAIN,
  /**
   * Class names in the shop's language ({@code preis}, {@code prix}, {@code cena}); the SKU as a
   * labelled line and a {@code data-sku} attribute; a sold-out button says so and is disabled.
   */
  LOCALISED,
  /**
   * Utility and hashed classes that carry no meaning ({@code tw-3xl x7f2a}), so only currency marks,
   * nearness to the heading and to the buy button tell the price; the SKU sometimes only in a hidden
   * form input.
   */
  UTILITY,
  /**
   * A classified-ads site: no cart, and nothing on a listed ad about stock; the seller's box beside
   * the ad holds a button that writes to the seller, and an ad whose item is gone says so.
   */
  CLASSIFIED;

  /** Whether the product page links {@code /cart?add=SKU}; the other layouts post a form instead. */
  boolean linksCart(ProductModel product) {
    return this == PLAIN && product.availability().equals("InStock");
  }
}
