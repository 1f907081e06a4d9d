package dev.crawler.testbed;

import dev.crawler.testbed.ShopModel.ProductModel;

/**
 * {@link PlainLayout#UTILITY}: utility-first and hashed classes ({@code tw-3xl font-bold x7f2a}) that
 * say nothing about what they style, and the carousel prices share the main price's classes. Only the
 * currency mark, nearness to the heading and to the buy button tell the price; the old price is a
 * line-through span after a label. On some products the SKU is only in the cart form's hidden input.
 */
final class UtilityLayout implements PlainProductLayout {

  /** One product in this many shows no SKU line; the hidden form input still carries it. */
  private static final int SKU_LINE_MISSING_EVERY = 4;

  @Override
  public String title(PlainPageKit kit, ProductModel product) {
    return kit.name(product) + " | " + Html.escape(kit.shop.name());
  }

  @Override
  public void breadcrumb(StringBuilder body, PlainPageKit kit, ProductModel product) {
    body.append("<nav class=\"flex gap-2 text-sm text-gray-500 ").append(kit.hashed("crumbs"))
        .append("\" aria-label=\"Breadcrumb\"><a href=\"").append(kit.homeHref(product)).append("\">")
        .append(kit.words.home()).append("</a><span>/</span><a href=\"").append(kit.categoryHref(product))
        .append("\">").append(Html.escape(kit.category(product).name())).append("</a><span>/</span><span>")
        .append(kit.name(product)).append("</span></nav>\n");
  }

  @Override
  public void product(StringBuilder body, PlainPageKit kit, ProductModel product) {
    String priceClasses = "tw-2xl font-bold tracking-tight " + kit.hashed("amount");
    body.append("<div class=\"grid md:grid-cols-2 gap-8 ").append(kit.hashed("grid")).append("\">\n")
        .append("<div class=\"aspect-square bg-gray-100 ").append(kit.hashed("media")).append("\"><img src=\"")
        .append(kit.image(product)).append("\" alt=\"").append(kit.name(product)).append("\" class=\"w-full\"></div>\n")
        .append("<div class=\"flex flex-col gap-4 ").append(kit.hashed("col")).append("\">\n")
        .append("<h1 class=\"tw-3xl font-semibold leading-tight ").append(kit.hashed("heading")).append("\">")
        .append(kit.name(product)).append("</h1>\n")
        .append("<div class=\"text-sm text-gray-600 ").append(kit.hashed("maker")).append("\">")
        .append(Html.escape(product.brand())).append("</div>\n")
        .append("<div class=\"flex items-baseline gap-3 ").append(kit.hashed("row")).append("\"><span class=\"")
        .append(priceClasses).append("\">").append(kit.price(product.price())).append("</span>");
    product.wasPrice().ifPresent(was -> body.append("<span class=\"text-sm text-gray-500 ").append(kit.hashed("cmp"))
        .append("\">").append(kit.words.wasLabel()).append(" <span class=\"line-through\">").append(kit.price(was))
        .append("</span></span>"));
    body.append("</div>\n");
    if (product.reviewCount() > 0) {
      body.append("<div class=\"flex items-center gap-1 text-sm ").append(kit.hashed("stars")).append("\">")
          .append(kit.rating(product.ratingValue())).append(" <span>(").append(product.reviewCount())
          .append(")</span></div>\n");
    }
    if (product.index() % SKU_LINE_MISSING_EVERY != SKU_LINE_MISSING_EVERY - 1) {
      body.append("<div class=\"text-xs text-gray-500 ").append(kit.hashed("ref")).append("\">")
          .append(kit.language.labelled(kit.words.skuLabel())).append(' ').append(product.sku()).append("</div>\n");
    }
    boolean inStock = kit.inStock(product);
    if (inStock) {
      body.append("<div class=\"flex items-center gap-2 text-sm ").append(kit.hashed("avail"))
          .append("\"><span class=\"h-2 w-2 rounded-full bg-green-600\"></span>").append(kit.words.inStock())
          .append("</div>\n");
    }
    body.append("<form action=\"/cart\" method=\"post\" class=\"flex gap-2 ").append(kit.hashed("buy")).append("\">")
        .append("<input type=\"hidden\" name=\"sku\" value=\"").append(product.sku()).append("\">")
        .append("<input type=\"number\" name=\"qty\" value=\"1\" min=\"1\" class=\"w-16 border rounded ")
        .append(kit.hashed("qty")).append("\">")
        .append("<button type=\"submit\" class=\"flex-1 rounded-lg bg-black text-white py-3 ").append(kit.hashed("cta"))
        .append('"').append(inStock ? ">" + kit.words.addToCart() : " disabled>" + kit.words.soldOut())
        .append("</button></form>\n");
    if (product.wishlistLink()) {
      body.append("<a class=\"text-sm underline ").append(kit.hashed("wish")).append("\" href=\"")
          .append(kit.wishlistHref(product)).append("\">").append(kit.words.wishlist()).append("</a>\n");
    }
    body.append("<p class=\"text-xs text-gray-500 ").append(kit.hashed("ship")).append("\">")
        .append(kit.words.delivery()).append("</p>\n</div>\n</div>\n");
  }

  @Override
  public void closeProduct(StringBuilder body, PlainPageKit kit, ProductModel product) {
    body.append("<div class=\"prose max-w-none mt-8 ").append(kit.hashed("copy")).append("\"><h2>")
        .append(kit.words.description()).append("</h2><p>").append(Html.escape(product.description()))
        .append("</p></div>\n");
    product.gonePath().ifPresent(gone -> body.append("<p class=\"text-sm ").append(kit.hashed("note"))
        .append("\"><a href=\"").append(kit.goneHref(product, gone)).append("\">").append(kit.words.previousModel())
        .append("</a></p>\n"));
  }

  @Override
  public void carouselStart(StringBuilder body, PlainPageKit kit) {
    body.append("<section class=\"mt-16 ").append(kit.hashed("more")).append("\"><h2 class=\"text-xl font-semibold\">")
        .append(kit.words.related()).append("</h2>\n<ul class=\"grid grid-cols-2 md:grid-cols-4 gap-4 ")
        .append(kit.hashed("tiles")).append("\">\n");
  }

  @Override
  public void carouselItem(StringBuilder body, PlainPageKit kit, ProductModel other, String href) {
    body.append("<li class=\"rounded border p-3\"><a class=\"block\" href=\"").append(href).append("\"><img src=\"")
        .append(kit.image(other)).append("\" alt=\"\" loading=\"lazy\"><span class=\"mt-2 block text-sm\">")
        .append(kit.name(other)).append("</span></a><span class=\"tw-2xl font-bold tracking-tight ")
        .append(kit.hashed("amount")).append("\">").append(kit.price(other.price())).append("</span>");
    other.wasPrice().ifPresent(was -> body.append(" <span class=\"line-through text-sm\">").append(kit.price(was))
        .append("</span>"));
    body.append("</li>\n");
  }

  @Override
  public void carouselEnd(StringBuilder body) {
    body.append("</ul>\n</section>\n");
  }
}
