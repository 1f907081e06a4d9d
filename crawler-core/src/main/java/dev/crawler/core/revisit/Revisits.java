package dev.crawler.core.revisit;

import dev.crawler.storage.CommitResult;
import dev.crawler.storage.CrawlStore;
import dev.crawler.storage.PageState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts the pages of a crawl that are due back in its frontier, so that a crawl engine run over the
 * same store revisits them with everything a crawl has: politeness, robots.txt, learned paces, retries
 * and crash safety. A revisited URL is in the seen set already, so it is queued by
 * {@link CrawlStore#queueRevisits}, which takes known pages only; the links a revisit finds go through
 * the seen set like any others, so only new products enter the frontier.
 */
public final class Revisits {
    /** Pages queued per batch: bounds the memory of one call whatever the size of the crawl. */
    static final int BATCH = 10_000;

    private Revisits() {
    }

    /**
     * Queues every page due at {@code now}, or with {@code all} every page not queued already (gone
     * ones too: a listing page may come back), in batches of {@value #BATCH}. Writes to the store: call it before the engine runs, or
     * from the store's writer.
     *
     * @return how many were queued
     */
    public static long queueDue(CrawlStore store, Instant now, boolean all) {
        if (all) {
            List<String> urls = new ArrayList<>();
            store.forEachPage(page -> {
                if (!page.queued()) {
                    urls.add(page.url());
                }
            });
            long queued = 0;
            for (int from = 0; from < urls.size(); from += BATCH) {
                queued += queued(store.queueRevisits(urls.subList(from, Math.min(urls.size(), from + BATCH))));
            }
            return queued;
        }
        long queued = 0;
        while (true) {
            List<PageState> due = store.duePages(now, BATCH);
            if (due.isEmpty()) {
                return queued;
            }
            // Each queued page leaves the due index in the same batch, so the next scan starts past it.
            long batchQueued = queued(store.queueRevisits(due.stream().map(PageState::url).toList()));
            if (batchQueued == 0) {
                return queued; // the index named pages that cannot be queued: nothing more will come of asking again
            }
            queued += batchQueued;
        }
    }

    private static long queued(CommitResult result) {
        return result.queuedByHost().values().stream().mapToLong(Integer::longValue).sum();
    }
}
