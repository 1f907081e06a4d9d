package dev.crawler.testbed;

import java.io.IOException;
import java.net.URI;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * A running set of synthetic shops on loopback.
 *
 * <p>Shop {@code i} (1-based) listens on {@code shopAddressPrefix + i}, outside host {@code k} on
 * {@code outsideAddressPrefix + k}, all on one {@link #port()}. Everything served is deterministic from
 * {@link TestbedConfig#seed()}; only the port (which appears in absolute links) changes between runs.
 *
 * <pre>{@code
 * try (Testbed testbed = Testbed.start(TestbedConfig.defaults().withShops(2))) {
 *   crawl(testbed.homePages());
 *   assertThat(crawled).isEqualTo(testbed.groundTruth().expectedUrls());
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} stops everything; call it from a test thread, not from an event loop.
 */
public final class Testbed implements AutoCloseable {

  private final TestbedConfig config;
  private final LoopbackServer server;
  private final List<ShopPages> pages;
  private final List<String> shopHosts;
  private final GroundTruth groundTruth;
  private final RequestLog requestLog;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Testbed(TestbedConfig config, LoopbackServer server, List<ShopPages> pages, List<String> shopHosts,
      GroundTruth groundTruth, RequestLog requestLog) {
    this.config = config;
    this.server = server;
    this.pages = pages;
    this.shopHosts = shopHosts;
    this.groundTruth = groundTruth;
    this.requestLog = requestLog;
  }

  /**
   * Generates the shops, binds every shop address {@code prefix+1..N} and outside address
   * {@code outsidePrefix+1..M} on one port, and starts serving.
   *
   * @throws IOException if an address cannot be bound (with port 0: after a few attempts)
   */
  public static Testbed start(TestbedConfig config) throws IOException {
    List<ShopModel> shops = new CatalogGenerator(config).shops();
    List<String> shopHosts = shops.stream().map(ShopModel::host).toList();
    List<String> outsideHosts = IntStream.rangeClosed(1, config.outsideHosts())
        .mapToObj(k -> config.outsideAddressPrefix() + k).toList();
    List<String> addresses = new ArrayList<>(shopHosts);
    addresses.addAll(outsideHosts);

    RequestLog log = new RequestLog();
    SiteDirectory directory = new SiteDirectory();
    LoopbackServer server = LoopbackServer.start("testbed", addresses, config.port(), directory, log,
        config.latency());
    int port = server.port();
    List<String> outsideOrigins = outsideHosts.stream().map(h -> GroundTruthBuilder.origin(h, port)).toList();

    List<ShopPages> pages = new ArrayList<>();
    try {
      Map<String, Site> sites = new HashMap<>();
      for (ShopModel shop : shops) {
        ShopPages shopPages = new ShopPages(shop, GroundTruthBuilder.origin(shop.host(), port), outsideOrigins,
            config.productsPerCategoryPage(), config.maxPageBytes());
        pages.add(shopPages);
        sites.put(shop.host(), new ShopSite(shop, shopPages, config, GroundTruthBuilder.origin(shop.host(), port)));
      }
      OutsideSite outside = new OutsideSite();
      outsideHosts.forEach(host -> sites.put(host, outside));
      directory.install(sites);
    } catch (RuntimeException e) {
      server.close();
      pages.forEach(ShopPages::close);
      throw e;
    }

    GroundTruth truth = GroundTruthBuilder.build(shops, port, config.productsPerCategoryPage(), outsideHosts);
    return new Testbed(config, server, List.copyOf(pages), shopHosts, truth, log);
  }

  /**
   * Starts a {@link FaultShop}: hostile responses on the {@link FaultHost} addresses, independent of
   * any shops.
   *
   * @throws IOException if an address cannot be bound
   */
  public static FaultShop startFaults(FaultConfig config) throws IOException {
    return FaultShop.start(config, InstantSource.system());
  }

  /**
   * Starts a {@link CookieShop}: {@link CookieShop#HOSTS} hosts of {@code productsPerHost} products whose
   * prices show only to a client that sends back the session cookie it was given.
   *
   * @throws IOException if an address cannot be bound
   */
  public static CookieShop startCookieShop(int productsPerHost) throws IOException {
    return CookieShop.start(productsPerHost);
  }

  /**
   * Starts a {@link ForwardProxy} (HTTP forwarding, HTTP CONNECT and SOCKS5 on one port) on {@code address}.
   *
   * @param username  the user name clients must give, or null for none
   * @param password  the password that goes with it, or null
   * @param hostNames names the proxy resolves itself, to loopback addresses (it never asks DNS)
   * @throws IOException if the address cannot be bound
   */
  public static ForwardProxy startProxy(String address, @Nullable String username, @Nullable String password,
      Map<String, String> hostNames) throws IOException {
    return ForwardProxy.start(address, username, password, hostNames);
  }

  /** The port every address listens on. */
  public int port() {
    return server.port();
  }

  /** The configuration this testbed was started with. */
  public TestbedConfig config() {
    return config;
  }

  /** Shop addresses in shop order, e.g. {@code "127.0.1.1"}. */
  public List<String> shopHosts() {
    return shopHosts;
  }

  /** One home page per shop, e.g. {@code http://127.0.1.1:PORT/} (with the trailing slash). */
  public List<URI> homePages() {
    return shopHosts.stream().map(host -> URI.create(GroundTruthBuilder.origin(host, port()) + "/")).toList();
  }

  public GroundTruth groundTruth() {
    return groundTruth;
  }

  public RequestLog requestLog() {
    return requestLog;
  }

  /** Stops listening, closes every connection, waits (bounded) for the event loops, frees the pages. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.close();
      pages.forEach(ShopPages::close);
    }
  }
}
