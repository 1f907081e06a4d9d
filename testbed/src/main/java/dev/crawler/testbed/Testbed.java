package dev.crawler.testbed;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
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
 * <p>The world changes in epochs: {@link #advanceEpoch()} moves it on while the shops keep serving, and
 * {@link #changes(int, int)} tells what truly changed between two epochs (see {@link EpochConfig}).
 *
 * <pre>{@code
 * crawl(testbed.homePages());
 * testbed.advanceEpoch();
 * recrawl();
 * assertThat(recorded).isEqualTo(testbed.changes(0, 1).changes());
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} stops everything; call it from a test thread, not from an event loop.
 */
public final class Testbed implements AutoCloseable {

  private final TestbedConfig config;
  private final LoopbackServer server;
  private final List<ShopPages> pages;
  private final List<ShopSite> shopSites;
  private final List<String> shopHosts;
  private final List<String> outsideHosts;
  private final RequestLog requestLog;
  private final CatalogEvolution evolution;
  private final AtomicBoolean closed = new AtomicBoolean();
  /** Held while advancing, so that two advances never interleave. */
  private final Object advancing = new Object();
  private volatile World world;

  /** The shops at one epoch and what a crawl of them should see. */
  private record World(int epoch, List<ShopModel> shops, GroundTruth groundTruth) {}

  private Testbed(TestbedConfig config, LoopbackServer server, List<ShopPages> pages, List<ShopSite> shopSites,
      List<String> shopHosts, List<String> outsideHosts, World world, RequestLog requestLog) {
    this.config = config;
    this.server = server;
    this.pages = pages;
    this.shopSites = shopSites;
    this.shopHosts = shopHosts;
    this.outsideHosts = outsideHosts;
    this.world = world;
    this.requestLog = requestLog;
    this.evolution = new CatalogEvolution(config);
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
    List<ShopSite> shopSites = new ArrayList<>();
    try {
      Map<String, Site> sites = new HashMap<>();
      for (ShopModel shop : shops) {
        ShopPages shopPages = new ShopPages(shop, GroundTruthBuilder.origin(shop.host(), port), outsideOrigins,
            config.productsPerCategoryPage(), config.maxPageBytes());
        pages.add(shopPages);
        ShopSite site = new ShopSite(shop, shopPages, config, GroundTruthBuilder.origin(shop.host(), port));
        shopSites.add(site);
        sites.put(shop.host(), site);
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
    return new Testbed(config, server, List.copyOf(pages), List.copyOf(shopSites), shopHosts, outsideHosts,
        new World(0, shops, truth), log);
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

  /** What a crawl of the shops as they are now, at {@link #epoch()}, should see. */
  public GroundTruth groundTruth() {
    return world.groundTruth();
  }

  /**
   * What a crawl of the shops at {@code epoch} should see, past, present or future: the world is the
   * same function of the seed whenever it is asked.
   *
   * @throws IllegalArgumentException unless {@code 0 <= epoch <=} {@link EpochConfig#MAX_EPOCH}
   */
  public GroundTruth groundTruth(int epoch) {
    World now = world;
    if (epoch == now.epoch()) {
      return now.groundTruth();
    }
    return GroundTruthBuilder.build(evolution.at(epoch), port(), config.productsPerCategoryPage(), outsideHosts);
  }

  /**
   * The epoch the shops serve now: 0 at start, the generated catalogue, exactly as a testbed without
   * epochs served it.
   */
  public int epoch() {
    return world.epoch();
  }

  /**
   * Moves the world on by one epoch while the shops keep serving; see {@link #advanceTo(int)}.
   *
   * @return the new epoch
   */
  public int advanceEpoch() {
    synchronized (advancing) {
      int next = world.epoch() + 1;
      advanceTo(next);
      return next;
    }
  }

  /**
   * Moves the world on, one epoch at a time, to {@code epoch}, while the shops keep serving. When it
   * returns, every shop serves {@code epoch}; a request in flight meanwhile sees one epoch or the next,
   * never a mix. Each step renders every page of every shop once (to date the pages that changed), so
   * a step of a large world takes a moment.
   *
   * @throws IllegalArgumentException if {@code epoch} is before the current one or above
   *     {@link EpochConfig#MAX_EPOCH}
   */
  public void advanceTo(int epoch) {
    EpochConfig.checkEpoch("epoch", epoch);
    synchronized (advancing) {
      World now = world;
      if (epoch < now.epoch()) {
        throw new IllegalArgumentException("epoch must not go back from " + now.epoch() + " but was " + epoch);
      }
      for (int e = now.epoch() + 1; e <= epoch; e++) {
        List<ShopModel> shops = evolution.next(now.shops(), e);
        for (int i = 0; i < shops.size(); i++) {
          shopSites.get(i).advance(shops.get(i), e);
        }
        now = new World(e, shops,
            GroundTruthBuilder.build(shops, port(), config.productsPerCategoryPage(), outsideHosts));
        world = now;
      }
    }
  }

  /**
   * The true changes between two epochs: what a crawler that read every product at {@code fromEpoch}
   * and again at {@code toEpoch} should record. Either epoch may be past, present or future.
   *
   * @throws IllegalArgumentException unless {@code 0 <= fromEpoch <= toEpoch <=} {@link EpochConfig#MAX_EPOCH}
   */
  public ChangeTruth changes(int fromEpoch, int toEpoch) {
    EpochConfig.checkEpoch("fromEpoch", fromEpoch);
    Checks.range("toEpoch", toEpoch, fromEpoch, EpochConfig.MAX_EPOCH);
    List<ShopModel> from = evolution.at(fromEpoch);
    List<ShopModel> to = from;
    for (int e = fromEpoch + 1; e <= toEpoch; e++) {
      to = evolution.next(to, e);
    }
    return ChangeTruthBuilder.build(fromEpoch, from, toEpoch, to, port());
  }

  /** When {@code epoch} began: the {@code Last-Modified} of a page that last changed at that epoch. */
  public Instant epochStart(int epoch) {
    return config.epochs().start(epoch);
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
