package dev.crawler.testbed;

import dev.crawler.testbed.ShopModel.CategoryModel;
import dev.crawler.testbed.ShopModel.ProductModel;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
 * /sitemap.xml           with sitemaps on: a sitemap index of the sitemaps below (robots.txt lists it)
 * /sitemap-products-N.xml with sitemaps on: product pages N*200+1 .. N*200+200
 * anything else          404, including every /gone/... link
 * </pre>
 *
 * <p>robots.txt and the sitemaps are answered after the configured robots latency, if any.
 */
final class ShopSite implements Site {
  private static final String XML = "application/xml; charset=utf-8";

  private final ShopModel shop;
  private final ShopPages pages;
  private final int perPage;
  private final Map<String, CategoryModel> categories;
  private final Map<String, ProductModel> products;
  private final String robots;
  private final String origin;
  private final boolean sitemaps;
  private final long robotsLatencyNanos;

  /** @param origin the shop's origin, {@code http://host:port}, for the absolute URLs sitemaps need */
  ShopSite(ShopModel shop, ShopPages pages, TestbedConfig config, String origin) {
    this.shop = shop;
    this.pages = pages;
    this.perPage = config.productsPerCategoryPage();
    this.origin = origin;
    this.sitemaps = config.sitemaps();
    this.robotsLatencyNanos = config.robotsLatency().toNanos();
    this.categories = shop.categories().stream().collect(Collectors.toMap(CategoryModel::slug, Function.identity()));
    this.products = shop.products().stream().collect(Collectors.toMap(ProductModel::slug, Function.identity()));
    this.robots = robotsTxt(shop) + (sitemaps ? "\nSitemap: " + origin + "/sitemap.xml\n" : "");
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
    boolean slow = path.equals("/robots.txt") || (sitemaps && path.startsWith("/sitemap"));
    if (slow && robotsLatencyNanos > 0) {
      exchange.executor().schedule(() -> route(exchange, path), robotsLatencyNanos, TimeUnit.NANOSECONDS);
    } else {
      route(exchange, path);
    }
  }

  private void route(Exchange exchange, String path) {
    if (path.equals("/robots.txt")) {
      exchange.text(HttpResponseStatus.OK, Exchange.TEXT, robots);
    } else if (sitemaps && path.equals("/sitemap.xml")) {
      exchange.text(HttpResponseStatus.OK, XML, sitemapIndex());
    } else if (sitemaps && path.startsWith("/sitemap-products-") && path.endsWith(".xml")) {
      productSitemap(exchange, path.substring("/sitemap-products-".length(), path.length() - ".xml".length()));
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

  private int sitemapCount() {
    return (shop.products().size() + TestbedConfig.SITEMAP_URLS - 1) / TestbedConfig.SITEMAP_URLS;
  }

  private String sitemapIndex() {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (int n = 0; n < sitemapCount(); n++) {
      xml.append("  <sitemap><loc>").append(origin).append("/sitemap-products-").append(n).append(".xml</loc></sitemap>\n");
    }
    return xml.append("</sitemapindex>\n").toString();
  }

  private void productSitemap(Exchange exchange, String number) {
    boolean digits = !number.isEmpty() && number.length() <= 6 && number.chars().allMatch(c -> c >= '0' && c <= '9');
    if (!digits || Integer.parseInt(number) >= sitemapCount()) {
      notFound(exchange);
      return;
    }
    int index = Integer.parseInt(number);
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    int from = index * TestbedConfig.SITEMAP_URLS;
    for (ProductModel product : shop.products().subList(from, Math.min(from + TestbedConfig.SITEMAP_URLS, shop.products().size()))) {
      xml.append("  <url><loc>").append(origin).append(ShopModel.productPath(product)).append("</loc></url>\n");
    }
    exchange.text(HttpResponseStatus.OK, XML, xml.append("</urlset>\n").toString());
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
