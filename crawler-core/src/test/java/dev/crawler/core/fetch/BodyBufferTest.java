package dev.crawler.core.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BodyBufferTest {

    private static boolean append(BodyBuffer buffer, byte[] bytes) {
        ByteBuf content = Unpooled.wrappedBuffer(bytes);
        try {
            return buffer.append(content);
        } finally {
            content.release();
        }
    }

    private static byte[] bytes(int length, int seed) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) seed);
        return bytes;
    }

    @Test
    void aBodyOfTheDeclaredLengthArrivesWhole() {
        BodyBuffer buffer = new BodyBuffer(1 << 20);
        buffer.expect(100_000);

        assertThat(append(buffer, bytes(60_000, 1))).isTrue();
        assertThat(append(buffer, bytes(40_000, 2))).isTrue();

        byte[] body = buffer.toByteArray();
        assertThat(body).hasSize(100_000);
        assertThat(body[59_999]).isEqualTo((byte) 1);
        assertThat(body[60_000]).isEqualTo((byte) 2);
    }

    @Test
    void aDeclaredLengthThatLiesEitherWayChangesNothingButTheFirstAllocation() {
        BodyBuffer shorter = new BodyBuffer(1 << 20);
        shorter.expect(10);
        assertThat(append(shorter, bytes(50_000, 3))).isTrue();
        assertThat(shorter.toByteArray()).hasSize(50_000);

        BodyBuffer longer = new BodyBuffer(8L << 20);
        longer.expect(8L << 20);
        assertThat(append(longer, bytes(1_000, 4))).isTrue();
        assertThat(longer.toByteArray()).hasSize(1_000);
    }

    @Test
    void bytesPastTheLimitAreRefused() {
        BodyBuffer buffer = new BodyBuffer(1_024);
        buffer.expect(4_096);

        assertThat(append(buffer, bytes(2_000, 5))).isFalse();
        assertThat(buffer.toByteArray()).hasSize(1_024);
    }
}
