package dev.crawler.testbed;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpContent;
import java.util.concurrent.TimeUnit;

/**
 * Writes a response body piece by piece after the head has been sent: each piece is written when the
 * previous write has completed (so a client that stops reading stops the stream, and memory stays
 * flat), optionally after a pause scheduled on the event loop. The pieces cycle through a
 * {@link SharedChunk}. Ends the exchange when the body is complete or the connection is gone (at
 * once, not at the next piece, which may be a pause away).
 */
final class BodyStream {

  /** Total for a body that never ends. */
  static final long ENDLESS = -1;

  private final Exchange exchange;
  private final Channel channel;
  private final SharedChunk source;
  private final int pieceBytes;
  private final long pauseNanos;
  private final int status;
  private final ChannelFutureListener hungUp;
  private long remaining;
  private int position;

  /**
   * @param total bytes to send, or {@link #ENDLESS}
   * @param pieceBytes at most this many bytes per write
   * @param pauseNanos pause between writes; 0 writes again as soon as the previous write completed
   */
  BodyStream(Exchange exchange, SharedChunk source, long total, int pieceBytes, long pauseNanos, int status) {
    this.exchange = exchange;
    this.channel = exchange.ctx().channel();
    this.source = source;
    this.pieceBytes = pieceBytes;
    this.pauseNanos = pauseNanos;
    this.status = status;
    this.remaining = total;
    this.hungUp = closed -> exchange.finish(status);
  }

  void start() {
    channel.closeFuture().addListener(hungUp);
    writeNext();
  }

  private void end() {
    channel.closeFuture().removeListener(hungUp);
    exchange.finish(status);
  }

  private void writeNext() {
    if (!channel.isActive()) {
      end();
      return;
    }
    int size = Math.min(pieceBytes, source.length() - position);
    if (remaining != ENDLESS) {
      size = (int) Math.min(size, remaining);
      remaining -= size;
    }
    ByteBuf bytes = source.slice(position, size);
    position = (position + size) % source.length();
    boolean last = remaining == 0;
    HttpContent piece = last ? new DefaultLastHttpContent(bytes) : new DefaultHttpContent(bytes);
    channel.writeAndFlush(piece).addListener((ChannelFuture written) -> {
      if (!written.isSuccess() || last || channel.eventLoop().isShuttingDown()) {
        end();
      } else if (pauseNanos > 0) {
        channel.eventLoop().schedule(this::writeNext, pauseNanos, TimeUnit.NANOSECONDS);
      } else {
        channel.eventLoop().execute(this::writeNext);
      }
    });
  }
}
