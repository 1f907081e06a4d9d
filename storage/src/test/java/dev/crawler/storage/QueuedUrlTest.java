package dev.crawler.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The value codec of a frontier entry, and how it reads entries written before it had push-backs. */
class QueuedUrlTest {
    private static final FrontierKey KEY = new FrontierKey(3, 1, 42);

    @Test
    void aUrlWithoutPushBacksKeepsTheShortLayout() {
        QueuedUrl url = new QueuedUrl(KEY, "https://shop.example/p/1", 4, 2, 1, 0);

        byte[] value = url.encodeValue();

        assertThat(value).hasSize(4 + url.url().length());
        assertThat(QueuedUrl.decode(KEY.encode(), value)).isEqualTo(url);
    }

    @Test
    void pushBacksRoundTripBesideAttemptsAndRedirectHops() {
        QueuedUrl url = new QueuedUrl(KEY, "https://shop.example/p/1", 4, 2, 1, 17);

        assertThat(QueuedUrl.decode(KEY.encode(), url.encodeValue())).isEqualTo(url);
    }

    @Test
    void pushBacksPastOneByteAreKeptAtTheMost() {
        QueuedUrl url = new QueuedUrl(KEY, "https://shop.example/p/1", 0, 0, 0, 1000);

        assertThat(QueuedUrl.decode(KEY.encode(), url.encodeValue()).pushBacks()).isEqualTo(QueuedUrl.MAX_PUSH_BACKS);
    }

    @Test
    void anEntryWrittenBeforePushBacksWereKeptReadsAsNone() {
        byte[] text = "http://shop.example/old".getBytes(StandardCharsets.UTF_8);
        byte[] old = ByteBuffer.allocate(4 + text.length).putShort((short) 2).put((byte) 0).put((byte) 3).put(text).array();

        assertThat(QueuedUrl.decode(KEY.encode(), old)).isEqualTo(new QueuedUrl(KEY, "http://shop.example/old", 2, 3, 0, 0));
    }
}
