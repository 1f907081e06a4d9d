package dev.crawler.core.parse;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Recognises common binary formats by their first bytes, so that a PDF or an image is not parsed as
 * HTML when a server labels it {@code text/html}. Pure; thread-safe.
 */
final class BinarySniffer {
    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};
    private static final byte[] GIF = "GIF8".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] GZIP = {0x1F, (byte) 0x8B};

    private BinarySniffer() {
    }

    /** The binary format {@code body} starts with ({@code "PDF"}, {@code "PNG"}...), if any. */
    static Optional<String> kind(byte[] body) {
        if (startsWith(body, PDF)) {
            return Optional.of("PDF");
        }
        if (startsWith(body, PNG)) {
            return Optional.of("PNG");
        }
        if (startsWith(body, GIF)) {
            return Optional.of("GIF");
        }
        if (startsWith(body, JPEG)) {
            return Optional.of("JPEG");
        }
        if (startsWith(body, ZIP)) {
            return Optional.of("ZIP");
        }
        if (startsWith(body, GZIP)) {
            return Optional.of("gzip");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] body, byte[] magic) {
        if (body.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (body[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
