package dev.crawler.core.commit;

import dev.crawler.core.extract.ExtractedProduct;
import dev.crawler.core.fetch.FailureClass;
import dev.crawler.core.parse.PageOutcome;
import dev.crawler.storage.FailureRecord;
import dev.crawler.storage.PageCommit;
import dev.crawler.storage.ProductRecord;
import dev.crawler.storage.QueuedUrl;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides what one page outcome changes in the store: which counters move, whether a failure is
 * retried or recorded, and under which identity each product is kept. Pure; thread-safe.
 */
public final class CommitPlanner {
    private final int maxRetries;
    private final RetryBackoff backoff;

    public CommitPlanner(int maxRetries, RetryBackoff backoff) {
        this.maxRetries = maxRetries;
        this.backoff = backoff;
    }

    public PageCommit plan(PageOutcome outcome) {
        QueuedUrl queued = outcome.task().queued();
        Map<String, Long> counters = new HashMap<>();
        if (outcome.httpStatus() > 0) {
            counters.put(CrawlCounters.PAGES_FETCHED, 1L);
            counters.put(CrawlCounters.BYTES_FETCHED, outcome.bytes());
            counters.put(CrawlCounters.http(outcome.httpStatus()), 1L);
        }
        if (outcome.failure().isEmpty()) {
            return new PageCommit(queued.key(), Optional.empty(), outcome.links(), records(outcome), Optional.empty(), counters);
        }
        PageOutcome.Failure failure = outcome.failure().get();
        if (failure.failureClass().isTransient() && queued.attempts() < maxRetries) {
            counters.merge(CrawlCounters.RETRIES, 1L, Long::sum);
            int attempts = queued.attempts() + 1;
            long notBefore = outcome.fetchedAt().plus(backoff.after(attempts, queued.url())).toEpochMilli();
            PageCommit.RequeuedUrl again = new PageCommit.RequeuedUrl(queued.url(), queued.depth(), queued.key().priority(),
                    attempts, notBefore, queued.redirectHops());
            return new PageCommit(queued.key(), Optional.of(again), List.of(), List.of(), Optional.empty(), counters);
        }
        boolean skipped = failure.failureClass() == FailureClass.ROBOTS_DENIED || failure.failureClass() == FailureClass.OUT_OF_SCOPE
                || failure.failureClass() == FailureClass.BLOCKED_ADDRESS;
        counters.merge(skipped ? CrawlCounters.URLS_SKIPPED : CrawlCounters.PAGES_FAILED, 1L, Long::sum);
        counters.merge(CrawlCounters.failure(failure.failureClass()), 1L, Long::sum);
        FailureRecord record = new FailureRecord(queued.url(), failure.failureClass().label(), outcome.httpStatus(),
                failure.message(), queued.attempts() + 1, outcome.fetchedAt());
        return new PageCommit(queued.key(), Optional.empty(), List.of(), List.of(), Optional.of(record), counters);
    }

    private static List<ProductRecord> records(PageOutcome outcome) {
        List<ProductRecord> records = new ArrayList<>(outcome.products().size());
        String host = URI.create(outcome.task().queued().url()).getHost();
        int index = 0;
        for (ExtractedProduct product : outcome.products()) {
            records.add(new ProductRecord(identity(product, index++), product.url(), product.name(), product.price(),
                    product.currency(), product.sku(), product.gtin(), product.brand(), product.availability(),
                    product.image(), product.rating(), product.reviewCount(), host, outcome.fetchedAt()));
        }
        return records;
    }

    /**
     * A product is the same record wherever it is found: its URL plus its SKU, or its position on the
     * page when it has none. So the same product reached through two URLs is stored once.
     */
    static String identity(ExtractedProduct product, int index) {
        return product.url() + "#" + (product.sku() != null ? "sku:" + product.sku() : "item:" + index);
    }
}
