package dev.crawler.core.fetch;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/** A growable byte array with a hard ceiling; owned by one channel's event loop, so unsynchronised. */
final class BodyBuffer {
    private static final long MAX_PRESIZE = 512 * 1024;

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
    /**
     * The response declared its length: take room for all of it at once, instead of doubling through a
     * 100 KB page and copying it each time. Capped, because the declaration may be a lie and hundreds
     * of fetches are in flight at once.
     */
    void expect(long declaredLength) {
        long wanted = Math.min(Math.min(limit, declaredLength), MAX_PRESIZE);
        if (wanted > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) wanted);
        }
    }

    boolean append(ByteBuf content) {
        int length = (int) Math.min(content.readableBytes(), limit - size);
        if (size + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(limit, Math.max((long) bytes.length * 2, (long) size + length)));
        }
        content.readBytes(bytes, size, length);
        size += length;
        return !content.isReadable();
    }

    /** The body; the buffer itself when it is exactly full (a declared length that was kept), so not copied again. */
    byte[] toByteArray() {
        return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }
}
