package dev.crawler.cluster;

/** The crawl's topics exist in a shape this member cannot join: another partition count, say. */
public final class CrawlTopicsMismatchException extends RuntimeException {
    public CrawlTopicsMismatchException(String message) {
        super(message);
    }
}
