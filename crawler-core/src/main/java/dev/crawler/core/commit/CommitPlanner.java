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
 *
 * <p>A failure is retried as its class's row of the {@link FailureClass} table says: never; with
 * backoff in the retry lane, spending one of {@code maxRetries} attempts; or, when the host pushed back,
 * at once at the back of its host's queue (the host's pause keeps it waiting), spending none of them
 * but one of {@code maxPushBacks}.
 */
public final class CommitPlanner {
    private final int maxRetries;
    private final int maxPushBacks;
    private final RetryBackoff backoff;

    /**
     * @param maxRetries   attempts a URL may spend on failures that may pass ({@code fetch.maxRetries})
     * @param maxPushBacks times a host may push back on one URL ({@code politeness.maxPushBacks})
     */
    public CommitPlanner(int maxRetries, int maxPushBacks, RetryBackoff backoff) {
        this.maxRetries = maxRetries;
        this.maxPushBacks = maxPushBacks;
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
        FailureClass.Retry retry = failure.failureClass().retry();
        if (retry == FailureClass.Retry.WITH_BACKOFF && queued.attempts() < maxRetries) {
            counters.merge(CrawlCounters.RETRIES, 1L, Long::sum);
            int attempts = queued.attempts() + 1;
            long notBefore = outcome.fetchedAt().plus(backoff.after(attempts, queued.url())).toEpochMilli();
            return requeue(queued, attempts, notBefore, queued.pushBacks(), counters);
        }
        if (retry == FailureClass.Retry.AFTER_HOST_PAUSE && queued.pushBacks() < maxPushBacks) {
            counters.merge(CrawlCounters.PUSH_BACKS, 1L, Long::sum);
            return requeue(queued, queued.attempts(), 0, queued.pushBacks() + 1, counters);
        }
        String message = retry == FailureClass.Retry.AFTER_HOST_PAUSE
                ? failure.message() + "; pushed back " + (queued.pushBacks() + 1) + " times (politeness.maxPushBacks is " + maxPushBacks + ")"
                : failure.message();
        boolean skipped = failure.failureClass() == FailureClass.ROBOTS_DENIED || failure.failureClass() == FailureClass.OUT_OF_SCOPE
                || failure.failureClass() == FailureClass.BLOCKED_ADDRESS;
        counters.merge(skipped ? CrawlCounters.URLS_SKIPPED : CrawlCounters.PAGES_FAILED, 1L, Long::sum);
        counters.merge(CrawlCounters.failure(failure.failureClass()), 1L, Long::sum);
        FailureRecord record = new FailureRecord(queued.url(), failure.failureClass().label(), outcome.httpStatus(),
                message, queued.attempts() + queued.pushBacks() + 1, outcome.fetchedAt());
        return new PageCommit(queued.key(), Optional.empty(), List.of(), List.of(), Optional.of(record), counters);
    }

    /** The URL queued again at the back of its host's queue: in the retry lane until {@code notBefore} (0: at once). */
    private static PageCommit requeue(QueuedUrl queued, int attempts, long notBefore, int pushBacks, Map<String, Long> counters) {
        PageCommit.RequeuedUrl again = new PageCommit.RequeuedUrl(queued.url(), queued.depth(), queued.key().priority(),
                attempts, notBefore, queued.redirectHops(), pushBacks);
        return new PageCommit(queued.key(), Optional.of(again), List.of(), List.of(), Optional.empty(), counters);
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
