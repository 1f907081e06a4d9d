package dev.crawler.core.parse;

import dev.crawler.core.extract.ExtractedProduct;
import dev.crawler.core.fetch.FailureClass;
import dev.crawler.storage.DiscoveredUrl;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything the processing of one leased URL produced, ready for the committer.
 *
 * @param httpStatus the response status, or 0 when there was no response
 * @param bytes      body bytes received
 * @param links      in-scope links, canonical, not yet de-duplicated against the seen set
 * @param failure    why the URL produced no page, if it did not
 * @param revalidation whether the page changed since it was last seen, and its validators
 */
public record PageOutcome(
        PageTask task,
        int httpStatus,
        long bytes,
        List<DiscoveredUrl> links,
        List<ExtractedProduct> products,
        Optional<Failure> failure,
        Instant fetchedAt,
        Revalidation revalidation) {

    public PageOutcome {
        links = List.copyOf(links);
        products = List.copyOf(products);
    }

    /** An outcome that says nothing of the page's freshness: a failure, a redirect. */
    public PageOutcome(PageTask task, int httpStatus, long bytes, List<DiscoveredUrl> links, List<ExtractedProduct> products,
            Optional<Failure> failure, Instant fetchedAt) {
        this(task, httpStatus, bytes, links, products, failure, fetchedAt, Revalidation.NONE);
    }

    /** A revisit that found the page as it was: nothing to parse, nothing new. */
    public static PageOutcome unchanged(PageTask task, int httpStatus, Revalidation revalidation, Instant at) {
        return new PageOutcome(task, httpStatus, 0, List.of(), List.of(), Optional.empty(), at, revalidation);
    }

    /** A failed URL: the class it is counted under and what happened. */
    public record Failure(FailureClass failureClass, String message) {
    }

    public static PageOutcome failed(PageTask task, int httpStatus, FailureClass failureClass, String message, Instant at) {
        return new PageOutcome(task, httpStatus, 0, List.of(), List.of(), Optional.of(new Failure(failureClass, message)), at);
    }
}
