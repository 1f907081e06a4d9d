package dev.crawler.testbed;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.time.InstantSource;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Serves the {@link Fault} paths and the robots.txt variant of one {@link FaultHost}. Every wait is
 * scheduled on the connection's event loop.
 */
final class FaultSite implements Site {

  private static final long MAX_OVERRIDE_MS = 600_000;
  private static final int RESET_AFTER_BYTES = 8_192;
  private static final int ENDLESS_PIECE_BYTES = 16 * 1024;
  private static final int OVERSIZED_HEADER_BYTES = 100 * 1024;
  private static final long NEVER = Long.MIN_VALUE;

  private final FaultHost role;
  private final FaultConfig config;
  private final FaultBodies bodies;
  private final String redirectTargetOrigin;
  private final String ownOrigin;
  private final InstantSource clock;
  private final Map<String, AtomicInteger> flakyCounts;
  /** When the last request arrived on this host, for the hosts that mind a client in a hurry. */
  private final AtomicLong lastArrivalNanos = new AtomicLong(NEVER);
  /** Whether {@link FaultHost#ROBOTS_RATE_LIMITED} has refused its robots.txt once. */
  private final AtomicBoolean robotsRefused = new AtomicBoolean();

  FaultSite(FaultHost role, FaultConfig config, FaultBodies bodies, String ownOrigin, String redirectTargetOrigin,
      InstantSource clock, Map<String, AtomicInteger> flakyCounts) {
    this.role = role;
    this.config = config;
    this.bodies = bodies;
    this.ownOrigin = ownOrigin;
    this.redirectTargetOrigin = redirectTargetOrigin;
    this.clock = clock;
    this.flakyCounts = flakyCounts;
  }

  /** A fresh counter map for {@link Fault#FLAKY}, shared by the hosts of one shop. */
  static Map<String, AtomicInteger> newFlakyCounts() {
    return new ConcurrentHashMap<>();
  }

  @Override
  public void respond(Exchange exchange) {
    if (role == FaultHost.RATE_LIMITED && hurried(exchange)) {
      retryAfter(exchange, HttpResponseStatus.TOO_MANY_REQUESTS, String.valueOf(config.retryAfterSeconds()));
      return;
    }
    if (role == FaultHost.DROPS_CONNECTIONS && hurried(exchange)) {
      reset(exchange);
      return;
    }
    String path = exchange.path();
    Optional<Fault> fault = Fault.forPath(path);
    if (fault.isPresent()) {
      respond(exchange, fault.get());
    } else if (path.equals("/robots.txt")) {
      robots(exchange);
    } else if (path.equals("/robots-moved.txt")) {
      exchange.text(HttpResponseStatus.OK, Exchange.TEXT, "User-agent: *\nDisallow: /private/\n");
    } else if (path.equals("/")) {
      exchange.text(HttpResponseStatus.OK, Exchange.HTML, index());
    } else if (path.equals("/landing")) {
      exchange.text(HttpResponseStatus.OK, Exchange.HTML, SmallPages.page("Landing on " + role,
          "<h1>Landing</h1><p><a href=\"/landing/more\">More</a> &middot; "
              + "<a href=\"/private/secret\">Members only</a></p>"));
    } else if (path.equals("/catalogue")) {
      exchange.text(HttpResponseStatus.OK, Exchange.HTML, catalogue());
    } else if (path.startsWith("/product/") && productNumber(path).isPresent()) {
      exchange.text(HttpResponseStatus.OK, Exchange.HTML, product(productNumber(path).get()));
    } else if (path.equals("/landing/more") || path.equals("/private/secret")) {
      exchange.text(HttpResponseStatus.OK, Exchange.HTML, SmallPages.page(path, "<p>Nothing more here.</p>"));
    } else if (path.equals("/fault/redirect-loop-b")) {
      exchange.redirect(HttpResponseStatus.FOUND, ownOrigin + Fault.REDIRECT_LOOP.path());
    } else if (path.startsWith("/fault/redirect-chain/")) {
      redirectChain(exchange, path.substring("/fault/redirect-chain/".length()));
    } else {
      exchange.text(HttpResponseStatus.NOT_FOUND, Exchange.HTML, SmallPages.notFound(path));
    }
  }

