package dev.crawler.core.fetch;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SniHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A small HTTP/1.1 server on 127.0.0.1 for the fetcher's tests: each request goes to a
 * {@link Responder}, and the server records what it saw (request headers, connections, SNI names).
 * Runs on its own event loop; close it with try-with-resources.
 */
public final class TestServer implements AutoCloseable {
    /** Answers one request; runs on the server's event loop, so it must not block. */
    @FunctionalInterface
    public interface Responder {
        void respond(ChannelHandlerContext ctx, FullHttpRequest request);
    }

    /** One request as the server saw it. */
    public record Seen(String uri, HttpHeaders headers, String connection) {
    }

    private final NioEventLoopGroup group = new NioEventLoopGroup(1, new DefaultThreadFactory("test-server", true));
    private final Channel listener;
    private final List<Seen> requests = new CopyOnWriteArrayList<>();
    private final List<String> serverNames = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final boolean tls;

    private TestServer(@Nullable SslContext sslContext, Responder responder) throws InterruptedException {
        this.tls = sslContext != null;
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        connections.incrementAndGet();
                        if (sslContext != null) {
                            channel.pipeline().addLast(new SniHandler((String name, io.netty.util.concurrent.Promise<SslContext> promise) -> {
                                serverNames.add(String.valueOf(name));
                                return promise.setSuccess(sslContext);
                            }));
                        }
                        channel.pipeline()
                                .addLast(new HttpServerCodec())
                                .addLast(new HttpObjectAggregator(1024 * 1024))
                                .addLast(new SimpleChannelInboundHandler<FullHttpRequest>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                                        requests.add(new Seen(request.uri(), request.headers().copy(), ctx.channel().id().asShortText()));
                                        responder.respond(ctx, request);
                                    }
                                });
                    }
                });
        this.listener = bootstrap.bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    }

    public static TestServer start(Responder responder) throws InterruptedException {
        return new TestServer(null, responder);
    }

    public static TestServer startTls(SslContext sslContext, Responder responder) throws InterruptedException {
        return new TestServer(sslContext, responder);
    }

    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** {@code http://127.0.0.1:PORT} (or https). */
    public String origin() {
        return (tls ? "https" : "http") + "://127.0.0.1:" + port();
    }

    public URI uri(String path) {
        return URI.create(origin() + path);
    }

    /** The same server under another name that resolves to 127.0.0.1, e.g. {@code localhost}. */
    public String origin(String host) {
        return (tls ? "https" : "http") + "://" + host + ":" + port();
    }

    public List<Seen> requests() {
        return List.copyOf(requests);
    }

    /** TLS connections' SNI host names, as the server received them. */
    public List<String> serverNames() {
        return List.copyOf(serverNames);
    }

    public int connections() {
        return connections.get();
    }

    /** A complete response with a body and a content type. */
    public static FullHttpResponse response(HttpResponseStatus status, String contentType, byte[] body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return response;
    }

    @Override
    public void close() {
        listener.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }
}
