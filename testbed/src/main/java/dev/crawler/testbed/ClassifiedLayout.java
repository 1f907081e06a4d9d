package dev.crawler.testbed;

import dev.crawler.testbed.ShopModel.ProductModel;

/**
 * {@link PlainLayout#CLASSIFIED}: a classified-ads site. There is no cart: the ad shows its title,
 * price and details, and the seller's box beside it, in an {@code <aside>}, holds the button that
 * writes to the seller. Nothing on a listed ad speaks of stock; an ad whose item is gone says so
 * under its price and keeps the button, as such sites do.
 */
final class ClassifiedLayout implements PlainProductLayout {

  @Override
  public String title(PlainPageKit kit, ProductModel product) {
    return kit.name(product) + " - " + Html.escape(kit.category(product).name()) + " - " + Html.escape(kit.shop.name());
  }

  @Override
  public void breadcrumb(StringBuilder body, PlainPageKit kit, ProductModel product) {
    body.append("<nav class=\"ad-path\"><a href=\"").append(kit.homeHref(product)).append("\">").append(kit.words.home())
        .append("</a> / <a href=\"").append(kit.categoryHref(product)).append("\">")
        .append(Html.escape(kit.category(product).name())).append("</a></nav>\n");
  }

  @Override
  public void product(StringBuilder body, PlainPageKit kit, ProductModel product) {
    body.append("<div class=\"ad-page\">\n<div class=\"ad\">\n<h1 class=\"ad-title\">").append(kit.name(product))
        .append("</h1>\n<div class=\"ad-price\"><strong>").append(kit.price(product.price())).append("</strong>");
    product.wasPrice().ifPresent(was -> body.append(" <span class=\"ad-price-before\">").append(kit.words.wasLabel())
        .append(" <s>").append(kit.price(was)).append("</s></span>"));
    body.append("</div>\n");
    if (!kit.inStock(product)) {
      body.append("<p class=\"ad-status\">").append(kit.words.adClosed()).append("</p>\n");
    }
    body.append("<div class=\"ad-gallery\"><img src=\"").append(kit.image(product)).append("\" alt=\"")
        .append(kit.name(product)).append("\"></div>\n<table class=\"ad-details\"><tr><th>")
        .append(kit.words.skuLabel()).append("</th><td>").append(product.sku()).append("</td></tr><tr><th>")
        .append(kit.words.brand()).append("</th><td>").append(Html.escape(product.brand())).append("</td></tr></table>\n");
    if (product.wishlistLink()) {
      body.append("<a class=\"ad-save\" href=\"").append(kit.wishlistHref(product)).append("\">")
          .append(kit.words.wishlist()).append("</a>\n");
    }
  }

  @Override
  public void closeProduct(StringBuilder body, PlainPageKit kit, ProductModel product) {
    body.append("<div class=\"ad-text\"><h2>").append(kit.words.description()).append("</h2><p>")
        .append(Html.escape(product.description())).append("</p></div>\n");
    product.gonePath().ifPresent(gone -> body.append("<p class=\"ad-note\"><a href=\"")
        .append(kit.goneHref(product, gone)).append("\">").append(kit.words.previousModel()).append("</a></p>\n"));
    body.append("</div>\n<aside class=\"seller\"><p class=\"seller-name\">").append(Html.escape(kit.shop.name()))
        .append("</p><button type=\"button\" class=\"btn btn-primary\"><span>").append(kit.words.contactSeller())
        .append("</span></button></aside>\n</div>\n");
  }

  @Override
  public void carouselStart(StringBuilder body, PlainPageKit kit) {
    body.append("<section class=\"more-ads\"><h2>").append(kit.words.related()).append("</h2>\n<ul>\n");
  }

  @Override
  public void carouselItem(StringBuilder body, PlainPageKit kit, ProductModel other, String href) {
    body.append("<li class=\"ad-card\"><a href=\"").append(href).append("\">").append(kit.name(other))
        .append("</a> <b>").append(kit.price(other.price())).append("</b>");
    other.wasPrice().ifPresent(was -> body.append(" <s>").append(kit.price(was)).append("</s>"));
    body.append("</li>\n");
  }

  @Override
  public void carouselEnd(StringBuilder body) {
    body.append("</ul>\n</section>\n");
  }
}
