package dev.crawler.core.fetch;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/** A growable byte array with a hard ceiling; owned by one channel's event loop, so unsynchronised. */
final class BodyBuffer {
    private final long limit;
    private byte[] bytes = new byte[16 * 1024];
    private int size;

    BodyBuffer(long limit) {
        this.limit = limit;
    }

    /**
     * Appends the readable bytes of {@code content}, or as many as fit under the limit; returns false
     * when some did not fit.
     */
    boolean append(ByteBuf content) {
        int length = (int) Math.min(content.readableBytes(), limit - size);
        if (size + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(limit, Math.max((long) bytes.length * 2, (long) size + length)));
        }
        content.readBytes(bytes, size, length);
        size += length;
        return !content.isReadable();
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }
}
