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

    /** Appends the readable bytes of {@code content}; returns false, appending nothing, past the limit. */
    boolean append(ByteBuf content) {
        int length = content.readableBytes();
        if ((long) size + length > limit) {
            return false;
        }
        if (size + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(limit, Math.max((long) bytes.length * 2, (long) size + length)));
        }
        content.readBytes(bytes, size, length);
        size += length;
        return true;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }
}
