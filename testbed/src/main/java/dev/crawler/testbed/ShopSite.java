package dev.crawler.testbed;

import dev.crawler.testbed.ShopModel.CategoryModel;
import dev.crawler.testbed.ShopModel.ProductModel;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Routes one shop's paths to its pages.
 *
 * <pre>
 * /robots.txt            User-agent: * with Disallow: /private/ and /cart
 * /                      home page
 * /c/{slug}[?page=N]     category listing; pages beyond the last answer 404
 * /p/{slug}[?anything]   product page (tracking parameters are ignored)
 * /private/..., /cart... 200 "please sign in" (robots-disallowed, so a polite crawler never asks)
 * /img/{sku}.png         a 1x1 PNG
 * anything else          404, including every /gone/... link
 * </pre>
 */
final class ShopSite implements Site {

  private final ShopModel shop;
  private final ShopPages pages;
  private final int perPage;
  private final Map<String, CategoryModel> categories;
  private final Map<String, ProductModel> products;
  private final String robots;

  ShopSite(ShopModel shop, ShopPages pages, int perPage) {
    this.shop = shop;
    this.pages = pages;
    this.perPage = perPage;
    this.categories = shop.categories().stream().collect(Collectors.toMap(CategoryModel::slug, Function.identity()));
    this.products = shop.products().stream().collect(Collectors.toMap(ProductModel::slug, Function.identity()));
    this.robots = robotsTxt(shop);
  }

  static String robotsTxt(ShopModel shop) {
    return "# robots.txt for " + shop.name() + "\n"
        + "User-agent: *\n"
        + "Disallow: /private/\n"
        + "Disallow: /cart\n"
        + "\n"
        + "User-agent: BadBot\n"
        + "Disallow: /\n";
  }

  @Override
  public void respond(Exchange exchange) {
    String path = exchange.path();
    if (path.equals("/robots.txt")) {
      exchange.text(HttpResponseStatus.OK, Exchange.TEXT, robots);
    } else if (path.equals("/")) {
      exchange.html(HttpResponseStatus.OK, pages.home(exchange.alloc()));
    } else if (path.startsWith("/c/")) {
      category(exchange, path.substring(3));
    } else if (path.startsWith("/p/")) {
      product(exchange, path.substring(3));
    } else if (path.startsWith("/private/") || path.equals("/cart")) {
      exchange.text(HttpResponseStatus.OK, Exchange.HTML, SmallPages.signIn(shop.name()));
    } else if (path.startsWith("/img/") && path.endsWith(".png")) {
      exchange.send(exchange.response(HttpResponseStatus.OK, "image/png", Unpooled.wrappedBuffer(SmallPages.PIXEL_PNG)));
    } else {
      notFound(exchange);
    }
  }

  private void category(Exchange exchange, String slug) {
    CategoryModel category = categories.get(slug);
    Optional<Integer> page = exchange.parameter("page").map(ShopSite::pageNumber).orElse(Optional.of(1));
    if (category == null || page.isEmpty() || page.get() > shop.pageCount(category, perPage)) {
      notFound(exchange);
      return;
    }
    exchange.html(HttpResponseStatus.OK, pages.category(exchange.alloc(), category, page.get()));
  }

  private void product(Exchange exchange, String slug) {
    ProductModel product = products.get(slug);
    if (product == null) {
      notFound(exchange);
      return;
    }
    exchange.html(HttpResponseStatus.OK, pages.product(exchange.alloc(), product));
  }

  private static void notFound(Exchange exchange) {
    exchange.html(HttpResponseStatus.NOT_FOUND,
        ByteBufUtil.writeUtf8(exchange.alloc(), SmallPages.notFound(exchange.path())));
  }

  private static Optional<Integer> pageNumber(String text) {
    if (text.isEmpty() || text.length() > 6 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.empty();
    }
    int page = Integer.parseInt(text);
    return page >= 1 ? Optional.of(page) : Optional.empty();
  }
}
