package dev.crawler.cli;

import dev.crawler.core.engine.CrawlEngine;

/**
 * What Ctrl-C and SIGTERM stop: one crawl engine, or a watch that runs an engine per round and sleeps
 * between them. Both methods may be called from any thread, more than once.
 */
interface Stoppable {
    /** Stops gracefully: what is in flight finishes and is committed, then the run returns. */
    void stop();

    /** Stops at once; what was not committed is fetched again on resume. */
    void abort();

    static Stoppable of(CrawlEngine engine) {
        return new Stoppable() {
            @Override
            public void stop() {
                engine.stop();
            }

            @Override
            public void abort() {
                engine.abort();
            }
        };
    }
}
