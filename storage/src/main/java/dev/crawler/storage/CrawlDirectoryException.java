package dev.crawler.storage;

import java.nio.file.Path;

/**
 * A crawl directory that cannot be used, with a message a person can act on.
 */
public final class CrawlDirectoryException extends RuntimeException {
    /** Why the directory cannot be used. */
    public enum Reason {
        MISSING, NOT_A_CRAWL, ALREADY_A_CRAWL, LOCKED, NEWER_FORMAT, CORRUPTED, DISK_FULL, IO
    }

    private final Reason reason;
    private final Path directory;

    public CrawlDirectoryException(Reason reason, Path directory, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.directory = directory;
    }

    public CrawlDirectoryException(Reason reason, Path directory, String message) {
        super(message);
        this.reason = reason;
        this.directory = directory;
    }

    public Reason reason() {
        return reason;
    }

    public Path directory() {
        return directory;
    }
}
