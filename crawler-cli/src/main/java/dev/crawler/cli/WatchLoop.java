package dev.crawler.cli;

import dev.crawler.cluster.ClusterMember;
import dev.crawler.core.commit.CrawlCounters;
import dev.crawler.core.config.CrawlConfig;
import dev.crawler.core.engine.CrawlEngine;
import dev.crawler.core.engine.CrawlSummary;
import dev.crawler.core.engine.ProgressListener;
import dev.crawler.core.extract.ProductExtractor;
import dev.crawler.core.revisit.RevisitRun;
import dev.crawler.core.revisit.Revisits;
import dev.crawler.core.robots.RobotsCache;
import dev.crawler.storage.Counters;
import dev.crawler.storage.CrawlStore;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the pages of a crawl revisited as they fall due, until stopped: the loop behind
 * {@code crawler watch}.
 *
 * <h2>The approach: rounds of recrawls</h2>
 * A watch adds no engine. Each round is what {@code crawler recrawl} does: the pages due go back to
 * the frontier ({@link Revisits#queueDue}), then one {@link CrawlEngine} runs over the store until it
 * has nothing left to do. So politeness, robots.txt, learned paces, retries, crash safety and the
 * exactly-once history are the engine's and the store's, and are not argued again here. Between
 * rounds the watching thread parks until the earliest page in the due index falls due
 * ({@link CrawlStore#nextDue}); {@link #stop} unparks it. It never polls the store: it looks once per
 * round, and again only after {@link #MAX_PARK} (so that a wall clock that jumps is noticed).
 *
 * <h2>Gathering pages into rounds</h2>
 * Pages are due at spread-out times (the schedule's jitter spreads a shop's pages on purpose), and a
 * round costs an engine start. So a round takes every page due within a lookahead of now: a tenth of
 * {@code revisit.minInterval}, at most a minute early for the default hour and never more than the
 * jitter would move a visit by a few percent of its interval. The watch wakes that much before the
 * next page falls due, so that page is always taken by the round it wakes for.
 *
 * <h2>Rounds that leave work</h2>
 * A round can end with URLs still queued: hosts the engine parked (down, or a robots.txt asking for a
 * pace the config will not keep). Starting the next round at once would probe them again and again;
 * it starts after {@code min(revisit.minInterval, 5 min)} instead, or sooner for a page due, and the
 * engine then keeps each parked host's own backoff. A round that ends because the page budget
 * ({@code limits.maxPages}) is spent ends the watch: every later round would stop at once.
 *
 * <h2>Stopping</h2>
 * {@link #stop} asks the engine of the round in flight to stop gracefully (pages in flight finish and
 * are committed) and wakes a parked watch; {@link #abort} stops the engine at once. Either way the
 * loop returns and the caller closes the store. What a stopped round left queued stays in the
 * frontier: {@code crawler watch} (or {@code resume}) takes it up first. A change is recorded in the
 * batch that writes the record it changes, so stopping at any point loses or doubles no event.
 *
 * <p>Thread-safety: {@link #run} on one thread; {@link #stop}, {@link #abort} and the getters from any.
 * Trade-off: each round starts a fresh engine, so its connections and threads are not kept between
 * rounds; for revisits hours apart that costs nothing worth keeping an idle engine for. The robots.txt
 * rules are kept ({@link RobotsCache#acrossRuns}): rounds minutes apart would otherwise ask every host
 * for its robots.txt once a round, where a crawler asks about once a day
 * ({@code politeness.robotsExpiry}).
 */
final class WatchLoop implements Stoppable {
    private static final Logger LOG = LoggerFactory.getLogger(WatchLoop.class);
    /** The longest park without a look at the clock. */
    static final Duration MAX_PARK = Duration.ofMinutes(1);
    /** The longest wait before the next round after a round that left URLs queued. */
    static final Duration UNFINISHED_RECHECK = Duration.ofMinutes(5);
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(5);
    /** How often a parked watch on a member of a cluster crawl looks for a stop said for the crawl. */
    static final Duration STOP_LOOK = Duration.ofSeconds(1);

    /**
     * What a watch did, from its start to its stop.
     *
     * @param budgetSpent the page budget ended it, not a stop
     */
    record Outcome(long rounds, long pagesFetched, long unchanged, long changes, Duration elapsed, boolean budgetSpent) {
    }

    private final CrawlStore store;
    private final CrawlConfig config;
    private final ProductExtractor extractor;
    /** Each host's robots.txt rules, kept from round to round for their expiry. */
    private final RobotsCache robots;
    private final InstantSource clock;
    private final PrintWriter err;
    private final boolean allFirst;
    private final Duration lookahead;
    private final Duration unfinishedRecheck;
    /** On a member of a cluster crawl, how each round joins the cluster; null for a crawl that runs alone. */
    private final @Nullable ClusterRounds cluster;
    private final AtomicReference<@Nullable CrawlEngine> current = new AtomicReference<>();
    private final AtomicLong rounds = new AtomicLong();
    private volatile @Nullable Thread runner;
    private volatile boolean stopping;
    private volatile boolean aborting;
    /** When the parked watch wakes for its next round; null while a round runs or when no page waits. */
    private volatile @Nullable Instant wakeAt;

    /**
     * @param allFirst the first round revisits every known page, due or not ({@code --now})
     * @param err      where each round's line goes
     */
    WatchLoop(CrawlStore store, CrawlConfig config, InstantSource clock, boolean allFirst, PrintWriter err) {
        this(store, config, clock, allFirst, err, null);
    }

    /** @param cluster on a member of a cluster crawl, how each round joins the cluster */
    WatchLoop(CrawlStore store, CrawlConfig config, InstantSource clock, boolean allFirst, PrintWriter err,
            @Nullable ClusterRounds cluster) {
        this.cluster = cluster;
        this.store = store;
        this.config = config;
        this.extractor = new ProductExtractor(config.extraction());
        this.robots = RobotsCache.acrossRuns(config.politeness().robotsExpiry());
        this.clock = clock;
        this.allFirst = allFirst;
        this.err = err;
        Duration min = config.revisit().minInterval();
        this.lookahead = min.dividedBy(10);
        this.unfinishedRecheck = min.compareTo(UNFINISHED_RECHECK) < 0 ? min : UNFINISHED_RECHECK;
    }

    /** Watches until stopped, on the calling thread; the store stays open. */
    Outcome run() {
        runner = Thread.currentThread();
        Instant started = clock.instant();
        long fetchedBefore = store.counter(CrawlCounters.PAGES_FETCHED);
        long unchangedBefore = store.counter(CrawlCounters.PAGES_UNCHANGED);
        long changesBefore = store.counter(Counters.CHANGES);
        boolean all = allFirst;
        boolean budgetSpent = false;
        while (!stopped()) {
            Instant roundStart = clock.instant();
            long queued = Revisits.queueDue(store, roundStart.plus(lookahead), all);
            CrawlSummary summary = hasWork() ? round(queued, new RevisitRun(roundStart, all)) : null;
            all = false;
            if (summary != null && summary.budgetSpent()) {
                budgetSpent = true;
                break;
            }
            if (summary != null && summary.stopped() && !stopping) {
                // Not this process's stop: the cluster's (crawler stop --cluster), or a member that can publish no more.
                stopping = true;
            }
            if (stopping) {
                break;
            }
            parkUntil(nextRound(summary != null && summary.unfinished(), queued == 0));
        }
        return new Outcome(rounds.get(), store.counter(CrawlCounters.PAGES_FETCHED) - fetchedBefore,
                store.counter(CrawlCounters.PAGES_UNCHANGED) - unchangedBefore, store.counter(Counters.CHANGES) - changesBefore,
                Duration.between(started, clock.instant()), budgetSpent);
    }

    /** Whether the frontier holds anything: revisits just queued, or what a stopped run left. */
    private boolean hasWork() {
        return store.counter(Counters.URLS_QUEUED) > 0 || store.counter(Counters.URLS_RETRYING) > 0;
    }

    private CrawlSummary round(long queued, RevisitRun run) {
        long number = rounds.incrementAndGet();
        long fetched = store.counter(CrawlCounters.PAGES_FETCHED);
        long unchanged = store.counter(CrawlCounters.PAGES_UNCHANGED);
        long changes = store.counter(Counters.CHANGES);
        LOG.info("watch round {}: {} pages due queued", number, queued);
        CrawlSummary summary;
        @Nullable ClusterMember member = cluster == null ? null : cluster.join(run);
        try (CrawlEngine engine = member == null
                ? new CrawlEngine(store, config, extractor, ProgressListener.NONE, PROGRESS_INTERVAL, robots)
                : new CrawlEngine(store, config, extractor, ProgressListener.NONE, PROGRESS_INTERVAL, robots, member)) {
            current.set(engine);
            // stop() sets the flag before it looks for an engine: one of the two sees the other.
            if (aborting) {
                engine.abort();
            } else if (stopping) {
                engine.stop();
            }
            summary = engine.run();
        } finally {
            current.set(null);
            if (member != null) {
                member.close();
            }
        }
        String line = String.format(java.util.Locale.ROOT,
                "Round %d: %d %s due; %d pages fetched, %d unchanged, %d changes recorded in %.1f s%s", number, queued,
                queued == 1 ? "page" : "pages", store.counter(CrawlCounters.PAGES_FETCHED) - fetched, store.counter(CrawlCounters.PAGES_UNCHANGED) - unchanged,
                store.counter(Counters.CHANGES) - changes, summary.elapsed().toMillis() / 1000.0,
                summary.unfinished() && !summary.stopped() ? " (" + summary.queued() + " URLs left queued)" : "");
        LOG.info(line);
        err.println(line);
        err.flush();
        return summary;
    }

    /**
     * When the next round starts: the lookahead before the next page falls due; after a round that left
     * URLs queued, no later than the unfinished recheck from now.
     *
     * @param queuedNothing the round queued no page, so a page the due index names as due already could not be queued
     */
    private Optional<Instant> nextRound(boolean leftWork, boolean queuedNothing) {
        Instant now = clock.instant();
        Instant recheck = now.plus(unfinishedRecheck);
        Optional<Instant> due = store.nextDue().map(at -> at.minus(lookahead));
        if (queuedNothing && due.isPresent() && !due.get().isAfter(now)) {
            // Asking again at once would find the same page and queue nothing again: a spin, not a watch.
            due = Optional.of(recheck);
        }
        if (!leftWork) {
            return due;
        }
        return Optional.of(due.filter(at -> at.isBefore(recheck)).orElse(recheck));
    }

    private void parkUntil(Optional<Instant> until) {
        wakeAt = until.orElse(null);
        until.ifPresentOrElse(at -> LOG.info("watch: next round at {}", at), () -> LOG.info("watch: no page waits for a revisit"));
        // A member of a cluster also looks for a stop said for the crawl, which nothing else would wake it for.
        long slice = (cluster == null ? MAX_PARK : STOP_LOOK).toNanos();
        try {
            while (!stopped()) {
                long nanos = until.map(at -> Duration.between(clock.instant(), at).toNanos()).orElse(MAX_PARK.toNanos());
                if (nanos <= 0) {
                    return;
                }
                LockSupport.parkNanos(this, Math.min(nanos, slice));
            }
        } finally {
            wakeAt = null;
        }
    }

    /** Whether the watch is to stop: asked here, or said for the cluster crawl this watch is a member of. */
    private boolean stopped() {
        if (cluster != null && cluster.stopSaid()) {
            LOG.info("the cluster crawl was stopped (crawler stop --cluster); the watch ends");
            stopping = true;
        }
        return stopping;
    }

    /** Stops gracefully: the round in flight finishes what it has in flight; a parked watch returns at once. Any thread. */
    @Override
    public void stop() {
        stopping = true;
        CrawlEngine engine = current.get();
        if (engine != null) {
            engine.stop();
        }
        wakeRunner();
    }

    /** Stops at once; what the round in flight had not committed is fetched again on resume. Any thread. */
    @Override
    public void abort() {
        aborting = true;
        stopping = true;
        CrawlEngine engine = current.get();
        if (engine != null) {
            engine.abort();
        }
        wakeRunner();
    }

    private void wakeRunner() {
        Thread target = runner;
        if (target != null) {
            LockSupport.unpark(target);
        }
    }

    /** Rounds started so far. Any thread. */
    long rounds() {
        return rounds.get();
    }

    /** Whether a round is running now. Any thread. */
    boolean inRound() {
        return current.get() != null;
    }

    /** When the parked watch starts its next round, if it is parked and a page waits. Any thread. */
    Optional<Instant> nextRoundAt() {
        return Optional.ofNullable(wakeAt);
    }
}
