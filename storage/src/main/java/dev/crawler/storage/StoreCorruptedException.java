package dev.crawler.storage;

/** A stored value that cannot be decoded: the crawl directory is damaged. */
public final class StoreCorruptedException extends RuntimeException {
    public StoreCorruptedException(String message, @org.jspecify.annotations.Nullable Throwable cause) {
        super(message, cause);
    }
}
