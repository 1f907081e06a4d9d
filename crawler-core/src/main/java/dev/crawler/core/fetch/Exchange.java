package dev.crawler.core.fetch;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.pool.ChannelPool;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One request and its response on one pooled channel. Lives entirely on that channel's event loop,
 * which is why nothing here is synchronised; it completes its future exactly once and then gives the
 * channel back to the pool (or closes it when it cannot be reused).
 */
final class Exchange {
    private final URI uri;
    private final Channel channel;
    private final ChannelPool pool;
    private final CompletableFuture<FetchOutcome> result;
    private final BodyLimit limit;
    private final CookieJar cookies;
    private final BodyBuffer body;
    private final long startNanos;
    private final List<ScheduledFuture<?>> timers = new ArrayList<>(2);
    private boolean firstByteSeen;
    private int status;
    private Map<String, String> headers = Map.of();
    private boolean keepAlive;
    private boolean done;

    Exchange(URI uri, Channel channel, ChannelPool pool, CompletableFuture<FetchOutcome> result, BodyLimit limit,
            CookieJar cookies) {
        this.uri = uri;
        this.channel = channel;
        this.pool = pool;
        this.result = result;
        this.limit = limit;
        this.cookies = cookies;
        this.body = new BodyBuffer(limit.maxBytes());
        this.startNanos = System.nanoTime();
    }

    /** A timer that ends the exchange; cancelled when it finishes first. */
    void timer(ScheduledFuture<?> task) {
        timers.add(task);
    }

    boolean isDone() {
        return done;
    }

    /** Whether any part of the response has arrived; until then the first-byte timeout, not the read timeout, applies. */
    boolean hasFirstByte() {
        return firstByteSeen;
    }

    /** Something of the response arrived: the first-byte timer no longer matters. */
    void onFirstByte() {
        firstByteSeen = true;
    }

    void onHead(HttpResponse response) {
        status = response.status().code();
        keepAlive = HttpUtil.isKeepAlive(response);
        headers = flatten(response.headers());
        // Whatever the status: a consent page's redirect is where shops set the cookie.
        cookies.store(uri, response.headers().getAll(HttpHeaderNames.SET_COOKIE));
        long declared = HttpUtil.getContentLength(response, -1L);
        if (declared > limit.maxBytes() && limit.overflow() == BodyLimit.Overflow.FAIL) {
            fail(FailureClass.TOO_LARGE, "Content-Length " + declared + " exceeds " + limit.maxBytes() + " bytes");
        } else if (declared > 0) {
            // Present only when the body is not being decompressed (the decoder removes it), so it is the real size.
            body.expect(declared);
        }
    }

    void onContent(ByteBuf content) {
        if (done || body.append(content)) {
            return;
        }
        if (limit.overflow() == BodyLimit.Overflow.TRUNCATE) {
            // The rest is not wanted; the connection cannot be reused with a body half read.
            finish(response(), false);
        } else {
            fail(FailureClass.TOO_LARGE, "body exceeds " + limit.maxBytes() + " bytes");
        }
    }

    void onLastContent() {
        if (!done) {
            finish(response(), keepAlive);
        }
    }

    /** Ends the exchange with a failure; the channel is closed because its state is unknown. */
    void fail(FailureClass failureClass, String message) {
        if (!done) {
            finish(new FetchOutcome.Failure(uri, failureClass, message), false);
        }
    }

    private FetchOutcome.Response response() {
        return new FetchOutcome.Response(uri, status, headers, body.toByteArray(), System.nanoTime() - startNanos);
    }

    private void finish(FetchOutcome outcome, boolean reusable) {
        done = true;
        for (ScheduledFuture<?> timer : timers) {
            timer.cancel(false);
        }
        channel.attr(HttpFetcher.EXCHANGE).set(null);
        if (!reusable) {
            channel.close();
        }
        pool.release(channel);
        result.complete(outcome);
    }

    private static Map<String, String> flatten(HttpHeaders headers) {
        Map<String, String> flat = new HashMap<>();
        for (Map.Entry<String, String> header : headers) {
            flat.merge(header.getKey().toLowerCase(Locale.ROOT), header.getValue(), (a, b) -> a + ", " + b);
        }
        return flat;
    }
}
