package dev.crawler.storage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The 128-bit fingerprint of a canonical URL, the key of the seen set.
 *
 * <p>MD5 is used for its spread, not for security: 128 bits make a collision between two URLs of
 * one crawl vanishingly unlikely (about 10^-20 at 10^9 URLs), and every JDK has it.
 */
final class UrlFingerprint {
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(UrlFingerprint::newDigest);

    private UrlFingerprint() {
    }

    static byte[] of(String canonicalUrl) {
        MessageDigest digest = DIGEST.get();
        digest.reset();
        return digest.digest(canonicalUrl.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide MD5", e);
        }
    }
}
