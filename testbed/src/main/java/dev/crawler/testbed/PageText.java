package dev.crawler.testbed;

import dev.crawler.testbed.ShopModel.CategoryModel;
import dev.crawler.testbed.ShopModel.ProductModel;
import dev.crawler.testbed.ShopModel.RelatedLink;
import java.util.Optional;

/**
 * Renders the page-specific parts of a shop's pages: the head (title, canonical, JSON-LD) and the
 * content of {@code <main>}; a plain shop's product pages come from {@link PlainProductPage}. Everything shared lives in {@link Boilerplate}. Pure: strings in, strings out.
 *
 * <p>Links are written in all three {@link LinkForm}s, chosen deterministically from the indexes
 * involved, so the same page always renders the same bytes.
 */
final class PageText {

  /** The two page-specific pieces of one page. */
  record Parts(String head, String body) {}

  private static final LinkForm[] FORMS = LinkForm.values();

  private final ShopModel shop;
  private final String origin;
  private final int perPage;
  private final Optional<PlainProductPage> plainProducts;

  PageText(ShopModel shop, String origin, int perPage) {
    this.shop = shop;
    this.origin = origin;
    this.perPage = perPage;
    this.plainProducts = shop.isPlain() ? Optional.of(new PlainProductPage(shop, origin)) : Optional.empty();
  }

  Parts home() {
    String head = head(shop, Html.escape(shop.name()) + " &ndash; Home", origin + "/",
        "Homeware from " + Html.escape(shop.name()) + ": " + shop.categories().size() + " departments.", "");
    StringBuilder body = new StringBuilder(4_000);
    body.append("<section class=\"hero\"><h1>Welcome to ").append(Html.escape(shop.name())).append("</h1>")
        .append("<p>Hand-picked homeware, shipped from our warehouse in days.</p></section>\n")
        .append("<section class=\"departments\"><h2>Shop by department</h2>\n<ul class=\"product-grid\">\n");
    for (CategoryModel category : shop.categories()) {
      LinkForm form = FORMS[(category.index() + 1) % FORMS.length];
      body.append("<li class=\"card\"><a href=\"").append(href(form, "/", ShopModel.categoryPath(category, 1)))
          .append("\">").append(Html.escape(category.name())).append("</a> <span class=\"count\">")
          .append(category.productIndexes().size()).append(" products</span></li>\n");
    }
    body.append("</ul></section>\n<section class=\"featured\"><h2>Featured</h2>\n<ul class=\"product-grid\">\n");
    for (int index : shop.featured()) {
      card(body, shop.products().get(index), FORMS[index % FORMS.length], "/");
    }
    body.append("</ul></section>\n<p class=\"archive\">Missed it? <a href=\"")
        .append(href(LinkForm.ROOT_RELATIVE, "/", shop.homeGonePath())).append("\">Last spring&#39;s sale</a></p>\n");
    return new Parts(head, body.toString());
  }

  /** Page {@code page} (1-based) of the category; the caller checks that the page exists. */
  Parts category(CategoryModel category, int page) {
    int pages = shop.pageCount(category, perPage);
    String path = ShopModel.categoryPath(category, page);
    String title = Html.escape(category.name()) + (page > 1 ? " &ndash; page " + page : "") + " | "
        + Html.escape(shop.name());
    String head = head(shop, title, origin + path,
        Html.escape(category.name()) + " at " + Html.escape(shop.name()) + ", page " + page + " of " + pages + ".",
        "");
    StringBuilder body = new StringBuilder(8_000);
    categoryBreadcrumb(body, path, category);
    body.append("<h1>").append(Html.escape(category.name())).append("</h1>\n<ul class=\"product-grid\">\n");
    int from = (page - 1) * perPage;
    int to = Math.min(from + perPage, category.productIndexes().size());
    for (int i = from; i < to; i++) {
      int index = category.productIndexes().get(i);
      card(body, shop.products().get(index), FORMS[(index + category.index()) % FORMS.length], path);
    }
    body.append("</ul>\n<nav class=\"pagination\" aria-label=\"Pages\">");
    if (page > 1) {
      LinkForm form = page == 2 ? LinkForm.PATH_RELATIVE : LinkForm.ROOT_RELATIVE;
      body.append("<a rel=\"prev\" href=\"").append(href(form, path, ShopModel.categoryPath(category, page - 1)))
          .append("\">&larr; Previous</a>");
    }
    body.append("<span>Page ").append(page).append(" of ").append(pages).append("</span>");
    if (page < pages) {
      String next = ShopModel.categoryPath(category, page + 1);
      String nextHref = shop.index() % 2 == 0 ? "?page=" + (page + 1) : href(FORMS[page % FORMS.length], path, next);
      body.append("<a rel=\"next\" href=\"").append(Html.escape(nextHref)).append("\">Next &rarr;</a>");
    }
    body.append("</nav>\n");
    return new Parts(head, body.toString());
  }

