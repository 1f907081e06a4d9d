package dev.crawler.testbed;

import dev.crawler.testbed.ShopModel.ProductModel;

/**
 * {@link PlainLayout#PLAIN}: short generic classes, a {@code <del>} old price before an {@code <ins>}
 * sale price, a labelled SKU, and an add-to-cart link that a "sold out" notice replaces.
 */
final class PlainClassLayout implements PlainProductLayout {

  @Override
  public String title(PlainPageKit kit, ProductModel product) {
    return kit.name(product);
  }

  @Override
  public void breadcrumb(StringBuilder body, PlainPageKit kit, ProductModel product) {
    body.append("<nav class=\"breadcrumb\"><a href=\"").append(kit.homeHref(product)).append("\">")
        .append(kit.words.home()).append("</a> &rsaquo; <a href=\"").append(kit.categoryHref(product)).append("\">")
        .append(Html.escape(kit.category(product).name())).append("</a> &rsaquo; <span>").append(kit.name(product))
        .append("</span></nav>\n");
  }

  @Override
  public void product(StringBuilder body, PlainPageKit kit, ProductModel product) {
    body.append("<div class=\"product\" id=\"product-").append(product.index() + 1).append("\">\n")
        .append("<div class=\"product-images\"><img src=\"").append(kit.image(product)).append("\" alt=\"")
        .append(kit.name(product)).append("\"></div>\n<div class=\"product-info\">\n")
        .append("<h1 class=\"product-name\">").append(kit.name(product)).append("</h1>\n")
        .append("<div class=\"product-price\">");
    if (product.wasPrice().isPresent()) {
      body.append("<span class=\"was-label\">").append(kit.words.wasLabel()).append("</span> <del class=\"old-price\">")
          .append(kit.price(product.wasPrice().get())).append("</del> <ins class=\"price\">")
          .append(kit.price(product.price())).append("</ins>");
    } else {
      body.append("<span class=\"price\">").append(kit.price(product.price())).append("</span>");
    }
    body.append("</div>\n<p class=\"sku\"><span class=\"label\">").append(kit.language.labelled(kit.words.skuLabel()))
        .append("</span> <span class=\"value\">").append(product.sku()).append("</span></p>\n")
        .append("<p class=\"brand\">").append(kit.words.brand()).append(": ").append(Html.escape(product.brand()))
        .append("</p>\n");
    if (product.reviewCount() > 0) {
      body.append("<p class=\"rating\">").append(kit.rating(product.ratingValue())).append("/5 &middot; ")
          .append(product.reviewCount()).append(' ').append(kit.words.reviews()).append("</p>\n");
    }
    if (kit.inStock(product)) {
      body.append("<p class=\"stock in-stock\">").append(kit.words.inStock()).append("</p>\n")
          .append("<a class=\"button add-to-cart\" href=\"").append(kit.cartHref(product)).append("\">")
          .append(kit.words.addToCart()).append("</a>\n");
    } else {
      body.append("<p class=\"stock out-of-stock\">").append(kit.words.soldOut()).append("</p>\n");
    }
    if (product.wishlistLink()) {
      body.append("<a class=\"wishlist\" href=\"").append(kit.wishlistHref(product)).append("\">")
          .append(kit.words.wishlist()).append("</a>\n");
    }
    body.append("<p class=\"shipping\">").append(kit.words.delivery()).append("</p>\n</div>\n");
  }

  @Override
  public void closeProduct(StringBuilder body, PlainPageKit kit, ProductModel product) {
    body.append("<div class=\"description\"><h2>").append(kit.words.description()).append("</h2><p>")
        .append(Html.escape(product.description())).append("</p></div>\n");
    product.gonePath().ifPresent(gone -> body.append("<p class=\"notice\"><a href=\"")
        .append(kit.goneHref(product, gone)).append("\">").append(kit.words.previousModel()).append("</a></p>\n"));
    body.append("</div>\n");
  }

  @Override
  public void carouselStart(StringBuilder body, PlainPageKit kit) {
    body.append("<section class=\"related-products\"><h2>").append(kit.words.related())
        .append("</h2>\n<ul class=\"products\">\n");
  }

  @Override
  public void carouselItem(StringBuilder body, PlainPageKit kit, ProductModel other, String href) {
    body.append("<li class=\"product\"><a href=\"").append(href).append("\">").append(kit.name(other))
        .append("</a> <span class=\"price\">");
    other.wasPrice().ifPresent(was -> body.append("<del>").append(kit.price(was)).append("</del> "));
    body.append(kit.price(other.price())).append("</span></li>\n");
  }

  @Override
  public void carouselEnd(StringBuilder body) {
    body.append("</ul>\n</section>\n");
  }
}
