package dev.crawler.core.coordination;

/**
 * A group could not be published (this member lost its hosts to another, or cannot reach the others).
 * Nothing of it is applied: its URLs stay queued here and are fetched again by whoever owns them.
 */
public final class NotPublishedException extends RuntimeException {
    public NotPublishedException(String message) {
        super(message);
    }

    public NotPublishedException(String message, Throwable cause) {
        super(message, cause);
    }
}
