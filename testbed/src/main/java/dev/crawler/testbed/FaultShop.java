package dev.crawler.testbed;

import java.io.IOException;
import java.net.URI;
import java.time.InstantSource;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server of hostile responses for testing a crawler's timeouts, limits, retries and robots handling.
 * Start one with {@link Testbed#startFaults(FaultConfig)}.
 *
 * <p>It listens on one port on each {@link FaultHost} address ({@code 127.0.3.1} to {@code 127.0.3.6}
 * by default). Every host serves:
 *
 * <table>
 * <caption>Paths</caption>
 * <tr><th>path</th><th>answer</th></tr>
 * <tr><td>{@code /}</td><td>an index linking every fault path and {@code /landing}</td></tr>
 * <tr><td>{@code /robots.txt}</td><td>depends on the host: 200, 500, 404, 301 to {@code /robots-moved.txt},
 *     or with {@code Crawl-delay: N} (see {@link FaultHost})</td></tr>
 * <tr><td>{@code /landing}</td><td>links {@code /landing/more} and {@code /private/secret} (both 200)</td></tr>
 * <tr><td>{@code /catalogue}</td><td>links {@code /product/1} .. {@code /product/20}, each a product page
 *     with JSON-LD (name {@code Catalogue item N}, SKU {@code CAT-N}, price {@code N.99 EUR})</td></tr>
 * <tr><td>{@code /fault/slow-first-byte[?ms=N]}</td><td>nothing for {@code firstByteDelay}, then 200</td></tr>
 * <tr><td>{@code /fault/drip[?ms=N]}</td><td>head at once, then {@code dripChunkBytes} every
 *     {@code dripInterval} up to {@code dripTotalBytes}</td></tr>
 * <tr><td>{@code /fault/reset}</td><td>Content-Length 65,536, 8,192 bytes, then TCP RST</td></tr>
 * <tr><td>{@code /fault/500}</td><td>500</td></tr>
 * <tr><td>{@code /fault/503}</td><td>503 with {@code Retry-After: retryAfterSeconds}</td></tr>
 * <tr><td>{@code /fault/flaky[?fail=N]}</td><td>503 for the first {@code flakyFailures} requests of each
 *     URL, then 200</td></tr>
 * <tr><td>{@code /fault/429}</td><td>429 with {@code Retry-After: retryAfterSeconds}</td></tr>
 * <tr><td>{@code /fault/429-date}</td><td>429 with {@code Retry-After: <HTTP-date now + retryAfterSeconds>}</td></tr>
 * <tr><td>{@code /fault/endless[?ms=N]}</td><td>chunked body that never ends</td></tr>
 * <tr><td>{@code /fault/large}</td><td>{@code largeBodyBytes} (10 MiB) with Content-Length</td></tr>
 * <tr><td>{@code /fault/gzip-bomb}</td><td>gzip-encoded HTML, ~1 KiB per MiB, inflating to
 *     {@code gzipBombBytes} (1 GiB)</td></tr>
 * <tr><td>{@code /fault/redirect-loop}</td><td>302 to {@code /fault/redirect-loop-b}, which 302s back</td></tr>
 * <tr><td>{@code /fault/redirect-chain/N}</td><td>301 to {@code /fault/redirect-chain/N+1}, forever</td></tr>
 * <tr><td>{@code /fault/redirect-other-host}</td><td>301 to {@code http://127.0.3.6:PORT/landing}</td></tr>
 * <tr><td>{@code /fault/wrong-content-type}</td><td>HTML labelled {@code image/jpeg}</td></tr>
 * <tr><td>{@code /fault/no-content-type}</td><td>HTML without a Content-Type header</td></tr>
 * <tr><td>{@code /fault/lying-charset}</td><td>a UTF-8 product page labelled ISO-8859-1</td></tr>
 * <tr><td>{@code /fault/lying-charset-cyrillic}</td><td>a windows-1251 product page labelled utf-8</td></tr>
 * <tr><td>{@code /fault/catalogue.html}</td><td>a PDF, labelled {@code application/pdf}</td></tr>
 * <tr><td>{@code /fault/pdf-labelled-html}</td><td>a PDF labelled {@code text/html}</td></tr>
 * <tr><td>{@code /fault/oversized-header}</td><td>200 with a 100 KiB {@code X-Padding} header</td></tr>
 * <tr><td>{@code /fault/malformed-status-line}</td><td>{@code HTTP/1.1 two-hundred OK}, then two bytes</td></tr>
 * <tr><td>anything else</td><td>404</td></tr>
 * </table>
 *
 * <p>Every delay is scheduled on the connection's event loop; streamed bodies are written only as fast
 * as the client reads them. Each exchange lands in {@link #requestLog()} when it ends, including those
 * cut short by the client or by a reset.
 *
 * <p>Thread-safe. Call {@link #close()} from a test thread, not from an event loop.
 */
public final class FaultShop implements AutoCloseable {
  /** The products of every host's {@code /catalogue}: {@code /product/1} to {@code /product/20}. */
  public static final int CATALOGUE_PRODUCTS = 20;

  private final FaultConfig config;
  private final LoopbackServer server;
  private final FaultBodies bodies;
  private final RequestLog requestLog;
  private final AtomicBoolean closed = new AtomicBoolean();

  private FaultShop(FaultConfig config, LoopbackServer server, FaultBodies bodies, RequestLog requestLog) {
    this.config = config;
    this.server = server;
    this.bodies = bodies;
    this.requestLog = requestLog;
  }

  static FaultShop start(FaultConfig config, InstantSource clock) throws IOException {
    List<String> addresses = Arrays.stream(FaultHost.values()).map(h -> config.addressPrefix() + h.number()).toList();
    FaultBodies bodies = new FaultBodies(config);
    RequestLog log = new RequestLog();
    SiteDirectory directory = new SiteDirectory();
    LoopbackServer server;
    try {
      server = LoopbackServer.start("faults", addresses, config.port(), directory, log, Duration.ZERO);
    } catch (IOException | RuntimeException e) {
      bodies.close();
      throw e;
    }
    Map<FaultHost, String> origins = new EnumMap<>(FaultHost.class);
    for (FaultHost host : FaultHost.values()) {
      origins.put(host, GroundTruthBuilder.origin(config.addressPrefix() + host.number(), server.port()));
    }
    Map<String, AtomicInteger> flakyCounts = FaultSite.newFlakyCounts();
    Map<String, Site> sites = new HashMap<>();
    for (FaultHost host : FaultHost.values()) {
      sites.put(config.addressPrefix() + host.number(), new FaultSite(host, config, bodies, origins.get(host),
          origins.get(FaultHost.REDIRECT_TARGET), clock, flakyCounts));
    }
    directory.install(sites);
    return new FaultShop(config, server, bodies, log);
  }

  /** The port every fault host listens on. */
  public int port() {
    return server.port();
  }

  public FaultConfig config() {
    return config;
  }

  /** The address of {@link FaultHost#MAIN}, e.g. {@code "127.0.3.1"}. */
  public String host() {
    return host(FaultHost.MAIN);
  }

  /** The address of one fault host, e.g. {@code "127.0.3.4"}. */
  public String host(FaultHost host) {
    return config.addressPrefix() + host.number();
  }

  /** The fault's URL on {@link FaultHost#MAIN}. */
  public URI uri(Fault fault) {
    return uri(FaultHost.MAIN, fault.path());
  }

  /** The fault's URL on the given host. */
  public URI uri(FaultHost host, Fault fault) {
    return uri(host, fault.path());
  }

  /** {@code http://HOST:PORT} + {@code pathAndQuery} (which must start with a slash). */
  public URI uri(FaultHost host, String pathAndQuery) {
    if (!pathAndQuery.startsWith("/")) {
      throw new IllegalArgumentException("pathAndQuery must start with '/' but was \"" + pathAndQuery + "\"");
    }
    return URI.create(GroundTruthBuilder.origin(host(host), port()) + pathAndQuery);
  }

  public RequestLog requestLog() {
    return requestLog;
  }

  /** Stops listening, closes every connection (ending endless bodies), waits (bounded) for the event loops. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.close();
      bodies.close();
    }
  }
}
