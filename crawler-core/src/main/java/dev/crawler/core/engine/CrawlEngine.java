package dev.crawler.core.engine;

import dev.crawler.core.commit.CommitListener;
import dev.crawler.core.commit.CommitPlanner;
import dev.crawler.core.commit.Committer;
import dev.crawler.core.commit.CrawlCounters;
import dev.crawler.core.commit.OutcomePlanner;
import dev.crawler.core.commit.RetryBackoff;
import dev.crawler.core.config.CrawlConfig;
import dev.crawler.core.coordination.Coordination;
import dev.crawler.core.coordination.CoordinationEvents;
import dev.crawler.core.coordination.Inbound;
import dev.crawler.core.extract.ProductExtractor;
import dev.crawler.core.fetch.AddressPolicy;
import dev.crawler.core.fetch.ConnectionStats;
import dev.crawler.core.fetch.FailureClass;
import dev.crawler.core.fetch.FetchOutcome;
import dev.crawler.core.fetch.HttpFetcher;
import dev.crawler.core.fetch.BodyLimit;
import dev.crawler.core.fetch.Validators;
import dev.crawler.core.revisit.VisitPlanner;
import dev.crawler.core.revisit.VisitSchedule;
import dev.crawler.storage.PageState;
import dev.crawler.core.parse.LinkExtractor;
import dev.crawler.core.parse.PageOutcome;
import dev.crawler.core.parse.PageProcessor;
import dev.crawler.core.parse.PageTask;
import dev.crawler.core.parse.ParsePool;
import dev.crawler.core.robots.RobotsCache;
import dev.crawler.core.robots.RobotsLoader;
import dev.crawler.core.robots.RobotsPolicy;
import dev.crawler.core.schedule.Decision;
import dev.crawler.core.schedule.HostScheduler;
import dev.crawler.core.schedule.HostSignal;
import dev.crawler.core.schedule.PaceChange;
import dev.crawler.core.schedule.Parking;
import dev.crawler.core.url.UrlCanonicalizer;
import dev.crawler.storage.CommitResult;
import dev.crawler.storage.Counters;
import dev.crawler.storage.CrawlStore;
import dev.crawler.storage.HostPace;
import dev.crawler.storage.HostQueues;
import dev.crawler.storage.ParkedHost;
import dev.crawler.storage.DiscoveredUrl;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.ArrayList;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one crawl: wires the scheduler, the fetcher, the parse pool and the committer, and drives them
 * from the dispatcher loop until there is nothing left to do, the page budget is spent, or it is
 * stopped.
 *
 * <h2>Threads</h2>
 * <ul>
 *   <li>The <b>dispatcher</b> is the thread that calls {@link #run()}. It alone touches the
 *       {@link HostScheduler}; every other thread talks to it by posting events to a lock-free queue
 *       and unparking it. It parks exactly until the next host is due or an event arrives.</li>
 *   <li><b>Event loops</b> ({@code crawler-io}) only do I/O: they complete fetch futures, and the
 *       continuations here only post events and hand bytes to the parse pool, neither of which
 *       blocks.</li>
 *   <li>The <b>parse pool</b> ({@code crawler-parse}) decodes, parses and extracts.</li>
 *   <li>The <b>committer</b> ({@code crawler-committer}) is the only writer of the store.</li>
 * </ul>
 *
 * <h2>No thread dies quietly</h2>
 * Every URL leased must be settled, or the crawl never ends. So whatever a parse task throws
 * ({@link Error}s included) settles its URL as an {@link FailureClass#INTERNAL} failure, recorded with
 * the URL; whatever planning its write throws does the same in the committer; whatever reading a
 * robots.txt throws makes its host wait and try again, as for a robots.txt that could not be read.
 * Each is counted ({@link CrawlSummary#internalErrors()}) and logged once with the URL. A failure of
 * the committer beyond one outcome stops the crawl, resumable, like a failed write.
 */
public final class CrawlEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CrawlEngine.class);
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    /** How often a member that may not fetch (it lost touch with the cluster) looks again. */
    private static final long OUT_OF_TOUCH_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** Bounds the count of URLs left to other members at the end of a run: a few seconds for a huge frontier. */
    private static final long LEFT_TO_OTHERS_MAX_KEYS = 5_000_000;

    private final CrawlStore store;
    private final CrawlConfig config;
    private final LongSupplier ticker;
    private final InstantSource clock;
    private final ProgressListener progress;
    private final Duration progressInterval;
    private final HttpFetcher fetcher;
    private final RobotsLoader robotsLoader;
    private final RobotsPolicy robotsPolicy;
    private final ParsePool parsePool;
    private final PageProcessor processor;
    private final LinkExtractor links;
    /**
     * Sitemap lists and batches from other members handed to the committer and not yet written: this
     * process is not idle while any are.
     */
    private final AtomicInteger enqueuesPending = new AtomicInteger();
    private final Coordination coordination;
    /** Futures of {@link CoordinationEvents#ownershipChanged}, completed once released hosts have nothing in flight. Dispatcher only. */
    private final List<CompletableFuture<Void>> releases = new ArrayList<>();
    private final Committer committer;
    private final HostScheduler scheduler;
    private final ConcurrentLinkedQueue<Runnable> events = new ConcurrentLinkedQueue<>();
    private final InternalErrors internalErrors = new InternalErrors();
    private final StageHook hook;
    private volatile @Nullable Thread dispatcher;
    private volatile boolean stopRequested;
    private volatile boolean abortRequested;
    private @Nullable RuntimeException storeFailure;

    public CrawlEngine(CrawlStore store, CrawlConfig config, ProductExtractor extractor, ProgressListener progress,
            Duration progressInterval) {
        this(store, config, extractor, progress, progressInterval, System::nanoTime, InstantSource.system());
    }

    /**
     * @param ticker the politeness clock: monotonic nanoseconds, from which every delay, pause and
     *               robots.txt expiry is measured
     * @param clock  wall-clock time, for records, {@code Retry-After} dates and the retry lane
     */
    public CrawlEngine(CrawlStore store, CrawlConfig config, ProductExtractor extractor, ProgressListener progress,
            Duration progressInterval, LongSupplier ticker, InstantSource clock) {
        this(store, config, extractor, progress, progressInterval, ticker, clock, StageHook.NONE, Coordination.ALONE, null);
    }

    /**
     * One of several engines that run over the same crawl one after another, such as the rounds of a
     * watch: {@code robots} keeps each host's robots.txt rules from one to the next for their expiry,
     * so a host is not asked for its robots.txt once per run.
     */
    public CrawlEngine(CrawlStore store, CrawlConfig config, ProductExtractor extractor, ProgressListener progress,
            Duration progressInterval, RobotsCache robots) {
        this(store, config, extractor, progress, progressInterval, System::nanoTime, InstantSource.system(), StageHook.NONE,
                Coordination.ALONE, robots);
    }

    /** One of several engines run one after another over a crawl ({@code robots} kept between them), as a member of a shared crawl. */
    public CrawlEngine(CrawlStore store, CrawlConfig config, ProductExtractor extractor, ProgressListener progress,
            Duration progressInterval, RobotsCache robots, Coordination coordination) {
        this(store, config, extractor, progress, progressInterval, System::nanoTime, InstantSource.system(), StageHook.NONE,
                coordination, robots);
    }

    /** As one member of a crawl shared with other processes, as {@code coordination} says. */
    public CrawlEngine(CrawlStore store, CrawlConfig config, ProductExtractor extractor, ProgressListener progress,
            Duration progressInterval, Coordination coordination) {
        this(store, config, extractor, progress, progressInterval, System::nanoTime, InstantSource.system(), StageHook.NONE,
                coordination, null);
    }

    /** With a hook called as each stage begins: for tests that make a stage fail. */
    CrawlEngine(CrawlStore store, CrawlConfig config, ProductExtractor extractor, ProgressListener progress,
            Duration progressInterval, StageHook hook) {
        this(store, config, extractor, progress, progressInterval, System::nanoTime, InstantSource.system(), hook,
                Coordination.ALONE, null);
    }

    private CrawlEngine(CrawlStore store, CrawlConfig config, ProductExtractor extractor, ProgressListener progress,
            Duration progressInterval, LongSupplier ticker, InstantSource clock, StageHook hook, Coordination coordination,
            @Nullable RobotsCache carriedRobots) {
        this.hook = hook;
        this.coordination = coordination;
        this.store = store;
        this.config = config;
        this.ticker = ticker;
        this.clock = clock;
        this.progress = progress;
        this.progressInterval = progressInterval;
        store.limitUrlsPerHost(config.limits().maxUrlsPerHost());
        this.fetcher = new HttpFetcher(config.fetch(), config.politeness().permitsPerHost(), addressPolicy(store, config));
        this.robotsLoader = new RobotsLoader(fetcher, config.politeness().delay());
        this.robotsPolicy = new RobotsPolicy(config.fetch().robotsName());
        this.parsePool = new ParsePool(config.limits().parseThreads(), config.limits().maxInFlight() + 64);
        UrlCanonicalizer canonicalizer = new UrlCanonicalizer(config.scope().trackingParams(), config.scope().maxUrlLength());
        this.links = new LinkExtractor(config.scope(), canonicalizer);
        this.processor = new PageProcessor(links, extractor, config.fetch().maxRedirects());
        RetryBackoff backoff = new RetryBackoff(config.fetch().retryBackoffBase(), config.fetch().retryBackoffMax());
        CommitPlanner planner = new CommitPlanner(config.fetch().maxRetries(), config.politeness().maxPushBacks(), backoff);
        VisitPlanner visits = new VisitPlanner(new VisitSchedule(config.revisit()));
        OutcomePlanner plan = outcome -> {
            hook.planning(outcome);
            return visits.plan(outcome, planner.plan(outcome));
        };
        this.committer = new Committer(store, plan, new Listener(), 256, clock, coordination);
        RobotsCache robots = carriedRobots != null ? carriedRobots
                : new RobotsCache(config.politeness().robotsExpiry(), RobotsCache.MAX_HOSTS, ticker::getAsLong);
        this.scheduler = new HostScheduler(store, robots, config, store.counter(CrawlCounters.PAGES_FETCHED),
                coordination::owns, !coordination.alone());
    }

    /**
     * Crawls until done, stopped or failed. Call once; the calling thread becomes the dispatcher.
     *
     * @throws RuntimeException the store failure that ended the crawl (a full disk, say); what was
     *                          committed before it stays, and {@code resume} continues
     */
    public CrawlSummary run() {
        dispatcher = Thread.currentThread();
        Instant started = clock.instant();
        long pagesBefore = store.counter(CrawlCounters.PAGES_FETCHED);
        committer.start();
        coordination.start(new Events());
        scheduler.rememberParked(store.parkedHosts(), clock.instant(), ticker.getAsLong());
        for (int hostId : store.hostsWithQueuedUrls()) {
            scheduler.hostHasWork(hostId);
        }
        long nextProgress = ticker.getAsLong() + progressInterval.toNanos();
        boolean draining = false;
        while (!abortRequested) {
            drainEvents();
            keepHostRecords();
            if (storeFailure != null) {
                break;
            }
            if (stopRequested && !draining) {
                draining = true;
                scheduler.drain();
            }
            checkReleases();
            boolean idle = isFinished();
            boolean crawlOver = coordination.finished(idle);
            if (idle && (stopRequested || scheduler.budgetSpent() || crawlOver)) {
                break;
            }
            long now = ticker.getAsLong();
            if (now >= nextProgress) {
                progress.onProgress(snapshot(started));
                nextProgress = now + progressInterval.toNanos();
            }
            long parkUntil = Math.min(dispatchDue(now), nextProgress);
            // Dispatching can finish the crawl by itself (the last host finds its queue empty); no event
            // would then wake the loop, so look before parking rather than idling out a full park. A
            // member of a cluster that is idle parks all the same: the cluster wakes it when the crawl
            // is over, and new work comes as an event.
            if (events.isEmpty() && !(isFinished() && coordination.alone())) {
                LockSupport.parkNanos(this, Math.max(0, parkUntil - ticker.getAsLong()));
            }
        }
        keepHostRecords();
        if (storeFailure != null) {
            throw storeFailure;
        }
        CrawlSummary summary = new CrawlSummary(
                store.counter(CrawlCounters.PAGES_FETCHED) - pagesBefore,
                store.counter(CrawlCounters.PAGES_FETCHED),
                store.counter(Counters.PRODUCTS),
                store.counter(Counters.URLS_QUEUED),
                store.counter(CrawlCounters.PAGES_FAILED),
                store.counter(CrawlCounters.URLS_SKIPPED),
                Duration.between(started, clock.instant()),
                stopRequested || abortRequested,
                internalErrors.count() + parsePool.unhandledFailures(),
                scheduler.parkedHosts(),
                scheduler.budgetSpent(),
                leftToOthers());
        progress.onProgress(snapshot(started));
        return summary;
    }

    /**
     * Whether this process has nothing left to do: nothing in flight, nothing queued it may fetch,
     * nothing waiting to be written. Alone, the crawl is then over; in a cluster, links from the other
     * members may still come.
     */
    /**
     * In a cluster, the URLs queued here for hosts another member owns now: queued while this member
     * owned them, and since restored by their new owner from the cluster. Counted in one bounded pass.
     */
    private long leftToOthers() {
        if (coordination.alone() || store.counter(Counters.URLS_QUEUED) == 0) {
            return 0;
        }
        long left = 0;
        for (HostQueues.Host host : store.hostQueues(LEFT_TO_OTHERS_MAX_KEYS).hosts()) {
            if (!coordination.owns(host.origin())) {
                left += host.queued() + host.retrying();
            }
        }
        return left;
    }

    private boolean isFinished() {
        return enqueuesPending.get() == 0 && scheduler.isFinished(store.counter(Counters.URLS_RETRYING) > 0);
    }

    /** Completes the futures of ownership changes whose released hosts have nothing in flight any more. */
    private void checkReleases() {
        if (!releases.isEmpty() && scheduler.releasedHostsSettled() && committer.isIdle()) {
            releases.forEach(release -> release.complete(null));
            releases.clear();
        }
    }

    /** Starts everything that is due; returns when the dispatcher should next look without an event. */
    private long dispatchDue(long now) {
        if (!coordination.mayFetch()) {
            return now + OUT_OF_TOUCH_PARK_NANOS;
        }
        while (true) {
            Decision decision = scheduler.next(now);
            if (decision instanceof Decision.FetchPage page) {
                startPage(new PageTask(page.hostId(), page.origin(), page.url()));
            } else if (decision instanceof Decision.FetchRobots robots) {
                startRobots(robots.hostId(), robots.origin());
            } else if (decision instanceof Decision.Deny deny) {
                committer.submit(PageOutcome.failed(new PageTask(deny.hostId(), deny.origin(), deny.url()), 0,
                        deny.reason(), deny.message(), clock.instant()));
            } else if (decision instanceof Decision.WaitUntil wait) {
                return wait.atNanos();
            } else {
                return now + IDLE_PARK_NANOS;
            }
        }
    }

    private void startPage(PageTask leased) {
        // With --log-level trace, each request: with the committer's debug line per outcome, the log then
        // tells what was in flight when a crawl was killed (scripts/crash-test.sh reads it so).
        LOG.trace("requesting {}", leased.queued().url());
        URI uri = URI.create(leased.queued().url());
        // A page fetched before is asked for on condition, and rides with what was known of it (one
        // point read here, on the dispatcher, never on the event loop).
        Optional<PageState> known = store.pageState(leased.queued().url());
        PageTask task = new PageTask(leased.hostId(), leased.origin(), leased.queued(), known);
        Validators validators = known.map(page -> new Validators(page.etag(), page.lastModified())).orElse(Validators.NONE);
        fetcher.fetch(uri, task.origin(), BodyLimit.failAbove(config.fetch().maxBodyBytes()), validators).whenComplete((outcome, error) -> {
            long finished = ticker.getAsLong();
            Instant at = clock.instant();
            FetchOutcome result = outcome != null ? outcome
                    : new FetchOutcome.Failure(uri, FailureClass.PROTOCOL, String.valueOf(error));
            HostSignal signal = HostSignal.of(result, at);
            post(() -> scheduler.requestFinished(task.hostId(), finished, signal).ifPresent(this::parked));
            if (!parsePool.trySubmit(() -> process(task, result, at), thrown -> processingFailed(task, result, at, thrown))) {
                post(() -> committer.submit(PageOutcome.failed(task, 0, FailureClass.OVERLOADED, "parse pool full", at)));
            }
        });
    }

    private void process(PageTask task, FetchOutcome outcome, Instant at) {
        hook.processing(task);
        committer.submit(processor.process(task, outcome, at));
    }

    /** Processing a page threw: its URL is settled as an internal failure, never left leased. */
    private void processingFailed(PageTask task, FetchOutcome outcome, Instant at, Throwable error) {
        internalErrors.record("processing", task.queued().url(), "recorded as an internal failure", error);
        int status = outcome instanceof FetchOutcome.Response response ? response.status() : 0;
        committer.submit(PageOutcome.failed(task, status, FailureClass.INTERNAL, "internal error while processing: " + error, at));
    }

    private void startRobots(int hostId, String origin) {
        LOG.trace("requesting {}/robots.txt", origin);
        robotsLoader.load(origin).whenComplete((outcome, error) -> {
            long finished = ticker.getAsLong();
            FetchOutcome result = outcome != null ? outcome
                    : new FetchOutcome.Failure(URI.create(origin + "/robots.txt"), FailureClass.PROTOCOL, String.valueOf(error));
            boolean queued = parsePool.trySubmit(() -> {
                hook.readingRobots(origin);
                RobotsPolicy.Decision decision = robotsPolicy.decide(result);
                if (decision instanceof RobotsPolicy.Decision.Rules rules) {
                    queueSitemaps(origin, rules.rules().getSitemaps());
                    post(() -> scheduler.robotsLoaded(hostId, rules.rules(), finished).ifPresent(this::parked));
                } else if (decision instanceof RobotsPolicy.Decision.Unreachable unreachable) {
                    LOG.warn("robots.txt of {} unreachable ({}); the host backs off", origin, unreachable.reason());
                    post(() -> scheduler.robotsUnreachable(hostId, finished, unreachable.reason()).ifPresent(this::parked));
                } else if (decision instanceof RobotsPolicy.Decision.Blocked blocked) {
                    LOG.warn("{} is not fetched: {}", origin, blocked.reason());
                    post(() -> scheduler.robotsBlocked(hostId, finished, FailureClass.BLOCKED_ADDRESS, blocked.reason()));
                } else {
                    String reason = ((RobotsPolicy.Decision.Unavailable) decision).reason();
                    Optional<Duration> retryAfter = HostSignal.of(result, clock.instant()) instanceof HostSignal.PushedBack pushedBack
                            ? pushedBack.pause() : Optional.empty();
                    LOG.warn("robots.txt of {} unavailable ({}); the host waits and tries again", origin, reason);
                    post(() -> scheduler.robotsUnavailable(hostId, finished, reason, retryAfter).ifPresent(this::parked));
                }
            }, thrown -> robotsFailed(hostId, origin, finished, thrown));
            if (!queued) {
                // Our own parse pool is full, not the host's fault: try again without counting an attempt.
                post(() -> scheduler.robotsDeferred(hostId, finished));
            }
        });
    }

    /**
     * Reading a robots.txt threw: the host is answered as for a robots.txt that could not be read (it
     * waits and tries again), never left waiting for rules that will not come.
     */
    private void robotsFailed(int hostId, String origin, long finished, Throwable error) {
        internalErrors.record("reading", origin + "/robots.txt", "the host waits and tries again", error);
        post(() -> scheduler.robotsUnavailable(hostId, finished, "internal error: " + error).ifPresent(this::parked));
    }

    /**
     * With {@code scope.sitemapsFromRobots}, the in-scope sitemaps a robots.txt lists are queued first
     * in their hosts' queues, like seeds; the page processor turns each into the URLs it lists. Runs on
     * a parse thread; the committer writes them.
     */
    private void queueSitemaps(String origin, List<String> sitemaps) {
        if (!config.scope().sitemapsFromRobots() || sitemaps.isEmpty()) {
            return;
        }
        List<DiscoveredUrl> queued = new ArrayList<>();
        for (String sitemap : sitemaps) {
            links.toQueue(sitemap, 0).ifPresent(url -> queued.add(new DiscoveredUrl(url.url(), url.origin(), 0, 0)));
        }
        LOG.info("robots.txt of {} lists {} sitemap(s), {} in scope", origin, sitemaps.size(), queued.size());
        if (!queued.isEmpty()) {
            enqueuesPending.incrementAndGet();
            committer.enqueue(queued);
        }
    }

    /**
     * What the scheduler learnt about hosts goes to the store with the next commit: the paces hosts
     * taught by pushing back, so a resume starts at them, and the hosts parked before that answered again.
     */
    private void keepHostRecords() {
        for (PaceChange change : scheduler.takePaceChanges()) {
            committer.hostPaced(new HostPace(change.origin(), change.delay().toMillis(), change.pushBacks(), change.lastPushBack(),
                    clock.instant()));
        }
        for (String origin : scheduler.takeRecoveredHosts()) {
            LOG.info("{}, parked in an earlier run, answers again", origin);
            committer.hostRecovered(origin);
        }
    }

    /** A host was given up on for this run: recorded with the next commit, and said once in the log. */
    private void parked(Parking parking) {
        String why = parking.consecutiveFailures() > 0 ? parking.consecutiveFailures() + " in a row, last: " + parking.reason()
                : parking.reason();
        LOG.warn("{} parked ({}); its URLs stay queued for a resume", parking.origin(), why);
        committer.hostParked(new ParkedHost(parking.origin(), parking.reason(), parking.consecutiveFailures(), clock.instant()));
    }

    /**
     * Seeds' hosts may resolve anywhere (that is how a loopback testbed or an intranet crawl works);
     * other hosts only to public addresses unless {@code scope.allowPrivateAddresses}. A crawl created
     * before seed origins were recorded trusts every allowed origin, as it did then.
     */
    private static AddressPolicy addressPolicy(CrawlStore store, CrawlConfig config) {
        Set<String> seeds = store.seedOrigins().isEmpty() ? config.scope().allowedOrigins() : store.seedOrigins();
        Set<String> hosts = new HashSet<>();
        for (String origin : seeds) {
            hosts.add(URI.create(origin).getHost());
        }
        return new AddressPolicy(hosts, config.scope().allowPrivateAddresses());
    }

    /** Connection counts of the fetcher, by origin: for tests and reports. */
    public Map<String, ConnectionStats> connectionStats() {
        return fetcher.connectionStats();
    }

    private void post(Runnable event) {
        events.add(event);
        Thread target = dispatcher;
        if (target != null) {
            LockSupport.unpark(target);
        }
    }

    private void drainEvents() {
        Runnable event;
        while ((event = events.poll()) != null) {
            event.run();
        }
    }

    private CrawlProgress snapshot(Instant started) {
        return new CrawlProgress(
                store.counter(CrawlCounters.PAGES_FETCHED),
                store.counter(Counters.PRODUCTS),
                store.counter(Counters.URLS_QUEUED),
                store.counter(CrawlCounters.PAGES_FAILED),
                scheduler.inFlight(),
                scheduler.knownHosts(),
                Duration.between(started, clock.instant()),
                config.limits().maxPages(),
                scheduler.activeHosts(),
                scheduler.parkedHosts());
    }

    /** Stops dispatching; in-flight pages finish and are committed, then {@link #run()} returns. Any thread. */
    public void stop() {
        stopRequested = true;
        wake();
    }

    /** Returns from {@link #run()} at once; uncommitted pages are fetched again on resume. Any thread. */
    public void abort() {
        abortRequested = true;
        wake();
    }

    private void wake() {
        Thread target = dispatcher;
        if (target != null) {
            LockSupport.unpark(target);
        }
    }

    @Override
    public void close() {
        fetcher.close();
        try {
            parsePool.shutdown(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        parsePool.close();
        committer.close();
    }

    /** Relays what the cluster says to the dispatcher and the committer. */
    private final class Events implements CoordinationEvents {
        @Override
        public CompletableFuture<Void> ownershipChanged() {
            CompletableFuture<Void> released = new CompletableFuture<>();
            post(() -> {
                scheduler.reconsiderOwnership(ticker.getAsLong());
                // Hosts now owned may have URLs queued here from an earlier time they were.
                for (int hostId : store.hostsWithQueuedUrls()) {
                    scheduler.hostHasWork(hostId);
                }
                releases.add(released);
            });
            return released;
        }

        @Override
        public void arrived(Inbound batch) {
            enqueuesPending.incrementAndGet();
            committer.receive(batch);
        }

        @Override
        public void stopRequested() {
            stop();
        }

        @Override
        public void wake() {
            CrawlEngine.this.wake();
        }
    }

    /** Relays the committer's news to the dispatcher. */
    private final class Listener implements CommitListener {
        @Override
        public void committed(List<PageOutcome> group, CommitResult result) {
            post(() -> {
                for (PageOutcome outcome : group) {
                    scheduler.settled(outcome.task().hostId(), outcome.task().queued().key());
                }
                result.queuedByHost().keySet().forEach(scheduler::hostHasWork);
            });
        }

        @Override
        public void enqueued(CommitResult result) {
            post(() -> {
                result.queuedByHost().keySet().forEach(scheduler::hostHasWork);
                enqueuesPending.decrementAndGet();
            });
        }

        @Override
        public void arrived(List<Inbound> batches, CommitResult result) {
            post(() -> {
                result.queuedByHost().keySet().forEach(scheduler::hostHasWork);
                enqueuesPending.addAndGet(-batches.size());
            });
        }

        @Override
        public void notPublished(List<PageOutcome> group) {
            post(() -> {
                for (PageOutcome outcome : group) {
                    scheduler.settled(outcome.task().hostId(), outcome.task().queued().key());
                }
            });
        }

        @Override
        public void internalError(PageOutcome outcome, Throwable error) {
            internalErrors.record("committing", outcome.task().queued().url(), "recorded as an internal failure", error);
        }

        @Override
        public void commitFailed(List<PageOutcome> group, RuntimeException error) {
            post(() -> storeFailure = error);
        }
    }
}
