package dev.crawler.core.fetch;

import dev.crawler.core.config.CrawlConfig;
import dev.crawler.core.config.ProxyRule;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.pool.AbstractChannelPoolHandler;
import io.netty.channel.pool.AbstractChannelPoolMap;
import io.netty.channel.pool.ChannelHealthChecker;
import io.netty.channel.pool.ChannelPool;
import io.netty.channel.pool.FixedChannelPool;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.proxy.HttpProxyHandler;
import io.netty.handler.proxy.ProxyHandler;
import io.netty.handler.proxy.Socks5ProxyHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.resolver.NoopAddressResolverGroup;
import io.netty.resolver.dns.DefaultDnsCache;
import io.netty.resolver.dns.DefaultDnsCnameCache;
import io.netty.resolver.dns.DnsAddressResolverGroup;
import io.netty.resolver.dns.DnsNameResolverBuilder;
import io.netty.resolver.dns.DnsServerAddressStreamProvider;
import io.netty.resolver.dns.DnsServerAddressStreamProviders;
import io.netty.util.AttributeKey;
import io.netty.util.NetUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A non-blocking HTTP/1.1 client for crawling.
 *
 * <h2>What a request gets</h2>
 * <ul>
 *   <li><b>Connections</b>: one {@link FixedChannelPool} of keep-alive connections per origin, holding
 *       at most {@code maxConnectionsPerOrigin} (the crawl passes {@code politeness.permitsPerHost}, so
 *       the scheduler's permits and the pool agree, and a request outside the scheduler, such as a
 *       robots.txt redirect to another origin, waits for a connection instead of opening one more).
 *       A connection idle for the read timeout is closed.</li>
 *   <li><b>DNS</b>: asynchronous ({@link DnsAddressResolverGroup}), with one explicit cache for all
 *       event loops that keeps each answer for its TTL, clamped to {@code fetch.dnsMinTtl} ..
 *       {@code fetch.dnsMaxTtl}, and a failed name for {@code fetch.dnsNegativeTtl}. Every resolved
 *       address then passes the {@link AddressPolicy} before a connection is made.</li>
 *   <li><b>TLS</b>: the platform's default trust store, SNI with the URL's host name, and host-name
 *       verification (RFC 2818), which Netty's client context leaves off unless asked.</li>
 *   <li><b>Content</b>: {@code Accept-Encoding: gzip, deflate} and {@code br} when the brotli native
 *       library loads; decoded bodies are capped at the body limit (see {@link BoundedContentDecompressor}).</li>
 *   <li><b>Timeouts</b>: connect ({@code fetch.connectTimeout}), first byte of the response
 *       ({@code fetch.firstByteTimeout}), silence between bytes ({@code fetch.readTimeout}), and the
 *       whole fetch from the call to the last byte, waiting for a connection included
 *       ({@code fetch.totalTimeout}).</li>
 *   <li><b>Cookies</b> ({@code fetch.cookies}): by default each host's {@code Set-Cookie}s are kept in
 *       memory for the run and sent back to that host only, for shops that show prices only after a
 *       session or consent cookie; bounded in count and bytes. See {@link CookieJar}. {@code off} keeps
 *       and sends none.</li>
 *   <li><b>Proxies</b> ({@code fetch.proxies}): a host that a rule routes through a proxy is connected
 *       to through Netty's proxy handlers: {@link Socks5ProxyHandler} for a SOCKS5 proxy,
 *       {@link HttpProxyHandler} (a CONNECT tunnel) for an https site behind an HTTP proxy, and plain
 *       forwarding (the request line names the absolute URL) for an http site behind one. The target's
 *       name is handed to the proxy unresolved, so it never reaches local DNS, and the
 *       {@link AddressPolicy} checks what it can without resolving it
 *       ({@link AddressPolicy#permitsWithoutResolving}). Credentials come from the environment
 *       ({@link ProxyRoutes}).</li>
 * </ul>
 *
 * <p>Redirects are not followed here: a 3xx is returned as a response so that the crawl can check the
 * target against its scope, robots rules and hop limit like any link.
 *
 * <p>{@link #fetch} never blocks: it returns a future that an event loop completes, and callers must
 * move any real work to their own executor. Thread-safe.
 */
public final class HttpFetcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpFetcher.class);
    static final AttributeKey<Exchange> EXCHANGE = AttributeKey.valueOf("crawler.exchange");
    /** Exchanges a connection has carried: a kept-alive connection that fails before any answer was closed while pooled. */
    private static final AttributeKey<Integer> EXCHANGES_SERVED = AttributeKey.valueOf("crawler.exchanges-served");
    /**
     * The proxy handshake of a connection made through a proxy. Kept as an attribute, not looked up in
     * the pipeline: a handshake that failed closes the channel, and a closed channel's pipeline is
     * emptied, so by the time a fetch looks the handler may be gone.
     */
    private static final AttributeKey<Future<Channel>> PROXY_HANDSHAKE = AttributeKey.valueOf("crawler.proxy-handshake");
    /** Connections per origin when the caller does not say: enough for sitemap and one-off fetches. */
    private static final int DEFAULT_CONNECTIONS_PER_ORIGIN = 8;
    /** Fetches waiting for a connection of one origin at most; more means the scheduler lost count. */
    private static final int MAX_PENDING_ACQUIRES = 10_000;
    private static final int MAX_INITIAL_LINE_BYTES = 8 * 1024;
    private static final int MAX_HEADER_BYTES = 32 * 1024;
    private static final int MAX_CHUNK_BYTES = 16 * 1024;

    private final CrawlConfig.Fetch config;
    private final EventLoopGroup group;
    private final GuardedResolverGroup resolver;
    private final SslContext sslContext;
    private final AbstractChannelPoolMap<String, FixedChannelPool> pools;
    private final Map<String, ConnectionCounter> connections = new ConcurrentHashMap<>();
    private final AddressPolicy addressPolicy;
    private final ProxyRoutes proxies;
    private final CookieJar cookies;
    private final int maxConnectionsPerOrigin;

    /** A fetcher for one-off fetches an operator asked for: any address, a few connections per origin. */
    public HttpFetcher(CrawlConfig.Fetch config) {
        this(config, DEFAULT_CONNECTIONS_PER_ORIGIN, AddressPolicy.allowAll());
    }

    /**
     * @param maxConnectionsPerOrigin the pool size of each origin; a crawl passes its permits per host
     * @param addressPolicy           which hosts may connect to non-public addresses
     */
    public HttpFetcher(CrawlConfig.Fetch config, int maxConnectionsPerOrigin, AddressPolicy addressPolicy) {
        this(config, maxConnectionsPerOrigin, addressPolicy, null, DnsServerAddressStreamProviders.platformDefault());
    }

    /**
     * For tests: a trust store of their own (for a self-signed loopback server) and DNS servers of
     * their own. Not public: a crawl always uses the platform's trust store and resolvers.
     */
    HttpFetcher(CrawlConfig.Fetch config, int maxConnectionsPerOrigin, AddressPolicy addressPolicy,
            @Nullable TrustManagerFactory trust, DnsServerAddressStreamProvider dnsServers) {
        this(config, maxConnectionsPerOrigin, addressPolicy, trust, dnsServers,
                ProxyRoutes.resolve(config.proxies(), System::getenv), InstantSource.system());
    }

    /**
     * For tests: also proxies whose credentials come from an environment of their own, and the clock
     * cookies expire by.
     *
     * @throws IllegalArgumentException when {@code maxConnectionsPerOrigin} is below 1
     */
    HttpFetcher(CrawlConfig.Fetch config, int maxConnectionsPerOrigin, AddressPolicy addressPolicy,
            @Nullable TrustManagerFactory trust, DnsServerAddressStreamProvider dnsServers, ProxyRoutes proxies,
            InstantSource clock) {
        if (maxConnectionsPerOrigin < 1) {
            throw new IllegalArgumentException("maxConnectionsPerOrigin must be at least 1, was " + maxConnectionsPerOrigin);
        }
        this.config = config;
        this.addressPolicy = addressPolicy;
        this.proxies = proxies;
        this.cookies = config.keepsCookies() ? new CookieJar(config.maxCookiesPerHost(), config.maxCookieBytes(), clock)
                : CookieJar.off();
        this.maxConnectionsPerOrigin = maxConnectionsPerOrigin;
        // Touches the brotli native library here, on the caller's thread, never first on an event loop.
        boolean brotli = BoundedContentDecompressor.BROTLI;
        this.group = new NioEventLoopGroup(config.ioThreads(), new DefaultThreadFactory("crawler-io", true));
        this.resolver = new GuardedResolverGroup(new DnsAddressResolverGroup(dnsResolver(config, dnsServers)), addressPolicy);
        this.sslContext = buildSslContext(trust);
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .resolver(resolver)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis()));
        long acquireTimeoutMillis = config.totalTimeout().toMillis();
        this.pools = new AbstractChannelPoolMap<>() {
            @Override
            protected FixedChannelPool newPool(String origin) {
                URI uri = URI.create(origin);
                InetSocketAddress target = InetSocketAddress.createUnresolved(bareHost(uri), uri.getPort());
                Optional<ProxyRoutes.Route> route = proxies.forHost(bareHost(uri));
                Bootstrap forOrigin = bootstrap.clone().remoteAddress(target);
                if (route.isPresent()) {
                    // Nothing is resolved here: a proxy handler passes the target's name on to the proxy,
                    // and a forwarding connection goes to the proxy's address, resolved when the crawl began.
                    forOrigin.resolver(NoopAddressResolverGroup.INSTANCE);
                    if (forwards(route.get(), uri)) {
                        forOrigin.remoteAddress(route.get().proxy());
                    }
                }
                ConnectionCounter counter = connections.computeIfAbsent(origin, o -> new ConnectionCounter());
                return new FixedChannelPool(forOrigin, new PipelineInitializer(uri, route, counter), ChannelHealthChecker.ACTIVE,
                        FixedChannelPool.AcquireTimeoutAction.FAIL, acquireTimeoutMillis, maxConnectionsPerOrigin,
                        MAX_PENDING_ACQUIRES, true, true);
            }
        };
        if (brotli) {
            LOG.debug("brotli decoding available");
        }
        if (!proxies.isEmpty()) {
            // Names the proxies and the variables their credentials come from; never the credentials.
            LOG.info("fetching through proxies, first matching rule first: {}", proxies);
        }
    }

    /** Starts a GET of {@code uri} on the connection pool of {@code origin}, keeping at most {@code fetch.maxBodyBytes}. */
    public CompletableFuture<FetchOutcome> fetch(URI uri, String origin) {
        return fetch(uri, origin, BodyLimit.failAbove(config.maxBodyBytes()));
    }

    /**
     * Starts a GET of {@code uri} on the connection pool of {@code origin}.
     *
     * @param limit the most body bytes to keep, and what a longer body becomes
     * @return a future completed on an event-loop thread with the response or the failure; never
     *         completed exceptionally
     */
    public CompletableFuture<FetchOutcome> fetch(URI uri, String origin, BodyLimit limit) {
        return fetch(uri, origin, limit, Validators.NONE);
    }

    /**
     * Like {@link #fetch(URI, String, BodyLimit)}, made conditional on {@code validators}: a server
     * that still has the same page answers {@code 304} without a body.
     */
    public CompletableFuture<FetchOutcome> fetch(URI uri, String origin, BodyLimit limit, Validators validators) {
        CompletableFuture<FetchOutcome> result = new CompletableFuture<>();
        String host = bareHost(uri);
        if (proxies.forHost(host).isPresent() && !addressPolicy.permitsWithoutResolving(host)) {
            result.complete(new FetchOutcome.Failure(uri, FailureClass.BLOCKED_ADDRESS,
                    "BlockedAddressException: " + host + " is a local or private host, not fetched through a proxy"));
            return result;
        }
        attempt(new Attempt(uri, origin, limit, result, System.nanoTime(), validators), maxConnectionsPerOrigin);
        return result;
    }

    /**
     * One fetch: what it asks for, and its one result, whichever connection it ends on.
     *
     * @param started {@link System#nanoTime()} when the fetch was asked for: the total timeout counts from it
     */
    private record Attempt(URI uri, String origin, BodyLimit limit, CompletableFuture<FetchOutcome> result, long started,
            Validators validators) {
    }

    /**
     * Sends the fetch on a pooled connection.
     *
     * @param staleRetries how many more pooled connections may turn out closed by the server before the
     *                     request reached it; each is replaced, the request sent again on another
     */
    private void attempt(Attempt fetch, int staleRetries) {
        URI uri = fetch.uri();
        CompletableFuture<FetchOutcome> result = fetch.result();
        ChannelPool pool = pools.get(fetch.origin());
        long totalLeft = Math.max(1, config.totalTimeout().toNanos() - (System.nanoTime() - fetch.started()));
        // Bounds the wait for a connection (DNS, connect, a free pooled connection); the exchange has its own timer.
        ScheduledFuture<?> acquireTimer = group.next().schedule(() -> result.complete(new FetchOutcome.Failure(uri,
                FailureClass.TIMEOUT, "no connection within the total timeout of " + config.totalTimeout())),
                totalLeft, TimeUnit.NANOSECONDS);
        pool.acquire().addListener((Future<Channel> acquired) -> {
            acquireTimer.cancel(false);
            if (!acquired.isSuccess()) {
                result.complete(acquireFailure(uri, acquired.cause()));
                return;
            }
            Channel channel = acquired.getNow();
            if (result.isDone()) {
                pool.release(channel);
                return;
            }
            // The pool hands out a connection once TCP is up; through a proxy the request also waits for
            // the proxy's handshake, so a proxy that refuses us is reported as such, not as a connection
            // that closed under a request it never saw. The listener runs on the channel's event loop.
            Future<Channel> proxied = channel.attr(PROXY_HANDSHAKE).get();
            Future<Channel> handshake = proxied == null ? channel.eventLoop().newSucceededFuture(channel) : proxied;
            handshake.addListener(done -> {
                if (!done.isSuccess()) {
                    pool.release(channel);
                    result.complete(acquireFailure(uri, done.cause()));
                } else if (result.isDone()) {
                    pool.release(channel);
                } else {
                    send(fetch, channel, pool, staleRetries);
                }
            });
        });
    }

    /**
     * Like {@link #fetch(URI, String, BodyLimit)}, but started {@code wait} from now: for a follow-up
     * request, such as a redirect hop, that has to keep a host's politeness delay. The wait is a timer
     * on an event loop; no thread sleeps.
     */
    public CompletableFuture<FetchOutcome> fetchAfter(Duration wait, URI uri, String origin, BodyLimit limit) {
        if (wait.isZero() || wait.isNegative()) {
            return fetch(uri, origin, limit);
        }
        CompletableFuture<FetchOutcome> result = new CompletableFuture<>();
        group.next().schedule(() -> fetch(uri, origin, limit).whenComplete((outcome, error) -> {
            if (error != null) {
                result.completeExceptionally(error);
            } else {
                result.complete(outcome);
            }
        }), wait.toNanos(), TimeUnit.NANOSECONDS);
        return result;
    }

    /** The connection pools' counts by origin, for tests and reports. */
    public Map<String, ConnectionStats> connectionStats() {
        Map<String, ConnectionStats> stats = new TreeMap<>();
        for (Map.Entry<String, FixedChannelPool> entry : pools) {
            ConnectionCounter counter = connections.get(entry.getKey());
            stats.put(entry.getKey(), counter == null ? new ConnectionStats(0, 0, 0, entry.getValue().acquiredChannelCount())
                    : counter.snapshot(entry.getValue().acquiredChannelCount()));
        }
        return stats;
    }

    private void send(Attempt fetch, Channel channel, ChannelPool pool, int staleRetries) {
        URI uri = fetch.uri();
        long started = fetch.started();
        int served = channel.attr(EXCHANGES_SERVED).get() == null ? 0 : channel.attr(EXCHANGES_SERVED).get();
        channel.attr(EXCHANGES_SERVED).set(served + 1);
        CompletableFuture<FetchOutcome> outcome = new CompletableFuture<>();
        Exchange exchange = new Exchange(uri, channel, pool, outcome, fetch.limit(), cookies);
        outcome.whenComplete((done, error) -> {
            if (served > 0 && staleRetries > 0 && !exchange.hasFirstByte() && done instanceof FetchOutcome.Failure failure
                    && failure.failureClass() == FailureClass.CONNECTION_RESET) {
                // A kept-alive connection the server (or our idle timer) had already closed: the request
                // never reached the host, so this says nothing about the host or the page. Ask again on
                // another connection, as HTTP clients do for a GET.
                attempt(fetch, staleRetries - 1);
            } else if (error != null) {
                fetch.result().completeExceptionally(error);
            } else {
                fetch.result().complete(done);
            }
        });
        channel.attr(EXCHANGE).set(exchange);
        IdleStateHandler idle = channel.pipeline().get(IdleStateHandler.class);
        if (idle != null) {
            // The connection may have sat in the pool; silence is counted from this request on.
            idle.resetReadTimeout();
        }
        long totalLeft = Math.max(1, config.totalTimeout().toNanos() - (System.nanoTime() - started));
        exchange.timer(channel.eventLoop().schedule(
                () -> exchange.fail(FailureClass.TIMEOUT, "exchange exceeded the total timeout of " + config.totalTimeout()),
                totalLeft, TimeUnit.NANOSECONDS));
        exchange.timer(channel.eventLoop().schedule(() -> {
            if (!exchange.hasFirstByte()) {
                exchange.fail(FailureClass.TIMEOUT, "no response within the first-byte timeout of " + config.firstByteTimeout());
            }
        }, config.firstByteTimeout().toNanos(), TimeUnit.NANOSECONDS));
        channel.writeAndFlush(request(uri, fetch.validators())).addListener(written -> {
            if (!written.isSuccess()) {
                exchange.fail(FailureClassifier.classify(written.cause()), FailureClassifier.describe(written.cause()));
            }
        });
    }

    private static FetchOutcome acquireFailure(URI uri, Throwable cause) {
        if (cause instanceof IllegalStateException) {
            // The pool refused: too many fetches waiting for one origin, or it is closing.
            return new FetchOutcome.Failure(uri, FailureClass.OVERLOADED, FailureClassifier.describe(cause));
        }
        return new FetchOutcome.Failure(uri, FailureClassifier.classify(cause), FailureClassifier.describe(cause));
    }

    private FullHttpRequest request(URI uri, Validators validators) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        boolean defaultPort = uri.getPort() == -1
                || (uri.getScheme().equals("http") && uri.getPort() == 80)
                || (uri.getScheme().equals("https") && uri.getPort() == 443);
        String hostHeader = defaultPort ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        Optional<ProxyRoutes.Route> route = proxies.forHost(bareHost(uri));
        boolean forwarded = route.isPresent() && forwards(route.get(), uri);
        // A forwarding proxy is sent the absolute URL (RFC 9112, section 3.2.2); anyone else the path.
        String requestTarget = forwarded ? uri.getScheme() + "://" + hostHeader + target : target;
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, requestTarget);
        request.headers()
                .set(HttpHeaderNames.HOST, hostHeader)
                .set(HttpHeaderNames.USER_AGENT, config.userAgent())
                .set(HttpHeaderNames.ACCEPT, "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
                .set(HttpHeaderNames.ACCEPT_ENCODING, BoundedContentDecompressor.acceptEncoding())
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        cookies.header(uri).ifPresent(cookie -> request.headers().set(HttpHeaderNames.COOKIE, cookie));
        if (validators.etag() != null) {
            request.headers().set(HttpHeaderNames.IF_NONE_MATCH, validators.etag());
        }
        if (validators.lastModified() != null) {
            request.headers().set(HttpHeaderNames.IF_MODIFIED_SINCE, validators.lastModified());
        }
        if (forwarded && route.get().credentials() != null) {
            request.headers().set(HttpHeaderNames.PROXY_AUTHORIZATION, basic(route.get().credentials()));
        }
        return request;
    }

    /** An http site behind an HTTP proxy is forwarded to (no tunnel: proxies often allow CONNECT to port 443 only). */
    private static boolean forwards(ProxyRoutes.Route route, URI origin) {
        return route.rule().kind() == ProxyRule.Kind.HTTP && "http".equals(origin.getScheme());
    }

    private static String basic(ProxyRoutes.Credentials credentials) {
        String pair = credentials.username() + ":" + credentials.password();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Closes every connection and stops the event loops. The pool map is not closed on its own: its
     * close waits for each channel on Netty's global executor, a blocking call on a Netty thread;
     * shutting the group down closes the same channels without waiting on any loop.
     */
    @Override
    public void close() {
        resolver.close();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }

    private static DnsNameResolverBuilder dnsResolver(CrawlConfig.Fetch config, DnsServerAddressStreamProvider servers) {
        int min = seconds(config.dnsMinTtl());
        int max = seconds(config.dnsMaxTtl());
        return new DnsNameResolverBuilder()
                .channelType(NioDatagramChannel.class)
                .nameServerProvider(servers)
                .resolveCache(new DefaultDnsCache(min, max, seconds(config.dnsNegativeTtl())))
                .cnameCache(new DefaultDnsCnameCache(min, max))
                .queryTimeoutMillis(Math.max(1, config.connectTimeout().toMillis()));
    }

    private static int seconds(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toSeconds());
    }

    private static SslContext buildSslContext(@Nullable TrustManagerFactory trust) {
        try {
            SslContextBuilder builder = SslContextBuilder.forClient();
            if (trust != null) {
                builder.trustManager(trust);
            }
            return builder.build();
        } catch (SSLException e) {
            throw new IllegalStateException("the platform's default TLS setup is unusable", e);
        }
    }

    /**
     * The SNI name for a host: set explicitly because the JDK sends one only for names with a dot
     * (so not for {@code localhost} or an intranet name); none for an address literal, as RFC 6066 says.
     */
    private static Optional<SNIHostName> sniName(String host) {
        if (NetUtil.isValidIpV4Address(host) || NetUtil.isValidIpV6Address(host)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SNIHostName(host));
        } catch (IllegalArgumentException e) {
            // Not a valid DNS name for SNI (an underscore, say): the server gets no name and picks its default.
            return Optional.empty();
        }
    }

    /** {@code [::1]} as {@code ::1}: a socket address wants an IPv6 literal without brackets. */
    private static String bareHost(URI uri) {
        String host = uri.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** Counts one origin's connections; updated from event loops, read from anywhere. */
    private static final class ConnectionCounter {
        private final AtomicLong opened = new AtomicLong();
        private final AtomicInteger open = new AtomicInteger();
        private final AtomicInteger maxOpen = new AtomicInteger();

        void opened(Channel channel) {
            opened.incrementAndGet();
            int now = open.incrementAndGet();
            maxOpen.accumulateAndGet(now, Math::max);
            channel.closeFuture().addListener(closed -> open.decrementAndGet());
        }

        ConnectionStats snapshot(int leased) {
            return new ConnectionStats(opened.get(), open.get(), maxOpen.get(), leased);
        }
    }

    /**
     * Builds each new connection's pipeline: a proxy handler when the origin is reached through a
     * tunnel, TLS with SNI for https, read timeout, HTTP codec, decompression.
     */
    private final class PipelineInitializer extends AbstractChannelPoolHandler {
        private final URI origin;
        private final Optional<ProxyRoutes.Route> route;
        private final ConnectionCounter counter;

        PipelineInitializer(URI origin, Optional<ProxyRoutes.Route> route, ConnectionCounter counter) {
            this.origin = origin;
            this.route = route;
            this.counter = counter;
        }

        @Override
        public void channelCreated(Channel channel) {
            counter.opened(channel);
            if (route.isPresent() && !forwards(route.get(), origin)) {
                // First in line: it takes over the connect, and holds back writes until the tunnel is up.
                ProxyHandler proxy = proxyHandler(route.get());
                channel.pipeline().addLast(proxy);
                channel.attr(PROXY_HANDSHAKE).set(proxy.connectFuture());
            }
            if ("https".equals(origin.getScheme())) {
                channel.pipeline().addLast(tls(channel));
            }
            channel.pipeline()
                    .addLast(new IdleStateHandler(config.readTimeout().toNanos(), 0, 0, TimeUnit.NANOSECONDS))
                    .addLast(new HttpClientCodec(MAX_INITIAL_LINE_BYTES, MAX_HEADER_BYTES, MAX_CHUNK_BYTES))
                    .addLast(new BoundedContentDecompressor(config.maxBodyBytes()))
                    .addLast(ExchangeHandler.INSTANCE);
        }

        private ProxyHandler proxyHandler(ProxyRoutes.Route route) {
            ProxyRoutes.Credentials credentials = route.credentials();
            InetSocketAddress proxy = route.proxy();
            ProxyHandler handler;
            if (route.rule().kind() == ProxyRule.Kind.SOCKS5) {
                handler = credentials == null ? new Socks5ProxyHandler(proxy)
                        : new Socks5ProxyHandler(proxy, credentials.username(), credentials.password());
            } else {
                handler = credentials == null ? new HttpProxyHandler(proxy)
                        : new HttpProxyHandler(proxy, credentials.username(), credentials.password());
            }
            handler.setConnectTimeoutMillis(config.connectTimeout().toMillis());
            return handler;
        }

        private SslHandler tls(Channel channel) {
            String host = bareHost(origin);
            SslHandler handler = sslContext.newHandler(channel.alloc(), host, origin.getPort());
            SSLEngine engine = handler.engine();
            SSLParameters parameters = engine.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            sniName(host).ifPresent(name -> parameters.setServerNames(List.of(name)));
            engine.setSSLParameters(parameters);
            handler.setHandshakeTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return handler;
        }
    }
}
