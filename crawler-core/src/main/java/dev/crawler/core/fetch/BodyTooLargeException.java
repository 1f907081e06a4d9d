package dev.crawler.core.fetch;

import io.netty.handler.codec.compression.DecompressionException;

/**
 * A compressed body inflated past the body limit. Raised inside the content decoder, before the
 * decoded bytes reach the exchange, so a gzip or brotli bomb costs at most the limit in memory.
 */
final class BodyTooLargeException extends DecompressionException {
    private static final long serialVersionUID = 1L;

    BodyTooLargeException(long limit) {
        super("decompressed body exceeds " + limit + " bytes");
    }
}
