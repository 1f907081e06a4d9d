package dev.crawler.testbed;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Turns each decoded request into an {@link Exchange} and hands it to the site of the local address,
 * after the configured latency (scheduled on the channel's event loop, never slept).
 *
 * <p>The arrival time is taken here, when the request head has been decoded. One instance per channel.
 */
final class ExchangeHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

  private static final System.Logger LOG = System.getLogger(ExchangeHandler.class.getName());

  private final SiteDirectory sites;
  private final RequestLog log;
  private final long latencyNanos;

  ExchangeHandler(SiteDirectory sites, RequestLog log, Duration latency) {
    this.sites = sites;
    this.log = log;
    this.latencyNanos = latency.toNanos();
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    long arrived = System.nanoTime();
    String host = ((InetSocketAddress) ctx.channel().localAddress()).getAddress().getHostAddress();
    String userAgent = request.headers().get(HttpHeaderNames.USER_AGENT, "");
    // The headers outlive the request's buffer: they are not reference-counted.
    Exchange exchange = new Exchange(ctx, log, host, request.uri(), request.method().name(), userAgent,
        request.headers(), arrived);
    if (request.decoderResult().isFailure()) {
      exchange.text(HttpResponseStatus.BAD_REQUEST, Exchange.TEXT, "bad request\n");
      return;
    }
    HttpMethod method = request.method();
    if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
      FullHttpResponse response = exchange.response(HttpResponseStatus.METHOD_NOT_ALLOWED, Exchange.TEXT,
          ByteBufUtil.writeUtf8(ctx.alloc(), "method not allowed\n"));
      response.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD");
      exchange.send(response);
      return;
    }
    if (latencyNanos == 0) {
      sites.respond(exchange);
    } else {
      ctx.executor().schedule(() -> sites.respond(exchange), latencyNanos, TimeUnit.NANOSECONDS);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // Clients that hang up mid-response are normal for a crawler's test server; anything else is a bug.
    if (!(cause instanceof IOException)) {
      LOG.log(System.Logger.Level.WARNING, "closing " + ctx.channel() + " after unexpected error", cause);
    }
    ctx.close();
  }
}
