package dev.crawler.testbed;

import dev.crawler.testbed.ShopModel.CategoryModel;
import dev.crawler.testbed.ShopModel.ProductModel;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What every plain layout needs while it writes one product page: the shop's words and price format,
 * and links written in the same {@link LinkForm}s the structured-data pages use, so the crawl finds
 * the same URLs either way.
 */
final class PlainPageKit {

  private static final LinkForm[] FORMS = LinkForm.values();

  final ShopModel shop;
  final ShopLanguage language;
  final Phrases words;
  final ClassWords classes;
  private final String origin;

  PlainPageKit(ShopModel shop, String origin) {
    this.shop = shop;
    this.language = shop.plain().orElseThrow().language();
    this.words = language.phrases;
    this.classes = language.classWords;
    this.origin = origin;
  }

  /** The price as the shop writes it, HTML-escaped (the Swiss grouping mark is an apostrophe). */
  String price(BigDecimal amount) {
    return Html.escape(language.price.format(amount));
  }

  /** A rating such as 4.5 with the language's decimal mark. */
  String rating(BigDecimal value) {
    return value.toPlainString().replace('.', language.price.decimal());
  }

  /** The sale's discount in whole percent, e.g. 20 for 80 instead of 100. */
  static int discountPercent(BigDecimal price, BigDecimal was) {
    return was.subtract(price).multiply(BigDecimal.valueOf(100)).divide(was, 0, RoundingMode.HALF_UP).intValue();
  }

  String name(ProductModel product) {
    return Html.escape(product.name());
  }

  String path(ProductModel product) {
    return ShopModel.productPath(product);
  }

  String canonical(ProductModel product) {
    return origin + path(product);
  }

  String image(ProductModel product) {
    return origin + "/img/" + product.sku() + ".png";
  }

  CategoryModel category(ProductModel product) {
    return shop.categories().get(product.categoryIndex());
  }

  String homeHref(ProductModel product) {
    return href(LinkForm.ABSOLUTE, product, "/");
  }

  String categoryHref(ProductModel product) {
    return href(FORMS[product.index() % FORMS.length], product, ShopModel.categoryPath(category(product), 1));
  }

  String cartHref(ProductModel product) {
    return href(FORMS[product.index() % FORMS.length], product, ShopModel.cartPath(product));
  }

  String wishlistHref(ProductModel product) {
    return href(FORMS[(product.index() + 1) % FORMS.length], product, ShopModel.wishlistPath(product));
  }

  String goneHref(ProductModel product, String gonePath) {
    return href(FORMS[(product.index() + 2) % FORMS.length], product, gonePath);
  }

  String href(LinkForm form, ProductModel from, String targetPath) {
    return Html.escape(form.href(origin, path(from), targetPath));
  }

  boolean inStock(ProductModel product) {
    return product.availability().equals("InStock");
  }

  /**
   * A class name that means nothing, stable per shop and role ({@code "x7f2a"}), the way CSS modules
   * and utility-first builds name things.
   */
  String hashed(String role) {
    int h = (shop.index() * 31 + role.hashCode()) * 0x9E3779B1;
    String hex = Integer.toHexString(h | 0x10_0000);
    return (char) ('a' + Math.floorMod(h >>> 27, 26)) + hex.substring(hex.length() - 4);
  }
}
