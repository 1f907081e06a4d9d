package dev.crawler.core.commit;

import dev.crawler.core.parse.PageOutcome;
import dev.crawler.storage.PageCommit;

/**
 * Turns one page outcome into the write that records it, for the {@link Committer}. A crawl's is
 * {@link CommitPlanner#plan}; the committer survives one that throws (see {@link Committer}).
 */
@FunctionalInterface
public interface OutcomePlanner {
    PageCommit plan(PageOutcome outcome);
}
