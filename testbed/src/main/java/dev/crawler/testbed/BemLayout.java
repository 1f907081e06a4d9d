package dev.crawler.testbed;

import dev.crawler.testbed.ShopModel.ProductModel;
import java.math.BigDecimal;

/** {@link PlainLayout#BEM}: block__element--modifier classes, SKU and EAN in a definition list, a cart form. */
final class BemLayout implements PlainProductLayout {

  @Override
  public String title(PlainPageKit kit, ProductModel product) {
    return kit.name(product) + " | " + Html.escape(kit.shop.name());
  }

  @Override
  public String headExtras(PlainPageKit kit, ProductModel product) {
    // Themes often emit these two for link previews even without any product markup.
    return "<meta property=\"og:title\" content=\"" + kit.name(product) + "\">\n"
        + "<meta property=\"og:site_name\" content=\"" + Html.escape(kit.shop.name()) + "\">\n";
  }

  @Override
  public void breadcrumb(StringBuilder body, PlainPageKit kit, ProductModel product) {
    body.append("<nav class=\"breadcrumbs\" aria-label=\"Breadcrumb\"><ol class=\"breadcrumbs__list\">")
        .append("<li class=\"breadcrumbs__item\"><a class=\"breadcrumbs__link\" href=\"").append(kit.homeHref(product))
        .append("\">").append(kit.words.home()).append("</a></li>")
        .append("<li class=\"breadcrumbs__item\"><a class=\"breadcrumbs__link\" href=\"")
        .append(kit.categoryHref(product)).append("\">").append(Html.escape(kit.category(product).name()))
        .append("</a></li><li class=\"breadcrumbs__item breadcrumbs__item--current\">").append(kit.name(product))
        .append("</li></ol></nav>\n");
  }

  @Override
  public void product(StringBuilder body, PlainPageKit kit, ProductModel product) {
    body.append("<article class=\"product-card\">\n<div class=\"product-card__gallery\"><img class=\"product-card__image\" ")
        .append("src=\"").append(kit.image(product)).append("\" alt=\"").append(kit.name(product))
        .append("\" width=\"600\" height=\"600\"></div>\n<div class=\"product-card__details\">\n")
        .append("<h1 class=\"product-card__title\">").append(kit.name(product)).append("</h1>\n")
        .append("<p class=\"product-card__brand\">").append(kit.words.brand()).append(": <span>")
        .append(Html.escape(product.brand())).append("</span></p>\n<div class=\"product-card__prices\">")
        .append("<span class=\"product-card__price product-card__price--current\">").append(kit.price(product.price()))
        .append("</span>");
    product.wasPrice().ifPresent(was -> body.append(" <span class=\"product-card__price product-card__price--was\">")
        .append("<span class=\"product-card__was-label\">").append(kit.words.wasLabel()).append("</span> <s>")
        .append(kit.price(was)).append("</s></span> <span class=\"product-card__badge\">-")
        .append(PlainPageKit.discountPercent(product.price(), was)).append("&nbsp;%</span>"));
    body.append("</div>\n<dl class=\"product-card__meta\"><dt>").append(kit.words.skuLabel()).append("</dt><dd>")
        .append(product.sku()).append("</dd><dt>EAN</dt><dd>").append(product.gtin13()).append("</dd></dl>\n");
    if (product.reviewCount() > 0) {
      body.append("<p class=\"product-card__rating\">&#9733; ").append(kit.rating(product.ratingValue()))
          .append(" (").append(product.reviewCount()).append(' ').append(kit.words.reviews()).append(")</p>\n");
    }
    boolean inStock = kit.inStock(product);
    body.append("<p class=\"product-card__stock product-card__stock--").append(inStock ? "in" : "out").append("\">")
        .append(inStock ? kit.words.inStock() : kit.words.soldOut()).append("</p>\n")
        .append("<form class=\"product-card__form\" action=\"/cart\" method=\"post\">")
        .append("<input type=\"hidden\" name=\"product_id\" value=\"").append(product.index() + 1).append("\">")
        .append("<label class=\"product-card__qty\">").append(kit.words.quantity())
        .append(" <input type=\"number\" name=\"qty\" value=\"1\" min=\"1\"></label>")
        .append("<button type=\"submit\" class=\"product-card__buy\"").append(inStock ? "" : " disabled").append('>')
        .append(kit.words.addToCart()).append("</button></form>\n");
    if (product.wishlistLink()) {
      body.append("<a class=\"product-card__wishlist\" href=\"").append(kit.wishlistHref(product)).append("\">")
          .append(kit.words.wishlist()).append("</a>\n");
    }
    body.append("<p class=\"product-card__delivery\">").append(kit.words.delivery()).append("</p>\n</div>\n");
  }

  @Override
  public void closeProduct(StringBuilder body, PlainPageKit kit, ProductModel product) {
    body.append("<section class=\"product-card__description\"><h2 class=\"product-card__heading\">")
        .append(kit.words.description()).append("</h2><p>").append(Html.escape(product.description()))
        .append("</p></section>\n");
    product.gonePath().ifPresent(gone -> body.append("<p class=\"product-card__notice\"><a href=\"")
        .append(kit.goneHref(product, gone)).append("\">").append(kit.words.previousModel()).append("</a></p>\n"));
    body.append("</article>\n");
  }

  @Override
  public void carouselStart(StringBuilder body, PlainPageKit kit) {
    body.append("<section class=\"product-carousel\"><h2 class=\"product-carousel__title\">")
        .append(kit.words.related()).append("</h2>\n<ul class=\"product-carousel__track\">\n");
  }

  @Override
  public void carouselItem(StringBuilder body, PlainPageKit kit, ProductModel other, String href) {
    body.append("<li class=\"product-carousel__item\"><a class=\"product-carousel__link\" href=\"").append(href)
        .append("\"><img class=\"product-carousel__image\" src=\"").append(kit.image(other))
        .append("\" alt=\"\" loading=\"lazy\"><span class=\"product-carousel__name\">").append(kit.name(other))
        .append("</span></a><span class=\"product-carousel__price\">").append(kit.price(other.price()))
        .append("</span>");
    BigDecimal was = other.wasPrice().orElse(null);
    if (was != null) {
      body.append(" <s class=\"product-carousel__price--was\">").append(kit.price(was)).append("</s>");
    }
    body.append("</li>\n");
  }

  @Override
  public void carouselEnd(StringBuilder body) {
    body.append("</ul>\n</section>\n");
  }
}