  private void respond(Exchange exchange, Fault fault) {
    switch (fault) {
      case SLOW_FIRST_BYTE -> slowFirstByte(exchange);
      case DRIP -> drip(exchange);
      case RESET_MID_BODY -> reset(exchange);
      case SERVER_ERROR -> exchange.text(HttpResponseStatus.INTERNAL_SERVER_ERROR, Exchange.HTML,
          SmallPages.page("Server error", "<h1>Something went wrong</h1>"));
      case SERVICE_UNAVAILABLE -> retryAfter(exchange, HttpResponseStatus.SERVICE_UNAVAILABLE,
          String.valueOf(config.retryAfterSeconds()));
      case FLAKY -> flaky(exchange);
      case TOO_MANY_REQUESTS -> retryAfter(exchange, HttpResponseStatus.TOO_MANY_REQUESTS,
          String.valueOf(config.retryAfterSeconds()));
      case TOO_MANY_REQUESTS_DATE -> retryAfter(exchange, HttpResponseStatus.TOO_MANY_REQUESTS,
          DateFormatter.format(Date.from(clock.instant().plusSeconds(config.retryAfterSeconds()))));
      case ENDLESS_BODY -> endless(exchange);
      case LARGE_BODY -> large(exchange);
      case GZIP_BOMB -> gzipBomb(exchange);
      case REDIRECT_LOOP -> exchange.redirect(HttpResponseStatus.FOUND, "/fault/redirect-loop-b");
      case REDIRECT_CHAIN -> redirectChain(exchange, "0");
      case REDIRECT_OTHER_HOST -> exchange.redirect(HttpResponseStatus.MOVED_PERMANENTLY,
          redirectTargetOrigin + "/landing");
      case WRONG_CONTENT_TYPE -> exchange.text(HttpResponseStatus.OK, "image/jpeg",
          SmallPages.page("Not a JPEG", "<p>This is HTML whatever the header says.</p>"));
      case MISSING_CONTENT_TYPE -> exchange.text(HttpResponseStatus.OK, "",
          SmallPages.page("No type", "<p>This page came without a Content-Type.</p>"));
      case LYING_CHARSET -> exchange.text(HttpResponseStatus.OK, "text/html; charset=ISO-8859-1",
          FaultBodies.lyingCharsetPage());
      case LYING_CHARSET_CYRILLIC -> exchange.send(exchange.response(HttpResponseStatus.OK, "text/html; charset=utf-8",
          Unpooled.wrappedBuffer(FaultBodies.cyrillicPage())));
      case PDF_AT_HTML_URL -> exchange.send(exchange.response(HttpResponseStatus.OK, "application/pdf",
          Unpooled.wrappedBuffer(FaultBodies.PDF)));
      case PDF_LABELLED_HTML -> exchange.send(exchange.response(HttpResponseStatus.OK, Exchange.HTML,
          Unpooled.wrappedBuffer(FaultBodies.PDF)));
      case OVERSIZED_HEADER -> oversizedHeader(exchange);
      case MALFORMED_STATUS_LINE -> raw(exchange, "HTTP/1.1 two-hundred OK\r\nContent-Type: " + Exchange.HTML
          + "\r\nContent-Length: 2\r\n\r\nhi", 200);
    }
  }

  private void robots(Exchange exchange) {
    if (role == FaultHost.ROBOTS_RATE_LIMITED && robotsRefused.compareAndSet(false, true)) {
      retryAfter(exchange, HttpResponseStatus.TOO_MANY_REQUESTS, String.valueOf(config.retryAfterSeconds()));
      return;
    }
    switch (role) {
      case ROBOTS_500 -> exchange.text(HttpResponseStatus.INTERNAL_SERVER_ERROR, Exchange.TEXT, "robots broke\n");
      case ROBOTS_404 -> exchange.text(HttpResponseStatus.NOT_FOUND, Exchange.HTML, SmallPages.notFound("/robots.txt"));
      case ROBOTS_REDIRECT -> exchange.redirect(HttpResponseStatus.MOVED_PERMANENTLY, "/robots-moved.txt");
      case ROBOTS_CRAWL_DELAY -> exchange.text(HttpResponseStatus.OK, Exchange.TEXT,
          "User-agent: *\nCrawl-delay: " + config.crawlDelaySeconds() + "\nDisallow: /private/\n");
      case MAIN, REDIRECT_TARGET, RATE_LIMITED, DROPS_CONNECTIONS, ROBOTS_RATE_LIMITED -> exchange.text(HttpResponseStatus.OK, Exchange.TEXT,
          "User-agent: *\nDisallow: /private/\n");
    }
  }

