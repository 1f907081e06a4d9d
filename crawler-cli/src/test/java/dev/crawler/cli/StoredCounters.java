package dev.crawler.cli;

import dev.crawler.storage.CrawlDirectoryException;
import dev.crawler.storage.CrawlStore;
import java.nio.file.Files;
import java.nio.file.Path;

/** Counters of a crawl as committed so far, read from a read-only store while another process may be writing it. */
final class StoredCounters {
    private StoredCounters() {
    }

    /**
     * The counter's committed value; 0 while the crawl directory is not there yet or cannot be opened
     * yet (a child process still creating it).
     */
    static long read(Path dir, String name) {
        if (!Files.exists(dir.resolve("crawl.json"))) {
            return 0;
        }
        try (CrawlStore store = CrawlStore.openReadOnly(dir)) {
            return store.counter(name);
        } catch (CrawlDirectoryException e) {
            return 0;
        }
    }
}
