package dev.crawler.storage;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** The few value encodings the parts share: UTF-8 keys and big-endian numbers, as format 1 has them. */
final class StoreBytes {
    private StoreBytes() {
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] ofLong(long value) {
        return ByteBuffer.allocate(8).putLong(value).array();
    }

    static long toLong(byte[] bytes) {
        return ByteBuffer.wrap(bytes).getLong();
    }

    static byte[] ofInt(int value) {
        return ByteBuffer.allocate(4).putInt(value).array();
    }

    static int toInt(byte[] bytes) {
        return ByteBuffer.wrap(bytes).getInt();
    }
}
