package dev.crawler.core.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.nio.NioEventLoopGroup;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The guard behind every "the event loop never blocks" claim: if BlockHound were not installed, this fails. */
class BlockHoundIsActiveTest {
    @Test
    void aBlockingCallOnAnEventLoopThreadIsRefused() throws Exception {
        NioEventLoopGroup group = new NioEventLoopGroup(1);
        try {
            CompletableFuture<Throwable> seen = new CompletableFuture<>();
            group.execute(() -> {
                try {
                    Thread.sleep(1);
                    seen.complete(null);
                } catch (Throwable error) {
                    seen.complete(error);
                }
            });

            assertThat(seen.get(10, TimeUnit.SECONDS))
                    .isNotNull()
                    .extracting(error -> error.getClass().getName()).isEqualTo("reactor.blockhound.BlockingOperationError");
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
