package dev.crawler.testbed;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * One request and its response in progress, confined to the channel's event loop.
 *
 * <p>It knows when the request arrived and records the exchange in the {@link RequestLog} exactly once:
 * when the write of the full response completes ({@link #send}), or when a streaming responder calls
 * {@link #finish}.
 */
final class Exchange {

  static final String HTML = "text/html; charset=utf-8";
  static final String TEXT = "text/plain; charset=utf-8";

  private final ChannelHandlerContext ctx;
  private final RequestLog log;
  private final String host;
  private final String uri;
  private final String method;
  private final String userAgent;
  private final HttpHeaders requestHeaders;
  private final String peer;
  private final long startNanos;
  private final QueryStringDecoder decoded;
  private final ConditionalRequest conditional;
  private boolean finished;

  /** @param requestHeaders the request's headers, for sites that read more than the path (cookies) */
  Exchange(ChannelHandlerContext ctx, RequestLog log, String host, String uri, String method, String userAgent,
      HttpHeaders requestHeaders, long startNanos) {
    this.ctx = ctx;
    this.log = log;
    this.host = host;
    this.uri = uri;
    this.method = method;
    this.userAgent = userAgent;
    this.requestHeaders = requestHeaders;
    // Taken now, while the connection is open: a reset connection may no longer know its peer.
    this.peer = ctx.channel().remoteAddress() instanceof InetSocketAddress remote ? remote.getAddress().getHostAddress() : "";
    this.startNanos = startNanos;
    this.decoded = new QueryStringDecoder(uri);
    this.conditional = new ConditionalRequest(Optional.ofNullable(requestHeaders.get(HttpHeaderNames.IF_NONE_MATCH)),
        Optional.ofNullable(requestHeaders.get(HttpHeaderNames.IF_MODIFIED_SINCE)));
  }

  /** The local address the request arrived on. */
  String host() {
    return host;
  }

  /** The decoded path, without the query. */
  String path() {
    return decoded.path();
  }

  /** The request target as sent. */
  String uri() {
    return uri;
  }

  String method() {
    return method;
  }

  /** The request's header {@code name}; repeated headers as their first value. */
  Optional<String> requestHeader(CharSequence name) {
    return Optional.ofNullable(requestHeaders.get(name));
  }

  /** {@link System#nanoTime()} when the request head arrived. */
  long startNanos() {
    return startNanos;
  }

  /** The request's conditional headers, recorded in the log whether or not the site honours them. */
  ConditionalRequest conditional() {
    return conditional;
  }

  Optional<String> parameter(String name) {
    List<String> values = decoded.parameters().get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  ChannelHandlerContext ctx() {
    return ctx;
  }

  ByteBufAllocator alloc() {
    return ctx.alloc();
  }

  EventExecutor executor() {
    return ctx.executor();
  }

  /** An HTML response in UTF-8; takes ownership of {@code body}. */
  void html(HttpResponseStatus status, ByteBuf body) {
    send(response(status, HTML, body));
  }

  /** A response of the given type with {@code text} as UTF-8. */
  void text(HttpResponseStatus status, String contentType, String text) {
    send(response(status, contentType, ByteBufUtil.writeUtf8(alloc(), text)));
  }

  /** A redirect with a short HTML body. */
  void redirect(HttpResponseStatus status, String location) {
    FullHttpResponse response = response(status, HTML,
        ByteBufUtil.writeUtf8(alloc(), "<!DOCTYPE html><title>Moved</title><p>Moved to <a href=\""
            + Html.escape(location) + "\">" + Html.escape(location) + "</a></p>\n"));
    response.headers().set(HttpHeaderNames.LOCATION, location);
    send(response);
  }

  /**
   * A full response; takes ownership of {@code body}. An empty {@code contentType} sends no
   * Content-Type header.
   */
  FullHttpResponse response(HttpResponseStatus status, String contentType, ByteBuf body) {
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
    if (!contentType.isEmpty()) {
      response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    }
    return response;
  }

  /** Adds the standard headers, sets Content-Length, writes, and logs when the write completes. */
  void send(FullHttpResponse response) {
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
    write(response);
  }

  /**
   * {@code 304 Not Modified} with the page's validators and no body. Content-Length is the length the
   * full page would have had, as RFC 9110 allows; without one, Netty's keep-alive handler would close
   * the connection after the response.
   */
  void notModified(String etag, Instant lastModified, int pageLength) {
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_MODIFIED,
        Unpooled.EMPTY_BUFFER);
    validators(response.headers(), etag, lastModified);
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, pageLength);
    write(response);
  }

  /** Sets {@code ETag} and {@code Last-Modified}. */
  static void validators(HttpHeaders headers, String etag, Instant lastModified) {
    headers.set(HttpHeaderNames.ETAG, etag);
    headers.set(HttpHeaderNames.LAST_MODIFIED, DateFormatter.format(Date.from(lastModified)));
  }

  private void write(FullHttpResponse response) {
    standardHeaders(response.headers());
    FullHttpResponse toWrite = response;
    if ("HEAD".equals(method)) {
      toWrite = response.replace(Unpooled.EMPTY_BUFFER);
      response.release();
    }
    int status = toWrite.status().code();
    ctx.writeAndFlush(toWrite).addListener((ChannelFuture f) -> finish(status));
  }

  /** Headers every response carries. */
  void standardHeaders(HttpHeaders headers) {
    headers.set(HttpHeaderNames.SERVER, "testbed");
    headers.set(HttpHeaderNames.DATE, DateFormatter.format(new Date()));
  }

  /** Records the exchange as ended now with {@code status}; later calls do nothing. */
  void finish(int status) {
    if (finished) {
      return;
    }
    finished = true;
    log.add(new RequestRecord(host, uri, method, startNanos, System.nanoTime(), status, userAgent, peer,
        conditional.isConditional()));
  }
}