  Parts product(ProductModel product) {
    if (plainProducts.isPresent()) {
      return plainProducts.get().render(product);
    }
    String path = ShopModel.productPath(product);
    String canonical = origin + path;
    String name = Html.escape(product.name());
    StringBuilder meta = new StringBuilder(1_500);
    meta.append("<meta property=\"og:type\" content=\"product\">\n")
        .append("<meta property=\"og:title\" content=\"").append(name).append("\">\n")
        .append("<meta property=\"og:url\" content=\"").append(canonical).append("\">\n")
        .append("<meta property=\"og:image\" content=\"").append(image(product)).append("\">\n")
        .append("<meta property=\"product:price:amount\" content=\"").append(product.price().toPlainString())
        .append("\">\n<meta property=\"product:price:currency\" content=\"").append(shop.currency()).append("\">\n")
        .append("<script type=\"application/ld+json\">").append(JsonLd.product(shop, product, origin))
        .append("</script>\n");
    String head = head(shop, name + " | " + Html.escape(shop.name()), canonical, Html.escape(product.description()),
        meta.toString());
    CategoryModel category = shop.categories().get(product.categoryIndex());
    StringBuilder body = new StringBuilder(4_000);
    productBreadcrumb(body, path, category, product);
    body.append("<article class=\"product\" data-sku=\"").append(product.sku()).append("\">\n")
        .append("<div class=\"gallery\"><img src=\"/img/").append(product.sku()).append(".png\" alt=\"")
        .append(name).append("\" width=\"600\" height=\"600\" loading=\"lazy\"></div>\n")
        .append("<div class=\"buy-box\">\n<h1 class=\"product-title\">").append(name).append("</h1>\n")
        .append("<p class=\"brand\">by <span>").append(Html.escape(product.brand())).append("</span></p>\n")
        .append("<p class=\"price\"><span class=\"amount\">")
        .append(Html.escape(Html.displayPrice(product.price(), shop.currency()))).append("</span></p>\n")
        .append("<p class=\"availability ").append(availabilityClass(product)).append("\">")
        .append(availabilityText(product)).append("</p>\n")
        .append("<p class=\"sku\">SKU: ").append(product.sku()).append(" &middot; EAN: ").append(product.gtin13())
        .append("</p>\n");
    if (product.reviewCount() > 0) {
      body.append("<p class=\"rating\">&#9733; ").append(product.ratingValue().toPlainString()).append(" (")
          .append(product.reviewCount()).append(" reviews)</p>\n");
    }
    LinkForm cartForm = FORMS[product.index() % FORMS.length];
    body.append("<a class=\"button add-to-cart\" href=\"")
        .append(href(cartForm, path, ShopModel.cartPath(product))).append("\">Add to cart</a>\n");
    if (product.wishlistLink()) {
      body.append("<a class=\"wishlist\" href=\"")
          .append(href(FORMS[(product.index() + 1) % FORMS.length], path, ShopModel.wishlistPath(product)))
          .append("\">Save to wishlist</a>\n");
    }
    body.append("</div>\n<section class=\"description\"><h2>Description</h2><p>")
        .append(Html.escape(product.description())).append("</p></section>\n");
    product.gonePath().ifPresent(gone -> body.append("<p class=\"notice\">Looking for the older model? <a href=\"")
        .append(href(FORMS[(product.index() + 2) % FORMS.length], path, gone))
        .append("\">See the previous version</a>.</p>\n"));
    body.append("</article>\n<section class=\"related\"><h2>You may also like</h2>\n<ul>\n");
    for (RelatedLink link : product.related()) {
      ProductModel other = shop.products().get(link.productIndex());
      String target = ShopModel.productPath(other) + link.trackingQuery();
      body.append("<li><a href=\"").append(href(link.form(), path, target)).append("\">")
          .append(Html.escape(other.name())).append("</a> <span class=\"price\">")
          .append(Html.escape(Html.displayPrice(other.price(), shop.currency()))).append("</span></li>\n");
    }
    body.append("</ul>\n</section>\n");
    return new Parts(head, body.toString());
  }

