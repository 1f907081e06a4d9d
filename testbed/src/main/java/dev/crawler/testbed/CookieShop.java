package dev.crawler.testbed;

import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shops that show prices only to a client that keeps their cookies, as shops with a session or
 * consent cookie do. Start one with {@link Testbed#startCookieShop(int)}.
 *
 * <p>Each of its {@link #HOSTS} hosts ({@code 127.0.4.1}, {@code 127.0.4.2}) serves:
 * <table>
 * <caption>Paths</caption>
 * <tr><th>path</th><th>answer</th></tr>
 * <tr><td>{@code /robots.txt}</td><td>allows everything</td></tr>
 * <tr><td>{@code /}</td><td>links every product page; to a request without this host's session cookie it
 *     sets {@code session} (a token of this host, {@code Path=/}), and three cookies a careful client
 *     never sends back here: {@code basket} ({@code Path=/cart}), {@code tracker} ({@code Domain} of
 *     another site) and {@code secure} ({@code Secure}, set over plain http)</td></tr>
 * <tr><td>{@code /p/N}</td><td>a product page (JSON-LD and visible text); its price is only on it when the
 *     request carries a session token this host issued, otherwise it says "accept cookies to see prices"</td></tr>
 * </table>
 *
 * <p>It counts what it saw: product pages answered with and without a price, and every request that
 * carried a cookie it should not have (another host's session, or one of the three above): see
 * {@link #violations()}. Thread-safe; close it from a test thread.
 */
public final class CookieShop implements AutoCloseable {
  /** Hosts of the shop. */
  public static final int HOSTS = 2;
  private static final String PREFIX = "127.0.4.";

  private final LoopbackServer server;
  private final RequestLog requestLog;
  private final int productsPerHost;
  private final AtomicLong priced = new AtomicLong();
  private final AtomicLong unpriced = new AtomicLong();
  private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
  private final AtomicBoolean closed = new AtomicBoolean();

  private CookieShop(LoopbackServer server, RequestLog requestLog, int productsPerHost) {
    this.server = server;
    this.requestLog = requestLog;
    this.productsPerHost = productsPerHost;
  }

  static CookieShop start(int productsPerHost) throws IOException {
    Checks.range("productsPerHost", productsPerHost, 1, 10_000);
    List<String> addresses = new ArrayList<>();
    for (int i = 1; i <= HOSTS; i++) {
      addresses.add(PREFIX + i);
    }
    RequestLog log = new RequestLog();
    SiteDirectory directory = new SiteDirectory();
    LoopbackServer server = LoopbackServer.start("cookie-shop", addresses, 0, directory, log, Duration.ZERO);
    CookieShop shop = new CookieShop(server, log, productsPerHost);
    Map<String, Site> sites = new HashMap<>();
    AtomicInteger tokens = new AtomicInteger();
    for (String address : addresses) {
      sites.put(address, shop.new GatedSite(address, tokens));
    }
    directory.install(sites);
    return shop;
  }

  /** One home page per host, e.g. {@code http://127.0.4.1:PORT/}. */
  public List<URI> homePages() {
    List<URI> pages = new ArrayList<>();
    for (int i = 1; i <= HOSTS; i++) {
      pages.add(URI.create(GroundTruthBuilder.origin(PREFIX + i, server.port()) + "/"));
    }
    return pages;
  }

  /** Every product's name and its price, in euros. */
  public Map<String, BigDecimal> prices() {
    Map<String, BigDecimal> prices = new HashMap<>();
    for (int host = 1; host <= HOSTS; host++) {
      for (int n = 1; n <= productsPerHost; n++) {
        prices.put(name(host, n), price(host, n));
      }
    }
    return prices;
  }

  /** Product pages answered with their price. */
  public long pricedPages() {
    return priced.get();
  }

  /** Product pages answered without a price, for want of the session cookie. */
  public long unpricedPages() {
    return unpriced.get();
  }

  /** Each request that carried a cookie it should not have: what, and where. */
  public List<String> violations() {
    synchronized (violations) {
      return List.copyOf(violations);
    }
  }

  public RequestLog requestLog() {
    return requestLog;
  }

  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.close();
    }
  }

  static String name(int host, int n) {
    return "Cookie-gated kettle " + host + "-" + n;
  }

  static BigDecimal price(int host, int n) {
    return new BigDecimal((10 * host + n) + ".99");
  }

  /** One host: issues session tokens of its own and checks the cookies each request brings. */
  private final class GatedSite implements Site {
    private final String address;
    private final int hostNumber;
    private final AtomicInteger tokens;
    private final Set<String> issued = ConcurrentHashMap.newKeySet();

    GatedSite(String address, AtomicInteger tokens) {
      this.address = address;
      this.hostNumber = Integer.parseInt(address.substring(PREFIX.length()));
      this.tokens = tokens;
    }

    @Override
    public void respond(Exchange exchange) {
      Map<String, String> cookies = cookies(exchange);
      check(exchange, cookies);
      boolean session = Optional.ofNullable(cookies.get("session")).filter(issued::contains).isPresent();
      String path = exchange.path();
      if (path.equals("/robots.txt")) {
        exchange.text(HttpResponseStatus.OK, Exchange.TEXT, "User-agent: *\nDisallow:\n");
      } else if (path.equals("/")) {
        home(exchange, session);
      } else if (path.startsWith("/p/") && number(path.substring(3)).isPresent()) {
        product(exchange, number(path.substring(3)).get(), session);
      } else {
        exchange.text(HttpResponseStatus.NOT_FOUND, Exchange.HTML, SmallPages.notFound(path));
      }
    }

    private void home(Exchange exchange, boolean session) {
      StringBuilder body = new StringBuilder("<h1>Kettles</h1>\n<ul>\n");
      for (int n = 1; n <= productsPerHost; n++) {
        body.append("<li><a href=\"/p/").append(n).append("\">").append(Html.escape(name(hostNumber, n)))
            .append("</a></li>\n");
      }
      body.append("</ul>");
      FullHttpResponse response = exchange.response(HttpResponseStatus.OK, Exchange.HTML,
          ByteBufUtil.writeUtf8(exchange.alloc(), SmallPages.page("Kettles", body.toString())));
      if (!session) {
        String token = "h" + hostNumber + "-" + tokens.incrementAndGet();
        issued.add(token);
        response.headers().add(HttpHeaderNames.SET_COOKIE, "session=" + token + "; Path=/; HttpOnly");
        response.headers().add(HttpHeaderNames.SET_COOKIE, "basket=empty; Path=/cart");
        response.headers().add(HttpHeaderNames.SET_COOKIE, "tracker=1; Domain=ads.example; Path=/");
        response.headers().add(HttpHeaderNames.SET_COOKIE, "secure=1; Secure; Path=/");
      }
      exchange.send(response);
    }

    private void product(Exchange exchange, int n, boolean session) {
      if (n < 1 || n > productsPerHost) {
        exchange.text(HttpResponseStatus.NOT_FOUND, Exchange.HTML, SmallPages.notFound(exchange.path()));
        return;
      }
      String name = name(hostNumber, n);
      String offers = session
          ? ",\"offers\":{\"@type\":\"Offer\",\"price\":\"" + price(hostNumber, n) + "\",\"priceCurrency\":\"EUR\"}"
          : "";
      String visible = session
          ? "<p class=\"price\">" + price(hostNumber, n) + " €</p><button>Add to basket</button>"
          : "<p class=\"consent\">Please accept cookies to see prices.</p>";
      String html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Html.escape(name)
          + "</title>\n<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"Product\","
          + "\"name\":\"" + name + "\",\"sku\":\"K-" + hostNumber + "-" + n + "\"" + offers + "}</script>\n"
          + "</head><body><h1>" + Html.escape(name) + "</h1>\n" + visible + "\n</body></html>\n";
      (session ? priced : unpriced).incrementAndGet();
      exchange.text(HttpResponseStatus.OK, Exchange.HTML, html);
    }

    private Map<String, String> cookies(Exchange exchange) {
      Map<String, String> cookies = new HashMap<>();
      exchange.requestHeader(HttpHeaderNames.COOKIE).ifPresent(header -> {
        for (Cookie cookie : ServerCookieDecoder.LAX.decode(header)) {
          cookies.putIfAbsent(cookie.name(), cookie.value());
        }
      });
      return cookies;
    }

    private void check(Exchange exchange, Map<String, String> cookies) {
      String session = cookies.get("session");
      if (session != null && !issued.contains(session)) {
        violations.add(address + exchange.path() + ": session " + session + " of another host");
      }
      if (cookies.containsKey("basket") && !exchange.path().startsWith("/cart")) {
        violations.add(address + exchange.path() + ": basket cookie outside /cart");
      }
      if (cookies.containsKey("tracker")) {
        violations.add(address + exchange.path() + ": tracker cookie of another domain");
      }
      if (cookies.containsKey("secure")) {
        violations.add(address + exchange.path() + ": secure cookie over plain http");
      }
    }

    private static Optional<Integer> number(String text) {
      if (text.isEmpty() || text.length() > 6 || !text.chars().allMatch(Character::isDigit)) {
        return Optional.empty();
      }
      return Optional.of(Integer.parseInt(text));
    }
  }
}
