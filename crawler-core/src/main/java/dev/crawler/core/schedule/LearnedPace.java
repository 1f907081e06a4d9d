package dev.crawler.core.schedule;

import dev.crawler.core.config.CrawlConfig;

/**
 * The delay a host has taught the crawl by pushing back: AIMD, as TCP learns a path's capacity.
 *
 * <h2>Problem</h2>
 * A host that rate-limits says so only by refusing (a 429, a 503 with {@code Retry-After}, a dropped
 * connection), never by naming its limit. Waiting out each refusal and going on at the old pace meets
 * the limit again at once; slowing down for good wastes the rest of the crawl.
 *
 * <h2>Approach</h2>
 * Each push-back multiplies the host's delay by {@code pushBackFactor} (from the delay it was getting,
 * at least {@code recoveryStep}), up to {@code maxLearnedDelay}; each run of {@code recoveryAfter}
 * answers takes one {@code recoveryStep} off, and once the delay is down to the floor (the configured
 * delay or robots.txt's {@code Crawl-delay}) the host is no longer slowed. So the pace backs off fast
 * and creeps back, and settles just under the host's limit, meeting it now and then.
 *
 * <h2>Trade-offs</h2>
 * With several requests in flight, the ones sent before a slow-down answer after it, and a host that
 * refused the first will likely refuse them too: the pace grows once for them all, not once each (the
 * answers still in flight when it grew are "stale"). Any answer that is not a push-back counts toward
 * recovery, a 5xx included: it says nothing about the pace.
 *
 * <p>Not thread-safe: part of a {@link HostState}, confined to the dispatcher. Time is never read here.
 */
final class LearnedPace {
    private final double factor;
    private final long stepNanos;
    private final int recoveryAfter;
    private final long maxNanos;
    /** 0: not slowed. */
    private long delayNanos;
    private int answersInARow;
    /** Answers still to come for requests sent before the pace last grew. */
    private int staleAnswers;
    private long pushBacks;

    LearnedPace(CrawlConfig.Politeness politeness) {
        this.factor = politeness.pushBackFactor();
        this.stepNanos = politeness.recoveryStep().toNanos();
        this.recoveryAfter = politeness.recoveryAfter();
        this.maxNanos = politeness.maxLearnedDelay().toNanos();
    }

    /** Starts from what an earlier run of the crawl learned. */
    void restore(long delayNanos, long pushBacks) {
        this.delayNanos = Math.min(Math.max(0, delayNanos), maxNanos);
        this.pushBacks = pushBacks;
    }

    /** The learned delay; 0 when the host is not slowed. */
    long delayNanos() {
        return delayNanos;
    }

    /** Push-backs over every run of the crawl. */
    long pushBacks() {
        return pushBacks;
    }

    /**
     * The host pushed back on a request.
     *
     * @param currentDelayNanos the delay the host was getting, everything counted
     * @param stillInFlight     other requests to the host in flight now, sent at the old pace
     * @return whether the delay changed
     */
    boolean pushedBack(long currentDelayNanos, int stillInFlight) {
        pushBacks++;
        answersInARow = 0;
        if (consumeStale()) {
            return false;
        }
        long grown = (long) Math.min((double) maxNanos, Math.max(currentDelayNanos, stepNanos) * factor);
        staleAnswers = stillInFlight;
        if (grown <= delayNanos) {
            return false;
        }
        delayNanos = grown;
        return true;
    }

    /**
     * The host answered a request without pushing back.
     *
     * @param floorNanos the delay the host gets without any learning: the configured one or its
     *                   {@code Crawl-delay}; the learned delay never holds the host below it
     * @return whether the delay changed
     */
    boolean answered(long floorNanos) {
        consumeStale();
        if (delayNanos == 0 || ++answersInARow < recoveryAfter) {
            return false;
        }
        answersInARow = 0;
        delayNanos = delayNanos - stepNanos <= floorNanos ? 0 : delayNanos - stepNanos;
        return true;
    }

    /** A request finished without a word about the pace (a broken body, a timeout). */
    void finishedUnheard() {
        consumeStale();
    }

    private boolean consumeStale() {
        if (staleAnswers > 0) {
            staleAnswers--;
            return true;
        }
        return false;
    }
}
