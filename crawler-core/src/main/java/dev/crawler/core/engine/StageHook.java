package dev.crawler.core.engine;

import dev.crawler.core.parse.PageOutcome;
import dev.crawler.core.parse.PageTask;

/**
 * Called as each stage of the crawl begins its work on a URL, on that stage's own thread. A crawl's
 * hook does nothing ({@link #NONE}); tests make a stage throw here to prove the crawl survives it.
 */
interface StageHook {
    StageHook NONE = new StageHook() {
    };

    /** A parse thread is about to process a fetched page. */
    default void processing(PageTask task) {
    }

    /** The committer is about to plan the write for a page outcome. */
    default void planning(PageOutcome outcome) {
    }

    /** A parse thread is about to read a host's fetched robots.txt. */
    default void readingRobots(String origin) {
    }
}
