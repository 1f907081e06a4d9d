package dev.crawler.core.fetch;

import dev.crawler.core.config.CrawlConfig;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.pool.AbstractChannelPoolHandler;
import io.netty.channel.pool.AbstractChannelPoolMap;
import io.netty.channel.pool.ChannelPool;
import io.netty.channel.pool.SimpleChannelPool;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContentDecompressor;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.resolver.dns.DnsAddressResolverGroup;
import io.netty.resolver.dns.DnsServerAddressStreamProviders;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * A non-blocking HTTP/1.1 client for crawling.
 *
 * <p>One Netty event-loop group does all I/O; each origin has a pool of keep-alive connections.
 * {@link #fetch} never blocks: it returns a future that the event loop completes, and callers must
 * move any real work to their own executor. Redirects are not followed here: a 3xx is returned as a
 * response so that the crawl can check the target against its scope and robots rules like any link.
 * How many requests run at once per host is the scheduler's business, not this class's.
 *
 * <p>Thread-safe.
 */
public final class HttpFetcher implements AutoCloseable {
    static final AttributeKey<Exchange> EXCHANGE = AttributeKey.valueOf("crawler.exchange");

    private final CrawlConfig.Fetch config;
    private final EventLoopGroup group;
    private final DnsAddressResolverGroup resolver;
    private final SslContext sslContext;
    private final AbstractChannelPoolMap<String, SimpleChannelPool> pools;

    public HttpFetcher(CrawlConfig.Fetch config) {
        this.config = config;
        this.group = new NioEventLoopGroup(config.ioThreads(), new DefaultThreadFactory("crawler-io", true));
        this.resolver = new DnsAddressResolverGroup(NioDatagramChannel.class, DnsServerAddressStreamProviders.platformDefault());
        this.sslContext = buildSslContext();
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .resolver(resolver)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.connectTimeout().toMillis());
        this.pools = new AbstractChannelPoolMap<>() {
            @Override
            protected SimpleChannelPool newPool(String origin) {
                URI uri = URI.create(origin);
                Bootstrap forOrigin = bootstrap.clone().remoteAddress(InetSocketAddress.createUnresolved(uri.getHost(), uri.getPort()));
                return new SimpleChannelPool(forOrigin, new PipelineInitializer(uri));
            }
        };
    }

    /**
     * Starts a GET of {@code uri} on the connection pool of {@code origin}.
     *
     * @return a future completed on an event-loop thread with the response or the failure; never
     *         completed exceptionally
     */
    public CompletableFuture<FetchOutcome> fetch(URI uri, String origin) {
        CompletableFuture<FetchOutcome> result = new CompletableFuture<>();
        ChannelPool pool = pools.get(origin);
        pool.acquire().addListener((Future<Channel> acquired) -> {
            if (!acquired.isSuccess()) {
                Throwable cause = acquired.cause();
                result.complete(new FetchOutcome.Failure(uri, FailureClassifier.classify(cause), FailureClassifier.describe(cause)));
                return;
            }
            send(uri, acquired.getNow(), pool, result);
        });
        return result;
    }

    private void send(URI uri, Channel channel, ChannelPool pool, CompletableFuture<FetchOutcome> result) {
        Exchange exchange = new Exchange(uri, channel, pool, result, config.maxBodyBytes());
        channel.attr(EXCHANGE).set(exchange);
        exchange.deadline(channel.eventLoop().schedule(
                () -> exchange.fail(FailureClass.TIMEOUT, "exchange exceeded the total timeout of " + config.totalTimeout()),
                config.totalTimeout().toNanos(), TimeUnit.NANOSECONDS));
        channel.writeAndFlush(request(uri)).addListener(written -> {
            if (!written.isSuccess()) {
                exchange.fail(FailureClassifier.classify(written.cause()), FailureClassifier.describe(written.cause()));
            }
        });
    }

    private FullHttpRequest request(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, target);
        boolean defaultPort = uri.getPort() == -1
                || (uri.getScheme().equals("http") && uri.getPort() == 80)
                || (uri.getScheme().equals("https") && uri.getPort() == 443);
        request.headers()
                .set(HttpHeaderNames.HOST, defaultPort ? uri.getHost() : uri.getHost() + ":" + uri.getPort())
                .set(HttpHeaderNames.USER_AGENT, config.userAgent())
                .set(HttpHeaderNames.ACCEPT, "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
                .set(HttpHeaderNames.ACCEPT_ENCODING, HttpHeaderValues.GZIP_DEFLATE)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        return request;
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

    private static SslContext buildSslContext() {
        try {
            return SslContextBuilder.forClient().build();
        } catch (SSLException e) {
            throw new IllegalStateException("the platform's default TLS setup is unusable", e);
        }
    }

    /** Builds each new connection's pipeline: TLS with SNI for https, HTTP codec, decompression, timeouts. */
    private final class PipelineInitializer extends AbstractChannelPoolHandler {
        private final URI origin;

        PipelineInitializer(URI origin) {
            this.origin = origin;
        }

        @Override
        public void channelCreated(Channel channel) {
            if ("https".equals(origin.getScheme())) {
                channel.pipeline().addLast(sslContext.newHandler(channel.alloc(), origin.getHost(), origin.getPort()));
            }
            channel.pipeline()
                    .addLast(new IdleStateHandler(config.readTimeout().toNanos(), 0, 0, TimeUnit.NANOSECONDS))
                    .addLast(new HttpClientCodec())
                    .addLast(new HttpContentDecompressor())
                    .addLast(ExchangeHandler.INSTANCE);
        }
    }
}
