package dev.crawler.core.fetch;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
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

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        Exchange exchange = current(ctx);
        if (evt instanceof IdleStateEvent && exchange != null) {
            exchange.fail(FailureClass.TIMEOUT, "no bytes received for the read timeout");
        } else if (evt instanceof IdleStateEvent) {
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(evt);
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
