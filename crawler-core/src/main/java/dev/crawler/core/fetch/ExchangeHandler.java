package dev.crawler.core.fetch;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import org.jspecify.annotations.Nullable;

/**
 * The last handler of every fetch channel: feeds decoded response parts to the channel's current
 * {@link Exchange} and turns channel trouble into a classified failure. Stateless, so one instance
 * serves every channel.
 */
@io.netty.channel.ChannelHandler.Sharable
final class ExchangeHandler extends ChannelInboundHandlerAdapter {
    static final ExchangeHandler INSTANCE = new ExchangeHandler();

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            Exchange exchange = current(ctx);
            if (exchange == null) {
                return;
            }
            exchange.onFirstByte();
            if (msg instanceof HttpObject part && part.decoderResult().isFailure()) {
                // The decoder gave up on the response (a header over its limit, a malformed status line)
                // and will discard the rest: the exchange ends here, classed by what the decoder found.
                Throwable cause = part.decoderResult().cause();
                exchange.fail(FailureClassifier.classify(cause), FailureClassifier.describe(cause));
                return;
            }
            if (msg instanceof HttpResponse response) {
                exchange.onHead(response);
            }
            if (msg instanceof HttpContent content) {
                exchange.onContent(content.content());
            }
            if (msg instanceof LastHttpContent) {
                exchange.onLastContent();
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    /**
     * The read timeout: silence on a connection. During an exchange it fails the exchange once the
     * response has begun (before that, the first-byte timeout is the one that applies); on an idle
     * pooled connection it closes the connection, so the pool keeps no stale keep-alive sockets.
     */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof SslHandshakeCompletionEvent handshake && !handshake.isSuccess()) {
            // Reported here because the TLS handler closes the channel right after, which would read as a reset.
            Exchange exchange = current(ctx);
            if (exchange != null) {
                exchange.fail(FailureClass.TLS, FailureClassifier.describe(handshake.cause()));
            }
            return;
        }
        if (!(evt instanceof IdleStateEvent)) {
            ctx.fireUserEventTriggered(evt);
            return;
        }
        Exchange exchange = current(ctx);
        if (exchange == null) {
            ctx.close();
        } else if (exchange.hasFirstByte()) {
            exchange.fail(FailureClass.TIMEOUT, "no bytes received for the read timeout");
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        Exchange exchange = current(ctx);
        if (exchange != null) {
            exchange.fail(FailureClass.CONNECTION_RESET, "connection closed before the response was complete");
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Exchange exchange = current(ctx);
        if (exchange != null) {
            exchange.fail(FailureClassifier.classify(cause), FailureClassifier.describe(cause));
        }
        ctx.close();
    }

    private static @Nullable Exchange current(ChannelHandlerContext ctx) {
        Exchange exchange = ctx.channel().attr(HttpFetcher.EXCHANGE).get();
        return exchange == null || exchange.isDone() ? null : exchange;
    }
}