  /** Everything of the page head before the shared boilerplate; all arguments are HTML-escaped already. */
  static String head(ShopModel shop, String title, String canonical, String description, String extra) {
    return "<!DOCTYPE html>\n<html lang=\"" + shop.languageTag() + "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + title + "</title>\n"
        + "<meta name=\"description\" content=\"" + description + "\">\n"
        + "<link rel=\"canonical\" href=\"" + canonical + "\">\n" + extra;
  }

  private void categoryBreadcrumb(StringBuilder body, String fromPath, CategoryModel category) {
    breadcrumbStart(body, fromPath);
    body.append("<li aria-current=\"page\">").append(Html.escape(category.name())).append("</li></ol></nav>\n");
  }

  private void productBreadcrumb(StringBuilder body, String fromPath, CategoryModel category, ProductModel product) {
    breadcrumbStart(body, fromPath);
    body.append("<li><a href=\"")
        .append(href(FORMS[product.index() % FORMS.length], fromPath, ShopModel.categoryPath(category, 1)))
        .append("\">").append(Html.escape(category.name())).append("</a></li><li aria-current=\"page\">")
        .append(Html.escape(product.name())).append("</li></ol></nav>\n");
  }

  private void breadcrumbStart(StringBuilder body, String fromPath) {
    body.append("<nav class=\"breadcrumb\" aria-label=\"Breadcrumb\"><ol><li><a href=\"")
        .append(href(LinkForm.ABSOLUTE, fromPath, "/")).append("\">Home</a></li>");
  }

  private void card(StringBuilder body, ProductModel product, LinkForm form, String fromPath) {
    body.append("<li class=\"card\"><a href=\"").append(href(form, fromPath, ShopModel.productPath(product)))
        .append("\"><img src=\"").append(image(product)).append("\" alt=\"\" width=\"240\" height=\"240\" ")
        .append("loading=\"lazy\"><span class=\"name\">").append(Html.escape(product.name()))
        .append("</span></a><span class=\"price\">")
        .append(Html.escape(shop.displayPrice(product.price()))).append("</span></li>\n");
  }

  private String href(LinkForm form, String fromPath, String targetPath) {
    return Html.escape(form.href(origin, fromPath, targetPath));
  }

  private String image(ProductModel product) {
    return origin + "/img/" + product.sku() + ".png";
  }

  private static String availabilityClass(ProductModel product) {
    return switch (product.availability()) {
      case "InStock" -> "in-stock";
      case "OutOfStock" -> "out-of-stock";
      default -> "pre-order";
    };
  }

  private static String availabilityText(ProductModel product) {
    return switch (product.availability()) {
      case "InStock" -> "In stock";
      case "OutOfStock" -> "Sold out";
      default -> "Pre-order: ships next month";
    };
  }
}
