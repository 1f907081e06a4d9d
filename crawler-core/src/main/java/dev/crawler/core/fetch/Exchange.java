package dev.crawler.core.fetch;

import io.netty.channel.Channel;
import io.netty.channel.pool.ChannelPool;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

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
    private final BodyBuffer body;
    private final long maxBodyBytes;
    private final long startNanos;
    private @Nullable ScheduledFuture<?> deadline;
    private int status;
    private Map<String, String> headers = Map.of();
    private boolean keepAlive;
    private boolean done;

    Exchange(URI uri, Channel channel, ChannelPool pool, CompletableFuture<FetchOutcome> result, long maxBodyBytes) {
        this.uri = uri;
        this.channel = channel;
        this.pool = pool;
        this.result = result;
        this.maxBodyBytes = maxBodyBytes;
        this.body = new BodyBuffer(maxBodyBytes);
        this.startNanos = System.nanoTime();
    }

    void deadline(ScheduledFuture<?> task) {
        this.deadline = task;
    }

    boolean isDone() {
        return done;
    }

    void onHead(HttpResponse response) {
        status = response.status().code();
        keepAlive = HttpUtil.isKeepAlive(response);
        headers = flatten(response.headers());
        long declared = HttpUtil.getContentLength(response, -1L);
        if (declared > maxBodyBytes) {
            fail(FailureClass.TOO_LARGE, "Content-Length " + declared + " exceeds " + maxBodyBytes + " bytes");
        }
    }

    void onContent(io.netty.buffer.ByteBuf content) {
        if (!done && !body.append(content)) {
            fail(FailureClass.TOO_LARGE, "body exceeds " + maxBodyBytes + " bytes");
        }
    }

    void onLastContent() {
        if (done) {
            return;
        }
        finish(new FetchOutcome.Response(uri, status, headers, body.toByteArray(), System.nanoTime() - startNanos), keepAlive);
    }

    /** Ends the exchange with a failure; the channel is closed because its state is unknown. */
    void fail(FailureClass failureClass, String message) {
        if (!done) {
            finish(new FetchOutcome.Failure(uri, failureClass, message), false);
        }
    }

    private void finish(FetchOutcome outcome, boolean reusable) {
        done = true;
        if (deadline != null) {
            deadline.cancel(false);
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
