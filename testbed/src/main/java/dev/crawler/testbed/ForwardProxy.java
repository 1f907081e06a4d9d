package dev.crawler.testbed;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.socksx.v5.DefaultSocks5CommandResponse;
import io.netty.handler.codec.socksx.v5.DefaultSocks5InitialResponse;
import io.netty.handler.codec.socksx.v5.DefaultSocks5PasswordAuthResponse;
import io.netty.handler.codec.socksx.v5.Socks5AddressType;
import io.netty.handler.codec.socksx.v5.Socks5AuthMethod;
import io.netty.handler.codec.socksx.v5.Socks5CommandRequest;
import io.netty.handler.codec.socksx.v5.Socks5CommandRequestDecoder;
import io.netty.handler.codec.socksx.v5.Socks5CommandStatus;
import io.netty.handler.codec.socksx.v5.Socks5CommandType;
import io.netty.handler.codec.socksx.v5.Socks5InitialRequest;
import io.netty.handler.codec.socksx.v5.Socks5InitialRequestDecoder;
import io.netty.handler.codec.socksx.v5.Socks5PasswordAuthRequest;
import io.netty.handler.codec.socksx.v5.Socks5PasswordAuthRequestDecoder;
import io.netty.handler.codec.socksx.v5.Socks5PasswordAuthStatus;
import io.netty.handler.codec.socksx.v5.Socks5ServerEncoder;
import io.netty.util.NetUtil;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A forward proxy on one loopback address, speaking, on one port, HTTP (plain forwarding of
 * absolute-form requests, and CONNECT tunnels) and SOCKS5 (CONNECT, with or without a user name and
 * password). Start one with {@link Testbed#startProxy}.
 *
 * <p>It never leaves loopback and never asks DNS: a target is either a name in its own table of host
 * names (which is how a test proves a crawler let the proxy resolve a name) or an address literal in
 * 127.0.0.0/8; anything else is refused. Its connections to targets go out <em>from its own
 * address</em>, so a testbed server's {@link RequestRecord#peer()} tells a relayed request from a
 * direct one.
 *
 * <p>It records each relay (a forwarded request, or a tunnel) with the target as the client named it,
 * and counts refused credentials. Thread-safe; close it from a test thread.
 */
public final class ForwardProxy implements AutoCloseable {
  private static final int MAX_BYTES = 16 * 1024 * 1024;
  private static final byte SOCKS5 = 5;

  /** How a request reached its target through the proxy. */
  public enum Kind {
    /** A plain-HTTP request forwarded (absolute-form request line). */
    FORWARD,
    /** An HTTP CONNECT tunnel. */
    CONNECT,
    /** A SOCKS5 CONNECT tunnel. */
    SOCKS5
  }

  /**
   * One relay.
   *
   * @param target the target as the client named it, {@code host:port}
   * @param byName whether the client named the target by a host name (not an address), leaving it to the proxy to resolve
   */
  public record Relay(Kind kind, String target, boolean byName) {
  }

  private final String address;
  private final @Nullable String credentials;
  private final Map<String, String> hostNames;
  private final EventLoopGroup group;
  private final Channel listener;
  private final List<Relay> relays = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger refused = new AtomicInteger();
  private final AtomicBoolean closed = new AtomicBoolean();

  private ForwardProxy(String address, @Nullable String username, @Nullable String password, Map<String, String> hostNames)
      throws IOException {
    this.address = address;
    this.credentials = username == null ? null : username + ":" + password;
    this.hostNames = Map.copyOf(hostNames);
    this.group = new NioEventLoopGroup(1, new DefaultThreadFactory("forward-proxy", true));
    ServerBootstrap bootstrap = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel channel) {
            channel.pipeline().addLast(new ProtocolSniffer());
          }
        });
    ChannelFuture bound = bootstrap.bind(new InetSocketAddress(address, 0)).awaitUninterruptibly();
    if (!bound.isSuccess()) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      throw new IOException("the proxy could not listen on " + address, bound.cause());
    }
    this.listener = bound.channel();
  }

  /**
   * @param address   a loopback address to listen on and to connect out from, e.g. {@code "127.0.5.1"}
   * @param username  the user name clients must give, or null for none
   * @param password  the password clients must give with it
   * @param hostNames names the proxy resolves, to loopback addresses
   */
  static ForwardProxy start(String address, @Nullable String username, @Nullable String password,
      Map<String, String> hostNames) throws IOException {
    if (!address.startsWith("127.")) {
      throw new IllegalArgumentException("address must be a loopback address, was " + address);
    }
    if ((username == null) != (password == null)) {
      throw new IllegalArgumentException("username and password go together");
    }
    hostNames.forEach((name, target) -> {
      if (!target.startsWith("127.")) {
        throw new IllegalArgumentException("hostNames must map to loopback addresses, " + name + " -> " + target);
      }
    });
    return new ForwardProxy(address, username, password, hostNames);
  }

  public int port() {
    return ((InetSocketAddress) listener.localAddress()).getPort();
  }

  /** The address it listens on and connects out from. */
  public String address() {
    return address;
  }

  /** {@code http://ADDRESS:PORT}. */
  public String httpUrl() {
    return "http://" + address + ":" + port();
  }

  /** {@code socks5://ADDRESS:PORT}. */
  public String socks5Url() {
    return "socks5://" + address + ":" + port();
  }

  public List<Relay> relays() {
    synchronized (relays) {
      return List.copyOf(relays);
    }
  }

  /** Clients turned away for missing or wrong credentials. */
  public int refused() {
    return refused.get();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      listener.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }
  }

  /** Where a named target really is: the proxy's own table, or a loopback literal. Never DNS. */
  private Optional<InetSocketAddress> resolve(String host, int port) {
    String name = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    String target = hostNames.getOrDefault(name, name);
    if (!NetUtil.isValidIpV4Address(target) || !target.startsWith("127.")) {
      return Optional.empty();
    }
    try {
      return Optional.of(new InetSocketAddress(InetAddress.getByAddress(NetUtil.createByteArrayFromIpAddressString(target)), port));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static boolean isName(String host) {
    return !NetUtil.isValidIpV4Address(host) && !NetUtil.isValidIpV6Address(host.replace("[", "").replace("]", ""));
  }

  /** Connects to a target from the proxy's own address, on the client connection's event loop. */
  private ChannelFuture connect(Channel inbound, InetSocketAddress target, ChannelInitializer<Channel> initializer) {
    return new Bootstrap().group(inbound.eventLoop()).channel(NioSocketChannel.class)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
        .handler(initializer)
        .connect(target, new InetSocketAddress(address, 0));
  }

  /** Copies bytes one way; closes the other side when this one closes. */
  private static final class Relaying extends ChannelInboundHandlerAdapter {
    private final Channel other;

    Relaying(Channel other) {
      this.other = other;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (other.isActive()) {
        other.writeAndFlush(msg);
      } else {
        ReferenceCountUtil.release(msg);
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      if (other.isActive()) {
        other.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }

  /** Joins two connected channels into a tunnel. */
  private static void tunnel(Channel inbound, Channel outbound) {
    outbound.pipeline().addLast(new Relaying(inbound));
    inbound.pipeline().addLast(new Relaying(outbound));
    inbound.config().setAutoRead(true);
  }

  /** Reads the first byte: 5 is SOCKS5, anything else HTTP. */
  private final class ProtocolSniffer extends ByteToMessageDecoder {
    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
      if (!in.isReadable()) {
        return;
      }
      if (in.getByte(in.readerIndex()) == SOCKS5) {
        ctx.pipeline().addAfter(ctx.name(), "socks-decoder", new Socks5InitialRequestDecoder());
        ctx.pipeline().addAfter("socks-decoder", "socks", new SocksHandler());
        ctx.pipeline().addAfter(ctx.name(), "socks-encoder", Socks5ServerEncoder.DEFAULT);
      } else {
        ctx.pipeline().addAfter(ctx.name(), "http-codec", new HttpServerCodec());
        ctx.pipeline().addAfter("http-codec", "http-aggregator", new HttpObjectAggregator(MAX_BYTES));
        ctx.pipeline().addAfter("http-aggregator", "http", new HttpHandler());
      }
      // Removing a decoder hands what it holds to the handlers after it.
      ctx.pipeline().remove(this);
    }
  }

  private final class HttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
      if (credentials != null && !authorised(request.headers().get(HttpHeaderNames.PROXY_AUTHORIZATION))) {
        refused.incrementAndGet();
        FullHttpResponse denied = response(HttpResponseStatus.PROXY_AUTHENTICATION_REQUIRED);
        denied.headers().set(HttpHeaderNames.PROXY_AUTHENTICATE, "Basic realm=\"testbed\"");
        ctx.writeAndFlush(denied);
        return;
      }
      if (HttpMethod.CONNECT.equals(request.method())) {
        connectTunnel(ctx, request.uri());
      } else {
        forward(ctx, request);
      }
    }

    private boolean authorised(@Nullable String header) {
      String expected = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
      return expected.equals(header);
    }

    private void connectTunnel(ChannelHandlerContext ctx, String authority) {
      int colon = authority.lastIndexOf(':');
      String host = colon < 0 ? authority : authority.substring(0, colon);
      int port = colon < 0 ? 443 : Integer.parseInt(authority.substring(colon + 1));
      Optional<InetSocketAddress> target = resolve(host, port);
      if (target.isEmpty()) {
        ctx.writeAndFlush(response(HttpResponseStatus.BAD_GATEWAY)).addListener(ChannelFutureListener.CLOSE);
        return;
      }
      Channel inbound = ctx.channel();
      inbound.config().setAutoRead(false);
      connect(inbound, target.get(), new ChannelInitializer<>() {
        @Override
        protected void initChannel(Channel channel) {
        }
      }).addListener((ChannelFuture connected) -> {
        if (!connected.isSuccess()) {
          ctx.writeAndFlush(response(HttpResponseStatus.BAD_GATEWAY)).addListener(ChannelFutureListener.CLOSE);
          return;
        }
        relays.add(new Relay(Kind.CONNECT, authority, isName(host)));
        // From here on the connection is a byte pipe: no HTTP codec on it.
        ctx.pipeline().remove("http-aggregator");
        ctx.pipeline().remove("http-codec");
        ctx.pipeline().remove(this);
        inbound.writeAndFlush(Unpooled.copiedBuffer("HTTP/1.1 200 Connection established\r\n\r\n", StandardCharsets.US_ASCII));
        tunnel(inbound, connected.channel());
      });
    }

    private void forward(ChannelHandlerContext ctx, FullHttpRequest request) {
      URI uri;
      try {
        uri = URI.create(request.uri());
      } catch (IllegalArgumentException e) {
        ctx.writeAndFlush(response(HttpResponseStatus.BAD_REQUEST));
        return;
      }
      if (uri.getHost() == null || !"http".equals(uri.getScheme())) {
        ctx.writeAndFlush(response(HttpResponseStatus.BAD_REQUEST));
        return;
      }
      int port = uri.getPort() < 0 ? 80 : uri.getPort();
      Optional<InetSocketAddress> target = resolve(uri.getHost(), port);
      if (target.isEmpty()) {
        ctx.writeAndFlush(response(HttpResponseStatus.BAD_GATEWAY));
        return;
      }
      String originForm = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
          + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      FullHttpRequest onward = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, request.method(), originForm,
          request.content().retain());
      onward.headers().set(request.headers());
      onward.headers().remove(HttpHeaderNames.PROXY_AUTHORIZATION);
      onward.headers().remove("Proxy-Connection");
      onward.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      Channel inbound = ctx.channel();
      relays.add(new Relay(Kind.FORWARD, uri.getHost() + ":" + port, isName(uri.getHost())));
      connect(inbound, target.get(), new ChannelInitializer<>() {
        @Override
        protected void initChannel(Channel channel) {
          channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(MAX_BYTES),
              new SimpleChannelInboundHandler<FullHttpResponse>() {
                @Override
                protected void channelRead0(ChannelHandlerContext target, FullHttpResponse answer) {
                  FullHttpResponse back = answer.retainedDuplicate();
                  back.headers().remove(HttpHeaderNames.CONNECTION);
                  HttpUtil.setContentLength(back, back.content().readableBytes());
                  inbound.writeAndFlush(back);
                  target.close();
                }
              });
        }
      }).addListener((ChannelFuture connected) -> {
        if (connected.isSuccess()) {
          connected.channel().writeAndFlush(onward);
        } else {
          onward.release();
          inbound.writeAndFlush(response(HttpResponseStatus.BAD_GATEWAY));
        }
      });
    }

    private FullHttpResponse response(HttpResponseStatus status) {
      FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status);
      HttpUtil.setContentLength(response, 0);
      return response;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }

  private final class SocksHandler extends SimpleChannelInboundHandler<Object> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Object message) {
      if (message instanceof Socks5InitialRequest initial) {
        boolean password = credentials != null;
        Socks5AuthMethod method = password ? Socks5AuthMethod.PASSWORD : Socks5AuthMethod.NO_AUTH;
        if (!initial.authMethods().contains(method)) {
          refused.incrementAndGet();
          ctx.writeAndFlush(new DefaultSocks5InitialResponse(Socks5AuthMethod.UNACCEPTED)).addListener(ChannelFutureListener.CLOSE);
          return;
        }
        ctx.pipeline().replace("socks-decoder", "socks-decoder",
            password ? new Socks5PasswordAuthRequestDecoder() : new Socks5CommandRequestDecoder());
        ctx.writeAndFlush(new DefaultSocks5InitialResponse(method));
      } else if (message instanceof Socks5PasswordAuthRequest auth) {
        if (!(auth.username() + ":" + auth.password()).equals(credentials)) {
          refused.incrementAndGet();
          ctx.writeAndFlush(new DefaultSocks5PasswordAuthResponse(Socks5PasswordAuthStatus.FAILURE))
              .addListener(ChannelFutureListener.CLOSE);
          return;
        }
        ctx.pipeline().replace("socks-decoder", "socks-decoder", new Socks5CommandRequestDecoder());
        ctx.writeAndFlush(new DefaultSocks5PasswordAuthResponse(Socks5PasswordAuthStatus.SUCCESS));
      } else if (message instanceof Socks5CommandRequest command) {
        connectCommand(ctx, command);
      } else {
        ctx.close();
      }
    }

    private void connectCommand(ChannelHandlerContext ctx, Socks5CommandRequest command) {
      Optional<InetSocketAddress> target = command.type() == Socks5CommandType.CONNECT
          ? resolve(command.dstAddr(), command.dstPort()) : Optional.empty();
      if (target.isEmpty()) {
        ctx.writeAndFlush(new DefaultSocks5CommandResponse(Socks5CommandStatus.HOST_UNREACHABLE, Socks5AddressType.IPv4))
            .addListener(ChannelFutureListener.CLOSE);
        return;
      }
      Channel inbound = ctx.channel();
      inbound.config().setAutoRead(false);
      connect(inbound, target.get(), new ChannelInitializer<>() {
        @Override
        protected void initChannel(Channel channel) {
        }
      }).addListener((ChannelFuture connected) -> {
        if (!connected.isSuccess()) {
          ctx.writeAndFlush(new DefaultSocks5CommandResponse(Socks5CommandStatus.FAILURE, Socks5AddressType.IPv4))
              .addListener(ChannelFutureListener.CLOSE);
          return;
        }
        relays.add(new Relay(Kind.SOCKS5, command.dstAddr() + ":" + command.dstPort(),
            command.dstAddrType() == Socks5AddressType.DOMAIN));
        ctx.writeAndFlush(new DefaultSocks5CommandResponse(Socks5CommandStatus.SUCCESS, Socks5AddressType.IPv4, "0.0.0.0", 0))
            .addListener((ChannelFuture written) -> {
              ctx.pipeline().remove("socks-decoder");
              ctx.pipeline().remove("socks-encoder");
              ctx.pipeline().remove(this);
              tunnel(inbound, connected.channel());
            });
      });
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
