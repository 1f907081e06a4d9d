package dev.crawler.storage;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One URL waiting in the frontier.
 *
 * @param key      where it sits in its host's queue
 * @param url      the canonical URL
 * @param depth    link distance from a seed (seeds are 0)
 * @param attempts how many fetches of it have failed transiently so far
 */
public record QueuedUrl(FrontierKey key, String url, int depth, int attempts) {
    public QueuedUrl {
        if (url.isEmpty()) {
            throw new IllegalArgumentException("url must not be empty");
        }
        if (depth < 0 || attempts < 0) {
            throw new IllegalArgumentException("depth and attempts must be >= 0, were " + depth + ", " + attempts);
        }
    }

    byte[] encodeValue() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(url.length() + 8);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeShort(depth);
            out.writeShort(attempts);
            out.writeUTF(url);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    static QueuedUrl decode(byte[] key, byte[] value) {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(value))) {
            int depth = in.readUnsignedShort();
            int attempts = in.readUnsignedShort();
            return new QueuedUrl(FrontierKey.decode(key), in.readUTF(), depth, attempts);
        } catch (IOException e) {
            throw new StoreCorruptedException("unreadable frontier entry", e);
        }
    }
}