  /**
   * Nothing for {@code firstByteDelay}, then a small page. A client that hangs up first ends the
   * exchange then, as {@link RequestLog} promises, not when the page would have gone out: a crawler
   * that gave up and asked again is not asking twice at once.
   */
  private void slowFirstByte(Exchange exchange) {
    Channel channel = exchange.ctx().channel();
    ChannelFutureListener hungUp = closed -> exchange.finish(200);
    channel.closeFuture().addListener(hungUp);
    exchange.executor().schedule(() -> {
      channel.closeFuture().removeListener(hungUp);
      exchange.text(HttpResponseStatus.OK, Exchange.HTML, SmallPages.page("Slow", "<p>Worth the wait.</p>"));
    }, millis(exchange, "ms", config.firstByteDelay()), TimeUnit.MILLISECONDS);
  }

  private void retryAfter(Exchange exchange, HttpResponseStatus status, String retryAfter) {
    FullHttpResponse response = exchange.response(status, Exchange.HTML, ByteBufUtil.writeUtf8(exchange.alloc(),
        SmallPages.page(status.reasonPhrase(), "<h1>" + status.reasonPhrase() + "</h1><p>Come back later.</p>")));
    response.headers().set(HttpHeaderNames.RETRY_AFTER, retryAfter);
    exchange.send(response);
  }

  private static void oversizedHeader(Exchange exchange) {
    FullHttpResponse response = exchange.response(HttpResponseStatus.OK, Exchange.HTML, ByteBufUtil.writeUtf8(
        exchange.alloc(), SmallPages.page("Big head", "<p>The head of this page is larger than its body.</p>")));
    response.headers().set("X-Padding", "x".repeat(OVERSIZED_HEADER_BYTES));
    exchange.send(response);
  }

  /**
   * Writes {@code response} to the socket as it is, past the HTTP encoder (which would refuse a
   * malformed head), and logs the exchange with {@code status} once written.
   */
  private static void raw(Exchange exchange, String response, int status) {
    exchange.ctx().pipeline().firstContext()
        .writeAndFlush(Unpooled.copiedBuffer(response, java.nio.charset.StandardCharsets.ISO_8859_1))
        .addListener(written -> exchange.finish(status));
  }

  private void flaky(Exchange exchange) {
    int failures = (int) Math.min(1_000, exchange.parameter("fail").flatMap(FaultSite::number)
        .orElse((long) config.flakyFailures()));
    int seen = flakyCounts.computeIfAbsent(exchange.host() + " " + exchange.uri(), key -> new AtomicInteger())
        .getAndIncrement();
    if (seen < failures) {
      exchange.text(HttpResponseStatus.SERVICE_UNAVAILABLE, Exchange.HTML,
          SmallPages.page("Try again", "<p>Attempt " + (seen + 1) + " failed; try again.</p>"));
    } else {
      exchange.text(HttpResponseStatus.OK, Exchange.HTML,
          SmallPages.page("Finally", "<p>Succeeded on attempt " + (seen + 1) + ".</p>"));
    }
  }

  private void redirectChain(Exchange exchange, String step) {
    Optional<Long> n = number(step);
    if (n.isEmpty()) {
      exchange.text(HttpResponseStatus.NOT_FOUND, Exchange.HTML, SmallPages.notFound(exchange.path()));
      return;
    }
    exchange.redirect(HttpResponseStatus.MOVED_PERMANENTLY, "/fault/redirect-chain/" + (n.get() + 1));
  }

  private void drip(Exchange exchange) {
    HttpResponse head = head(exchange, Exchange.HTML);
    HttpUtil.setContentLength(head, bodies.drip.length());
    long pause = TimeUnit.MILLISECONDS.toNanos(millis(exchange, "ms", config.dripInterval()));
    writeHeadThen(exchange, head, () -> new BodyStream(exchange, bodies.drip, bodies.drip.length(),
        config.dripChunkBytes(), pause, 200).start());
  }

  private void large(Exchange exchange) {
    HttpResponse head = head(exchange, Exchange.HTML);
    HttpUtil.setContentLength(head, config.largeBodyBytes());
    writeHeadThen(exchange, head, () -> new BodyStream(exchange, bodies.filler, config.largeBodyBytes(),
        FaultBodies.FILLER_BYTES, 0, 200).start());
  }

  private void endless(Exchange exchange) {
    HttpResponse head = head(exchange, Exchange.HTML);
    HttpUtil.setTransferEncodingChunked(head, true);
    long pause = TimeUnit.MILLISECONDS.toNanos(millis(exchange, "ms", Duration.ZERO));
    writeHeadThen(exchange, head, () -> new BodyStream(exchange, bodies.filler, BodyStream.ENDLESS,
        ENDLESS_PIECE_BYTES, pause, 200).start());
  }

