package dev.crawler.core.revisit;

import dev.crawler.core.commit.CrawlCounters;
import dev.crawler.core.parse.PageOutcome;
import dev.crawler.core.parse.Revalidation;
import dev.crawler.storage.PageCommit;
import dev.crawler.storage.PageState;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Adds to a page's write what the visit teaches about the page: its validators, its next visit, and
 * whether it is gone. Runs on the committer thread, after the crawl's own planner, and changes nothing
 * that planner decided (records, links, retries, failures) beyond counting, except that a known page
 * that answers 404 or 410 is gone rather than failed.
 *
 * <table>
 * <caption>What a visit found, and what is kept of the page</caption>
 * <tr><th>visit</th><th>page state</th><th>counted</th></tr>
 * <tr><td>a first fetch with a body</td><td>created, due after {@code revisit.initialInterval}</td><td>-</td></tr>
 * <tr><td>a 304, or the same body</td><td>unchanged, its interval grown</td><td>{@code pages.unchanged}</td></tr>
 * <tr><td>a new body</td><td>new validators, its interval shortened</td><td>-</td></tr>
 * <tr><td>a 404 or 410 of a known page</td><td>gone, due again after {@code revisit.maxInterval}</td><td>{@code pages.gone},
 * not {@code pages.failed} (no failure record)</td></tr>
 * <tr><td>a new body of a product page without a product</td><td>gone (status 200)</td><td>{@code pages.gone}</td></tr>
 * <tr><td>a failure to be retried</td><td>left as it is (still queued)</td><td>-</td></tr>
 * <tr><td>any other failure or a redirect of a known page</td><td>due again after its interval</td><td>-</td></tr>
 * </table>
 *
 * <p>Pure; thread-safe.
 */
public final class VisitPlanner {
    private final VisitSchedule schedule;

    public VisitPlanner(VisitSchedule schedule) {
        this.schedule = schedule;
    }

    public PageCommit plan(PageOutcome outcome, PageCommit planned) {
        Optional<PageState> known = outcome.task().known();
        Revalidation found = outcome.revalidation();
        Instant at = outcome.fetchedAt();
        if (found.freshness().unchanged() && known.isPresent()) {
            Map<String, Long> counters = new HashMap<>();
            counters.put(CrawlCounters.PAGES_UNCHANGED, 1L);
            counters.put(found.freshness() == Revalidation.Freshness.NOT_MODIFIED ? CrawlCounters.PAGES_NOT_MODIFIED
                    : CrawlCounters.PAGES_SAME_BODY, 1L);
            PageState next = schedule.revisited(known.get(), known.get().kind(), found.validators(), found.bodyHash(), false, at);
            return planned.withPage(next).withCounters(counters);
        }
        if (found.freshness() == Revalidation.Freshness.NEW_BODY && planned.failure().isEmpty()) {
            return planned.withPage(read(outcome, known, found, at)).withCounters(goneCount(known, outcome));
        }
        if (known.isEmpty() || planned.requeue().isPresent()) {
            return planned; // a page never read, or one that is tried again: nothing learnt yet
        }
        int status = outcome.httpStatus();
        if (status == 404 || status == 410) {
            Map<String, Long> counters = new HashMap<>();
            if (!known.get().gone()) {
                counters.put(CrawlCounters.PAGES_GONE, 1L);
            }
            // Gone, not failed: its page state says so, and the crawl's failures stay the pages that could not be read.
            planned.counters().forEach((name, delta) -> {
                if (name.equals(CrawlCounters.PAGES_FAILED) || name.startsWith(CrawlCounters.FAILURE_PREFIX)) {
                    counters.put(name, -delta);
                }
            });
            return planned.withoutFailure().withPage(schedule.gone(known.get(), status, at)).withCounters(counters);
        }
        return planned.withPage(schedule.unanswered(known.get(), at));
    }

    private PageState read(PageOutcome outcome, Optional<PageState> known, Revalidation found, Instant at) {
        PageState.Kind kind = outcome.products().isEmpty() ? PageState.Kind.LISTING : PageState.Kind.PRODUCT;
        if (known.isEmpty()) {
            return schedule.first(outcome.task().queued().url(), outcome.task().origin(), outcome.task().queued().depth(), kind,
                    found.validators(), found.bodyHash(), at);
        }
        if (productGone(known, outcome)) {
            return schedule.gone(known.get(), outcome.httpStatus(), at);
        }
        boolean changed = !Objects.equals(known.get().bodyHash(), found.bodyHash());
        return schedule.revisited(known.get(), kind, found.validators(), found.bodyHash(), changed, at);
    }

    /** A product page that answers with a page but carries no product any more: the product is gone. */
    private static boolean productGone(Optional<PageState> known, PageOutcome outcome) {
        return known.isPresent() && known.get().kind() == PageState.Kind.PRODUCT && outcome.products().isEmpty();
    }

    private static Map<String, Long> goneCount(Optional<PageState> known, PageOutcome outcome) {
        return productGone(known, outcome) && !known.get().gone() ? Map.of(CrawlCounters.PAGES_GONE, 1L) : Map.of();
    }
}
