package dev.crawler.testbed;

import java.time.Duration;

/**
 * What the testbed serves. Every field is checked once, here; the messages name the field.
 *
 * <p>All shop and outside addresses must lie in 127.0.0.0/8: the testbed never listens anywhere else.
 *
 * @param shops number of shops, served at {@code shopAddressPrefix + 1 .. + shops}; 1..254
 * @param productsPerShop products in every shop; 1..100,000
 * @param seed makes every name, price, size and link choice reproducible
 * @param shopAddressPrefix a loopback /24 such as {@code "127.0.1."}
 * @param outsideAddressPrefix a different loopback /24 such as {@code "127.0.2."}, for the out-of-scope
 *     hosts the shops link to
 * @param outsideHosts number of outside hosts; 0..254
 * @param port the one port every address listens on; 0 picks a free one
 * @param minPageBytes smallest product page, in bytes; at least 16 KiB so the boilerplate fits
 * @param maxPageBytes largest product page, in bytes; at most 16 MiB
 * @param latency added before every response is written (scheduled on the event loop); 0..60 s
 * @param productsPerCategoryPage products listed per category page before the next page; 1..1,000
 * @param plainShops how many shops carry no structured data at all; 0..{@code shops}. They are the
 *     LAST {@code plainShops} shops (indexes {@code shops - plainShops .. shops - 1}), so adding plain
 *     shops to a world never changes the first shops. Their product pages have no JSON-LD, microdata,
 *     RDFa or OpenGraph price: name, price, SKU and stock are only in ordinary HTML, laid out in one of
 *     several layouts and one language per shop (see {@link PlainLook})
 * @param sitemaps whether each shop's robots.txt lists a sitemap index, {@code /sitemap.xml}, whose
 *     sitemaps ({@code /sitemap-products-N.xml}, {@link #SITEMAP_URLS} product pages each) list every
 *     product page; off by default, so a crawl that does not read sitemaps sees the same shops either way
 * @param robotsLatency added, on top of {@code latency}, before robots.txt and every sitemap is
 *     answered: a slow start for each crawl, so that tests can aim at it; 0..60 s
 * @param epochs how the world changes when a test {@linkplain Testbed#advanceEpoch() advances} it, and
 *     which shops send validators; see {@link EpochConfig}
 */
