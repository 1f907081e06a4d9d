package dev.crawler.core.revisit;

import dev.crawler.core.config.CrawlConfig;
import dev.crawler.core.fetch.Validators;
import dev.crawler.storage.PageState;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * When a page is next due, from what its visits found.
 *
 * <p>A page that changed is likely to change again soon; one that did not can wait longer. So each
 * page earns its own interval: {@code initialInterval} after its first visit, halved after a visit that
 * found it changed, grown by half after one that found it unchanged, always within
 * {@code minInterval..maxInterval} (multiplicative both ways, so a page settles quickly to the rate at
 * which it changes). The next visit is the interval from this one, moved by up to {@code jitter} of it
 * either way: pages first crawled together would otherwise fall due together, and a recrawl would
 * then hit each shop with its whole catalogue at once. The jitter is drawn from the URL and the visit
 * time, not a random source, so the schedule is a pure function of what was seen (and tests can say
 * exactly what it does).
 *
 * <p>Pure and immutable; thread-safe.
 */
public final class VisitSchedule {
    /** The interval after a visit that found the page changed, as a share of the one before. */
    static final double AFTER_CHANGE = 0.5;
    /** The interval after a visit that found the page unchanged, as a share of the one before. */
    static final double AFTER_NO_CHANGE = 1.5;

    private final CrawlConfig.Revisit config;

    public VisitSchedule(CrawlConfig.Revisit config) {
        this.config = config;
    }

    /** A page fetched for the first time. */
    public PageState first(String url, String origin, int depth, PageState.Kind kind, Validators validators, @Nullable String bodyHash,
            Instant at) {
        long interval = config.initialInterval().toMillis();
        return new PageState(url, origin, depth, kind, validators.etag(), validators.lastModified(), bodyHash, at, at, at, interval,
                next(url, at, interval), false, null, 0);
    }

    /** A known page visited again; {@code changed} says whether its body was new. */
    public PageState revisited(PageState known, PageState.Kind kind, Validators validators, @Nullable String bodyHash, boolean changed,
            Instant at) {
        long interval = adapt(known.intervalMillis(), changed);
        return new PageState(known.url(), known.origin(), known.depth(), kind, validators.etag(), validators.lastModified(), bodyHash,
                known.firstVisit(), at, changed ? at : known.lastChange(), interval, next(known.url(), at, interval), false, null, 0);
    }

    /**
     * A known page found gone (again): due only after {@code maxInterval}, since a listing page that ran out
     * of products may come back with new ones. It keeps the time it was first found gone.
     */
    public PageState gone(PageState known, int status, Instant at) {
        long interval = config.maxInterval().toMillis();
        Instant goneAt = known.gone() ? known.goneAt() : at;
        return new PageState(known.url(), known.origin(), known.depth(), known.kind(), known.etag(), known.lastModified(),
                known.bodyHash(), known.firstVisit(), at, known.gone() ? known.lastChange() : at, interval,
                next(known.url(), at, interval), false, goneAt, status);
    }

    /**
     * A known page whose visit produced no page (a failure given up on, a redirect): it keeps what it
     * had, and is due again after its interval, as if unchanged.
     */
    public PageState unanswered(PageState known, Instant at) {
        long interval = adapt(known.intervalMillis(), false);
        return new PageState(known.url(), known.origin(), known.depth(), known.kind(), known.etag(), known.lastModified(),
                known.bodyHash(), known.firstVisit(), known.lastVisit(), known.lastChange(), interval, next(known.url(), at, interval),
                false, null, 0);
    }

    long adapt(long intervalMillis, boolean changed) {
        double factor = changed ? AFTER_CHANGE : AFTER_NO_CHANGE;
        long adapted = (long) (intervalMillis * factor);
        return Math.max(config.minInterval().toMillis(), Math.min(config.maxInterval().toMillis(), adapted));
    }

    /** {@code at} plus the interval, moved by the page's jitter; never before {@code at} plus the minimum interval's half. */
    Instant next(String url, Instant at, long intervalMillis) {
        double draw = unit(url, at.toEpochMilli()) * 2 - 1; // -1..1
        long moved = Math.round(intervalMillis * (1 + config.jitter() * draw));
        return at.plus(Duration.ofMillis(Math.max(1, moved)));
    }

    /** A number in 0..1 spread evenly over URLs and times (SplitMix64's finaliser over the URL's hash and the time). */
    static double unit(String url, long millis) {
        long z = url.hashCode() * 0x9E3779B97F4A7C15L + millis;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }
}
