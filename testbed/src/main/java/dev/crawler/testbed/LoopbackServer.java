package dev.crawler.testbed;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Netty HTTP/1.1 server listening on several loopback addresses, all on one port.
 *
 * <p>With port 0 the first address gets an ephemeral port and every other address is bound to that
 * same port; if one of them is taken, everything bound so far is closed and the whole set is tried
 * again on a new port, a few times. Keep-alive is honoured by {@link HttpServerKeepAliveHandler}.
 *
 * <p>Every connection to one address is served by the same event loop (addresses are spread over the
 * loops). So the exchanges of one host are handled one task at a time: the listener that stamps a
 * response's end runs before that loop can read the host's next request, on any connection. A client
 * that waits for each response before sending the next request therefore always produces
 * non-overlapping {@code [startNanos, endNanos]} intervals per host, however loaded the machine is.
 *
 * <p>Owns its event loops: {@link #close()} closes the listening sockets and waits (bounded) for the
 * loops to terminate.
 */
final class LoopbackServer implements AutoCloseable {

  private static final int BIND_ATTEMPTS = 8;
  private static final long BIND_TIMEOUT_SECONDS = 10;
  private static final long SHUTDOWN_TIMEOUT_SECONDS = 5;
  private static final int MAX_REQUEST_BYTES = 64 * 1024;

  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final List<Channel> listeners;
  private final int port;

  private LoopbackServer(EventLoopGroup boss, EventLoopGroup workers, List<Channel> listeners, int port) {
    this.boss = boss;
    this.workers = workers;
    this.listeners = listeners;
    this.port = port;
  }

  /**
   * Binds every address and starts serving through {@code sites}.
   *
   * @param name prefix of the event-loop thread names
   * @param port 0 for a free port
   */
  static LoopbackServer start(String name, List<String> addresses, int port, SiteDirectory sites, RequestLog log,
      Duration latency) throws IOException {
    if (addresses.isEmpty()) {
      throw new IllegalArgumentException("addresses must not be empty");
    }
    EventLoopGroup boss = new NioEventLoopGroup(1, new DefaultThreadFactory(name + "-accept", true));
    EventLoopGroup workers = new NioEventLoopGroup(Math.max(2, Runtime.getRuntime().availableProcessors()),
        new DefaultThreadFactory(name + "-io", true));
    List<EventLoop> loops = new ArrayList<>();
    workers.forEach(executor -> loops.add((EventLoop) executor));
    List<ServerBootstrap> bootstraps = new ArrayList<>();
    for (int i = 0; i < addresses.size(); i++) {
      bootstraps.add(bootstrap(boss, loops.get(i % loops.size()), sites, log, latency));
    }
    try {
      int attempts = port == 0 ? BIND_ATTEMPTS : 1;
      IOException last = new IOException("no bind attempt made");
      for (int attempt = 0; attempt < attempts; attempt++) {
        List<Channel> bound = new ArrayList<>();
        try {
          int chosen = bindAll(bootstraps, addresses, port, bound);
          return new LoopbackServer(boss, workers, List.copyOf(bound), chosen);
        } catch (IOException e) {
          closeAll(bound);
          last = e;
        }
      }
      throw last;
    } catch (IOException | RuntimeException e) {
      shutdown(boss, workers);
      throw e;
    }
  }

  /** Accepts on {@code boss}; every accepted connection is served by {@code loop}. */
  private static ServerBootstrap bootstrap(EventLoopGroup boss, EventLoop loop, SiteDirectory sites, RequestLog log,
      Duration latency) {
    return new ServerBootstrap()
        .group(boss, loop)
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_BACKLOG, 1024)
        .option(ChannelOption.SO_REUSEADDR, true)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel channel) {
            channel.pipeline().addLast(
                new HttpServerCodec(),
                new HttpServerKeepAliveHandler(),
                new HttpObjectAggregator(MAX_REQUEST_BYTES),
                new ExchangeHandler(sites, log, latency));
          }
        });
  }

  private static int bindAll(List<ServerBootstrap> bootstraps, List<String> addresses, int port, List<Channel> bound)
      throws IOException {
    int chosen = port;
    for (int i = 0; i < addresses.size(); i++) {
      String address = addresses.get(i);
      Channel channel = bind(bootstraps.get(i), address, chosen);
      bound.add(channel);
      chosen = ((InetSocketAddress) channel.localAddress()).getPort();
    }
    return chosen;
  }

  private static Channel bind(ServerBootstrap bootstrap, String address, int port) throws IOException {
    ChannelFuture future = bootstrap.bind(new InetSocketAddress(address, port));
    awaitBounded(future, BIND_TIMEOUT_SECONDS);
    if (!future.isSuccess()) {
      future.cancel(false);
      future.channel().close();
      Throwable cause = future.cause();
      throw new IOException("cannot listen on " + address + ":" + port + ": "
          + (cause == null ? "timed out" : cause.getMessage()), cause);
    }
    return future.channel();
  }

  int port() {
    return port;
  }

  /** Closes the listening sockets and open connections, then waits up to a few seconds for the loops. */
  @Override
  public void close() {
    closeAll(listeners);
    shutdown(boss, workers);
  }

  private static void closeAll(List<Channel> channels) {
    List<ChannelFuture> closing = channels.stream().map(Channel::close).toList();
    for (ChannelFuture future : closing) {
      try {
        awaitBounded(future, SHUTDOWN_TIMEOUT_SECONDS);
      } catch (InterruptedIOException e) {
        return;
      }
    }
  }

  private static void shutdown(EventLoopGroup boss, EventLoopGroup workers) {
    Future<?> bossDone = boss.shutdownGracefully(0, SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    Future<?> workersDone = workers.shutdownGracefully(0, SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (inside(boss) || inside(workers)) {
      return; // Called from one of our own loops: waiting here would wait for ourselves.
    }
    try {
      awaitBounded(bossDone, SHUTDOWN_TIMEOUT_SECONDS * 2);
      awaitBounded(workersDone, SHUTDOWN_TIMEOUT_SECONDS * 2);
    } catch (InterruptedIOException e) {
      // awaitBounded has restored the interrupt flag; the loops finish on their own.
    }
  }

  private static boolean inside(EventLoopGroup group) {
    for (EventExecutor executor : group) {
      if (executor.inEventLoop()) {
        return true;
      }
    }
    return false;
  }

  private static void awaitBounded(Future<?> future, long seconds) throws InterruptedIOException {
    try {
      future.await(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the server");
    }
  }
}
