package dev.crawler.core.engine;

/** Receives progress snapshots on the dispatcher thread; must return quickly. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = progress -> { };

    void onProgress(CrawlProgress progress);
}
