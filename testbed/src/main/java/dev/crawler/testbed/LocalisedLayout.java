package dev.crawler.testbed;

import dev.crawler.testbed.ShopModel.ProductModel;

/**
 * {@link PlainLayout#LOCALISED}: a theme written in the shop's own language, so the classes say
 * {@code preis} or {@code prix}; the SKU in a {@code data-sku} attribute and, on most products, a
 * labelled line; an in-stock product shows only its buy button, a sold-out one a disabled button that
 * says so.
 */
final class LocalisedLayout implements PlainProductLayout {

  /** One product in this many shows no SKU line, only the {@code data-sku} attribute. */
  private static final int SKU_LINE_MISSING_EVERY = 5;

  @Override
  public String title(PlainPageKit kit, ProductModel product) {
    return kit.name(product);
  }

  @Override
  public void breadcrumb(StringBuilder body, PlainPageKit kit, ProductModel product) {
    body.append("<ol class=\"pfad\"><li><a href=\"").append(kit.homeHref(product)).append("\">")
        .append(kit.words.home()).append("</a></li><li><a href=\"").append(kit.categoryHref(product)).append("\">")
        .append(Html.escape(kit.category(product).name())).append("</a></li><li>").append(kit.name(product))
        .append("</li></ol>\n");
  }

  @Override
  public void product(StringBuilder body, PlainPageKit kit, ProductModel product) {
    ClassWords c = kit.classes;
    body.append("<section class=\"").append(c.product()).append("\" data-sku=\"").append(product.sku())
        .append("\">\n<figure class=\"").append(c.product()).append("-img\"><img src=\"").append(kit.image(product))
        .append("\" alt=\"").append(kit.name(product)).append("\"></figure>\n<div class=\"").append(c.product())
        .append("-info\">\n<h1>").append(kit.name(product)).append("</h1>\n<div class=\"").append(c.price())
        .append("-block\"><span class=\"").append(c.price()).append("\">").append(kit.price(product.price()))
        .append("</span>");
    product.wasPrice().ifPresent(was -> body.append(" <span class=\"").append(c.was()).append("\">")
        .append(kit.words.wasLabel()).append(" <s>").append(kit.price(was)).append("</s></span>"));
    body.append("</div>\n");
    if (product.index() % SKU_LINE_MISSING_EVERY != SKU_LINE_MISSING_EVERY - 1) {
      body.append("<p class=\"").append(c.sku()).append("\">").append(kit.language.labelled(kit.words.skuLabel()))
          .append(' ').append(product.sku()).append("</p>\n");
    }
    body.append("<p class=\"").append(c.product()).append("-brand\">").append(Html.escape(product.brand()))
        .append("</p>\n");
    if (product.reviewCount() > 0) {
      body.append("<p class=\"").append(c.product()).append("-stars\" title=\"").append(kit.rating(product.ratingValue()))
          .append("\">").append("&#9733;".repeat(product.ratingValue().intValue())).append(" (")
          .append(product.reviewCount()).append(")</p>\n");
    }
    body.append("<form class=\"").append(c.cart()).append("\" action=\"/cart\" method=\"post\">");
    if (kit.inStock(product)) {
      body.append("<button type=\"submit\" class=\"").append(c.cart()).append("-btn\">").append(kit.words.addToCart());
    } else {
      body.append("<button type=\"button\" class=\"").append(c.cart()).append("-btn\" disabled>")
          .append(kit.words.soldOut());
    }
    body.append("</button></form>\n");
    if (product.wishlistLink()) {
      body.append("<a class=\"").append(c.product()).append("-wish\" href=\"").append(kit.wishlistHref(product))
          .append("\">").append(kit.words.wishlist()).append("</a>\n");
    }
    body.append("<p class=\"").append(c.stock()).append("-note\">").append(kit.words.delivery())
        .append("</p>\n</div>\n");
  }

  @Override
  public void closeProduct(StringBuilder body, PlainPageKit kit, ProductModel product) {
    body.append("<div class=\"").append(kit.classes.product()).append("-desc\"><h2>").append(kit.words.description())
        .append("</h2><p>").append(Html.escape(product.description())).append("</p></div>\n");
    product.gonePath().ifPresent(gone -> body.append("<p><a href=\"").append(kit.goneHref(product, gone))
        .append("\">").append(kit.words.previousModel()).append("</a></p>\n"));
    body.append("</section>\n");
  }

  @Override
  public void carouselStart(StringBuilder body, PlainPageKit kit) {
    body.append("<aside class=\"").append(kit.classes.related()).append("\"><h2>").append(kit.words.related())
        .append("</h2>\n<div class=\"").append(kit.classes.related()).append("-list\">\n");
  }

  @Override
  public void carouselItem(StringBuilder body, PlainPageKit kit, ProductModel other, String href) {
    ClassWords c = kit.classes;
    body.append("<div class=\"").append(c.product()).append("-tile\"><a href=\"").append(href).append("\">")
        .append(kit.name(other)).append("</a><div class=\"").append(c.price()).append("\">")
        .append(kit.price(other.price()));
    other.wasPrice().ifPresent(was -> body.append(" <s>").append(kit.price(was)).append("</s>"));
    body.append("</div></div>\n");
  }

  @Override
  public void carouselEnd(StringBuilder body) {
    body.append("</div>\n</aside>\n");
  }
}
