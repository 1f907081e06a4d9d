package dev.crawler.core.support;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;

/** The leak guard can fail: a buffer dropped without release is reported. */
class NettyLeakGuardTest {
    @Test
    void aDroppedBufferIsReportedAsALeak() {
        leakOneBuffer();

        assertThatThrownBy(() -> new NettyLeakGuard().afterEach(null))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("leaked");
    }

    private static void leakOneBuffer() {
        ByteBuf leaked = PooledByteBufAllocator.DEFAULT.buffer(64);
        leaked.writeInt(42);
    }
}