  /** Head with Content-Length 65,536, then 8 KiB of body, then an RST instead of the rest. */
  private void reset(Exchange exchange) {
    HttpResponse head = head(exchange, Exchange.HTML);
    HttpUtil.setContentLength(head, bodies.resetBody.length());
    exchange.ctx().write(head);
    exchange.ctx().writeAndFlush(new DefaultHttpContent(
        bodies.resetBody.slice(0, RESET_AFTER_BYTES))).addListener((ChannelFuture written) -> {
          written.channel().config().setOption(ChannelOption.SO_LINGER, 0);
          written.channel().close().addListener(closed -> exchange.finish(200));
        });
  }

  private void gzipBomb(Exchange exchange) {
    FullHttpResponse response = exchange.response(HttpResponseStatus.OK, Exchange.HTML, bodies.gzipBomb.duplicate());
    response.headers().set(HttpHeaderNames.CONTENT_ENCODING, HttpHeaderValues.GZIP);
    exchange.send(response);
  }

  private HttpResponse head(Exchange exchange, String contentType) {
    HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    head.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    exchange.standardHeaders(head.headers());
    return head;
  }

  /** Sends the head (HEAD requests end there), then runs {@code body} once it is written. */
  private static void writeHeadThen(Exchange exchange, HttpResponse head, Runnable body) {
    if ("HEAD".equals(exchange.method())) {
      exchange.ctx().writeAndFlush(head);
      exchange.ctx().writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT)
          .addListener(f -> exchange.finish(200));
      return;
    }
    exchange.ctx().writeAndFlush(head).addListener((ChannelFuture written) -> {
      if (written.isSuccess()) {
        body.run();
      } else {
        exchange.finish(200);
      }
    });
  }

  private String index() {
    StringBuilder body = new StringBuilder("<h1>Fault host ").append(role).append("</h1>\n<ul>\n");
    for (Fault fault : Fault.values()) {
      body.append("<li><a href=\"").append(fault.path()).append("\">").append(fault).append("</a></li>\n");
    }
    body.append("<li><a href=\"/landing\">Landing</a></li>\n</ul>");
    return SmallPages.page("Faults on " + role, body.toString());
  }

  /**
   * Whether this request arrived sooner than {@code minRequestGap} after the one before it on this host;
   * every request counts as the one before the next, answered or not, as a rate limiter sees it.
   */
  private boolean hurried(Exchange exchange) {
    long before = lastArrivalNanos.getAndSet(exchange.startNanos());
    return before != NEVER && exchange.startNanos() - before < config.minRequestGap().toNanos();
  }

  private static String catalogue() {
    StringBuilder body = new StringBuilder("<h1>Catalogue</h1>\n<ul>\n");
    for (int n = 1; n <= FaultShop.CATALOGUE_PRODUCTS; n++) {
      body.append("<li><a href=\"/product/").append(n).append("\">Catalogue item ").append(n).append("</a></li>\n");
    }
    return SmallPages.page("Catalogue", body.append("</ul>").toString());
  }

  private static String product(long n) {
    String jsonLd = "{\"@context\":\"https://schema.org\",\"@type\":\"Product\",\"name\":\"Catalogue item " + n
        + "\",\"sku\":\"CAT-" + n + "\",\"offers\":{\"@type\":\"Offer\",\"price\":\"" + n + ".99\","
        + "\"priceCurrency\":\"EUR\",\"availability\":\"https://schema.org/InStock\"}}";
    return SmallPages.page("Catalogue item " + n, "<h1>Catalogue item " + n + "</h1>\n<p class=\"price\">"
        + n + ".99 EUR</p>\n<p>SKU CAT-" + n + "</p>\n<script type=\"application/ld+json\">" + jsonLd + "</script>");
  }

  /** N of {@code /product/N}, when N is one of the catalogue's. */
  private static Optional<Long> productNumber(String path) {
    return number(path.substring("/product/".length())).filter(n -> n >= 1 && n <= FaultShop.CATALOGUE_PRODUCTS);
  }

  private static long millis(Exchange exchange, String parameter, Duration fallback) {
    return exchange.parameter(parameter).flatMap(FaultSite::number).map(ms -> Math.min(ms, MAX_OVERRIDE_MS))
        .orElse(fallback.toMillis());
  }

  private static Optional<Long> number(String text) {
    if (text.isEmpty() || text.length() > 12 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(text));
  }
}
