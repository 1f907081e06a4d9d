package dev.crawler.testbed;

import dev.crawler.testbed.ShopModel.CategoryModel;
import dev.crawler.testbed.ShopModel.ProductModel;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

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
 * /p/{removed slug}      410 or 404 ({@link ShopModel#removedStatus}) once the product has been removed
 * anything else          404, including every /gone/... link
 * </pre>
 *
 * <p>robots.txt and the sitemaps are answered after the configured robots latency, if any.
 *
 * <p>Serves one {@link ShopEpoch} at a time; {@link #advance} swaps in the next while requests keep
 * arriving, and each request reads the current epoch once, so it sees one epoch throughout. Unless the
 * shop is one of those {@link EpochConfig#noValidatorsEvery()} leaves without, the home, category and
 * product pages carry {@code ETag} and {@code Last-Modified} and are answered {@code 304 Not Modified}
 * when a conditional request names the current version.
 */
final class ShopSite implements Site {
  private static final String XML = "application/xml; charset=utf-8";

  private final ShopPages pages;
  private final int perPage;
  private final String robots;
  private final String origin;
  private final boolean sitemaps;
  private final long robotsLatencyNanos;
  private final boolean validators;
  private final EpochConfig epochs;
  private volatile ShopEpoch current;

  /**
   * @param shop the shop at epoch 0
   * @param origin the shop's origin, {@code http://host:port}, for the absolute URLs sitemaps need
   */
  ShopSite(ShopModel shop, ShopPages pages, TestbedConfig config, String origin) {
    this.pages = pages;
    this.perPage = config.productsPerCategoryPage();
    this.origin = origin;
    this.sitemaps = config.sitemaps();
    this.robotsLatencyNanos = config.robotsLatency().toNanos();
    this.validators = config.epochs().sendsValidators(shop.index());
    this.epochs = config.epochs();
    this.robots = robotsTxt(shop) + (sitemaps ? "\nSitemap: " + origin + "/sitemap.xml\n" : "");
    this.current = ShopEpoch.first(shop, origin, perPage);
  }

  /**
   * Starts serving {@code next}, the shop at {@code epoch}. Renders every page first (to date the
   * changed ones), so call it off the event loop; one caller at a time.
   */
  void advance(ShopModel next, int epoch) {
    current = current.next(next, origin, perPage, epoch);
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
    ShopEpoch state = current;
    if (path.equals("/robots.txt")) {
      exchange.text(HttpResponseStatus.OK, Exchange.TEXT, robots);
    } else if (sitemaps && path.equals("/sitemap.xml")) {
      exchange.text(HttpResponseStatus.OK, XML, sitemapIndex(state.shop()));
    } else if (sitemaps && path.startsWith("/sitemap-products-") && path.endsWith(".xml")) {
      productSitemap(exchange, state.shop(),
          path.substring("/sitemap-products-".length(), path.length() - ".xml".length()));
    } else if (path.equals("/")) {
      page(exchange, state, "/", state.text().home(), -1);
    } else if (path.startsWith("/c/")) {
      category(exchange, state, path.substring(3));
    } else if (path.startsWith("/p/")) {
      product(exchange, state, path.substring(3));
    } else if (path.startsWith("/private/") || path.equals("/cart")) {
      exchange.text(HttpResponseStatus.OK, Exchange.HTML, SmallPages.signIn(state.shop().name()));
    } else if (path.startsWith("/img/") && path.endsWith(".png")) {
      exchange.send(exchange.response(HttpResponseStatus.OK, "image/png", Unpooled.wrappedBuffer(SmallPages.PIXEL_PNG)));
    } else {
      notFound(exchange);
    }
  }

  private void category(Exchange exchange, ShopEpoch state, String slug) {
    Optional<CategoryModel> category = state.category(slug);
    Optional<Integer> page = exchange.parameter("page").map(ShopSite::pageNumber).orElse(Optional.of(1));
    if (category.isEmpty() || page.isEmpty() || page.get() > state.shop().pageCount(category.get(), perPage)) {
      notFound(exchange);
      return;
    }
    page(exchange, state, ShopModel.categoryPath(category.get(), page.get()),
        state.text().category(category.get(), page.get()), -1);
  }

  private void product(Exchange exchange, ShopEpoch state, String slug) {
    Optional<ProductModel> product = state.product(slug);
    if (product.isEmpty()) {
      notFound(exchange);
    } else if (state.shop().isRemoved(product.get())) {
      removed(exchange, product.get());
    } else {
      page(exchange, state, ShopModel.productPath(product.get()), state.text().product(product.get()),
          product.get().pageBytes());
    }
  }

  /**
   * A page with its validators, or 304 when the request's conditions say the client has it.
   *
   * @param key the page's canonical path, under which {@link PageVersions} dates it
   */
  private void page(Exchange exchange, ShopEpoch state, String key, PageText.Parts parts, int totalBytes) {
    if (!validators) {
      exchange.html(HttpResponseStatus.OK, pages.assemble(exchange.alloc(), parts, totalBytes));
      return;
    }
    String etag = PageVersions.etag(parts, totalBytes);
    Instant lastModified = epochs.start(state.versions().lastChanged(key));
    if (exchange.conditional().notModified(etag, lastModified)) {
      exchange.notModified(etag, lastModified, pages.length(parts, totalBytes));
      return;
    }
    FullHttpResponse response = exchange.response(HttpResponseStatus.OK, Exchange.HTML,
        pages.assemble(exchange.alloc(), parts, totalBytes));
    Exchange.validators(response.headers(), etag, lastModified);
    exchange.send(response);
  }

  private static void removed(Exchange exchange, ProductModel product) {
    int status = ShopModel.removedStatus(product);
    String html = status == 410 ? SmallPages.gone(exchange.path()) : SmallPages.notFound(exchange.path());
    exchange.html(HttpResponseStatus.valueOf(status), ByteBufUtil.writeUtf8(exchange.alloc(), html));
  }

  private static int sitemapCount(ShopModel shop) {
    return (shop.liveProducts().size() + TestbedConfig.SITEMAP_URLS - 1) / TestbedConfig.SITEMAP_URLS;
  }

  private String sitemapIndex(ShopModel shop) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (int n = 0; n < sitemapCount(shop); n++) {
      xml.append("  <sitemap><loc>").append(origin).append("/sitemap-products-").append(n).append(".xml</loc></sitemap>\n");
    }
    return xml.append("</sitemapindex>\n").toString();
  }

  private void productSitemap(Exchange exchange, ShopModel shop, String number) {
    boolean digits = !number.isEmpty() && number.length() <= 6 && number.chars().allMatch(c -> c >= '0' && c <= '9');
    if (!digits || Integer.parseInt(number) >= sitemapCount(shop)) {
      notFound(exchange);
      return;
    }
    int index = Integer.parseInt(number);
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    int from = index * TestbedConfig.SITEMAP_URLS;
    List<ProductModel> live = shop.liveProducts();
    for (ProductModel product : live.subList(from, Math.min(from + TestbedConfig.SITEMAP_URLS, live.size()))) {
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