public record TestbedConfig(int shops, int productsPerShop, long seed, String shopAddressPrefix,
    String outsideAddressPrefix, int outsideHosts, int port, int minPageBytes, int maxPageBytes,
    Duration latency, int productsPerCategoryPage, int plainShops, boolean sitemaps, Duration robotsLatency,
    EpochConfig epochs) {

  /** Smallest allowed {@link #minPageBytes()}: the shared boilerplate of a product page must fit. */
  public static final int MIN_PAGE_BYTES_FLOOR = 16 * 1024;

  /** Largest allowed {@link #maxPageBytes()}. */
  public static final int MAX_PAGE_BYTES_CEILING = 16 * 1024 * 1024;

  /** Product pages listed per sitemap when {@link #sitemaps()} is on. */
  public static final int SITEMAP_URLS = 200;

  public TestbedConfig {
    Checks.range("shops", shops, 1, 254);
    Checks.range("productsPerShop", productsPerShop, 1, 100_000);
    Checks.loopbackPrefix("shopAddressPrefix", shopAddressPrefix, shops);
    Checks.range("outsideHosts", outsideHosts, 0, 254);
    Checks.loopbackPrefix("outsideAddressPrefix", outsideAddressPrefix, outsideHosts);
    if (shopAddressPrefix.equals(outsideAddressPrefix)) {
      throw new IllegalArgumentException(
          "outsideAddressPrefix must differ from shopAddressPrefix but both were \"" + shopAddressPrefix + "\"");
    }
    Checks.range("port", port, 0, 65_535);
    Checks.range("minPageBytes", minPageBytes, MIN_PAGE_BYTES_FLOOR, MAX_PAGE_BYTES_CEILING);
    Checks.range("maxPageBytes", maxPageBytes, minPageBytes, MAX_PAGE_BYTES_CEILING);
    Checks.duration("latency", latency, Duration.ofSeconds(60));
    Checks.range("productsPerCategoryPage", productsPerCategoryPage, 1, 1_000);
    Checks.range("plainShops", plainShops, 0, shops);
    Checks.duration("robotsLatency", robotsLatency, Duration.ofSeconds(60));
    if (epochs == null) {
      throw new IllegalArgumentException("epochs must not be null");
    }
  }

  /** With the {@link EpochConfig#defaults() default} epochs. */
  public TestbedConfig(int shops, int productsPerShop, long seed, String shopAddressPrefix,
      String outsideAddressPrefix, int outsideHosts, int port, int minPageBytes, int maxPageBytes,
      Duration latency, int productsPerCategoryPage, int plainShops, boolean sitemaps, Duration robotsLatency) {
    this(shops, productsPerShop, seed, shopAddressPrefix, outsideAddressPrefix, outsideHosts, port, minPageBytes,
        maxPageBytes, latency, productsPerCategoryPage, plainShops, sitemaps, robotsLatency, EpochConfig.defaults());
  }

  /** Without sitemaps and with robots.txt as fast as every other page. */
  public TestbedConfig(int shops, int productsPerShop, long seed, String shopAddressPrefix,
      String outsideAddressPrefix, int outsideHosts, int port, int minPageBytes, int maxPageBytes,
      Duration latency, int productsPerCategoryPage, int plainShops) {
    this(shops, productsPerShop, seed, shopAddressPrefix, outsideAddressPrefix, outsideHosts, port, minPageBytes,
        maxPageBytes, latency, productsPerCategoryPage, plainShops, false, Duration.ZERO);
  }

  /**
   * 4 shops of 200 products, seed 42, shops on 127.0.1.x, 2 outside hosts on 127.0.2.x, a free port,
   * product pages of 30,000..80,000 bytes, no latency, 24 products per category page, no plain shops.
   */
  public static TestbedConfig defaults() {
    return new TestbedConfig(4, 200, 42L, "127.0.1.", "127.0.2.", 2, 0, 30_000, 80_000, Duration.ZERO, 24, 0);
  }

  public TestbedConfig withShops(int shops) {
    return new TestbedConfig(shops, productsPerShop, seed, shopAddressPrefix, outsideAddressPrefix,
        outsideHosts, port, minPageBytes, maxPageBytes, latency, productsPerCategoryPage, plainShops, sitemaps,
        robotsLatency, epochs);
  }

  public TestbedConfig withProductsPerShop(int productsPerShop) {
    return new TestbedConfig(shops, productsPerShop, seed, shopAddressPrefix, outsideAddressPrefix,
        outsideHosts, port, minPageBytes, maxPageBytes, latency, productsPerCategoryPage, plainShops, sitemaps,
        robotsLatency, epochs);
  }

  public TestbedConfig withSeed(long seed) {
    return new TestbedConfig(shops, productsPerShop, seed, shopAddressPrefix, outsideAddressPrefix,
        outsideHosts, port, minPageBytes, maxPageBytes, latency, productsPerCategoryPage, plainShops, sitemaps,
        robotsLatency, epochs);
  }

  public TestbedConfig withShopAddressPrefix(String shopAddressPrefix) {
    return new TestbedConfig(shops, productsPerShop, seed, shopAddressPrefix, outsideAddressPrefix,
        outsideHosts, port, minPageBytes, maxPageBytes, latency, productsPerCategoryPage, plainShops, sitemaps,
        robotsLatency, epochs);
  }

  public TestbedConfig withOutsideAddressPrefix(String outsideAddressPrefix) {
    return new TestbedConfig(shops, productsPerShop, seed, shopAddressPrefix, outsideAddressPrefix,
        outsideHosts, port, minPageBytes, maxPageBytes, latency, productsPerCategoryPage, plainShops, sitemaps,
        robotsLatency, epochs);
  }

  public TestbedConfig withOutsideHosts(int outsideHosts) {
    return new TestbedConfig(shops, productsPerShop, seed, shopAddressPrefix, outsideAddressPrefix,
        outsideHosts, port, minPageBytes, maxPageBytes, latency, productsPerCategoryPage, plainShops, sitemaps,
        robotsLatency, epochs);
  }

  public TestbedConfig withPort(int port) {
    return new TestbedConfig(shops, productsPerShop, seed, shopAddressPrefix, outsideAddressPrefix,
        outsideHosts, port, minPageBytes, maxPageBytes, latency, productsPerCategoryPage, plainShops, sitemaps,
        robotsLatency, epochs);
  }

  public TestbedConfig withPageBytes(int minPageBytes, int maxPageBytes) {
    return new TestbedConfig(shops, productsPerShop, seed, shopAddressPrefix, outsideAddressPrefix,
        outsideHosts, port, minPageBytes, maxPageBytes, latency, productsPerCategoryPage, plainShops, sitemaps,
        robotsLatency, epochs);
  }

  public TestbedConfig withLatency(Duration latency) {
    return new TestbedConfig(shops, productsPerShop, seed, shopAddressPrefix, outsideAddressPrefix,
        outsideHosts, port, minPageBytes, maxPageBytes, latency, productsPerCategoryPage, plainShops, sitemaps,
        robotsLatency, epochs);
  }

  public TestbedConfig withProductsPerCategoryPage(int productsPerCategoryPage) {
    return new TestbedConfig(shops, productsPerShop, seed, shopAddressPrefix, outsideAddressPrefix,
        outsideHosts, port, minPageBytes, maxPageBytes, latency, productsPerCategoryPage, plainShops, sitemaps,
        robotsLatency, epochs);
  }

  public TestbedConfig withPlainShops(int plainShops) {
    return new TestbedConfig(shops, productsPerShop, seed, shopAddressPrefix, outsideAddressPrefix,
        outsideHosts, port, minPageBytes, maxPageBytes, latency, productsPerCategoryPage, plainShops, sitemaps,
        robotsLatency, epochs);
  }

  public TestbedConfig withSitemaps(boolean sitemaps) {
    return new TestbedConfig(shops, productsPerShop, seed, shopAddressPrefix, outsideAddressPrefix,
        outsideHosts, port, minPageBytes, maxPageBytes, latency, productsPerCategoryPage, plainShops, sitemaps,
        robotsLatency, epochs);
  }

  public TestbedConfig withRobotsLatency(Duration robotsLatency) {
    return new TestbedConfig(shops, productsPerShop, seed, shopAddressPrefix, outsideAddressPrefix,
        outsideHosts, port, minPageBytes, maxPageBytes, latency, productsPerCategoryPage, plainShops, sitemaps,
        robotsLatency, epochs);
  }

  public TestbedConfig withEpochs(EpochConfig epochs) {
    return new TestbedConfig(shops, productsPerShop, seed, shopAddressPrefix, outsideAddressPrefix,
        outsideHosts, port, minPageBytes, maxPageBytes, latency, productsPerCategoryPage, plainShops, sitemaps,
        robotsLatency, epochs);
  }

  /** Whether shop {@code index} (0-based) is one of the plain shops. */
  public boolean isPlain(int index) {
    return index >= shops - plainShops;
  }
}
