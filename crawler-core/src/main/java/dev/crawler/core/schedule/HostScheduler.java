package dev.crawler.core.schedule;

import crawlercommons.robots.BaseRobotRules;
import dev.crawler.core.commit.RetryBackoff;
import dev.crawler.core.config.CrawlConfig;
import dev.crawler.core.fetch.FailureClass;
import dev.crawler.core.robots.RobotsCache;
import dev.crawler.storage.CrawlStore;
import dev.crawler.storage.FrontierKey;
import dev.crawler.storage.HostPace;
import dev.crawler.storage.ParkedHost;
import dev.crawler.storage.QueuedUrl;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Decides which URL is fetched next, so that every host is kept busy and none is treated unkindly.
 *
 * <h2>Problem</h2>
 * Thousands of hosts, each with its own queue on disk, its own politeness delay and a cap on
 * requests in flight; a global cap on URLs in flight that keeps memory flat; robots.txt to read
 * before a host's first page; and hosts that slow down, ask for a pause, or stop answering.
 *
 * <h2>Approach</h2>
 * Politeness is data. Each host has a {@link HostState}: free permits, the earliest time of its next
 * request, and a small prefetch of its queue. Hosts that could send a request (work queued, a permit
 * free, robots not loading, not parked) sit in one ordered set by next allowed time, so the next host
 * is always the first element and the time to wait is known exactly. Nothing polls: {@link #next}
 * answers with a decision, and the caller feeds back events ({@link #requestFinished},
 * {@link #settled}, {@link #hostHasWork}, robots results) that change what is eligible.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li>A request takes a permit and moves the host's next allowed time to now + delay; when it
 *       finishes the permit comes back and the next allowed time becomes at least finish + delay, so
 *       with one permit the gap between two requests to a host is never shorter than the delay.</li>
 *   <li>The delay is the largest of: the configured one; robots.txt's {@code Crawl-delay}, capped at
 *       {@code maxCrawlDelay}; the adaptive delay, {@code adaptiveDelayFactor} times the host's
 *       moving average response time, capped at {@code maxAdaptiveDelay}; and the pace the host taught
 *       by pushing back ({@link LearnedPace}: multiplied on each push-back, stepped down after a run of
 *       answers, kept in the store across runs). A host that slows down or pushes back is asked less
 *       often.</li>
 *   <li>A push-back (a 429, or a 503 with {@code Retry-After}) pauses the whole host (not just the
 *       URL) until then, capped at {@code maxRetryAfter}; without {@code Retry-After}, for the retry
 *       backoff of its push-backs in a row. More than {@code maxPushBacks} in a row, with nothing
 *       answered in between, park the host. The URL goes back to the queue without spending an
 *       attempt ({@link dev.crawler.core.commit.CommitPlanner}). A dropped connection (reset, closed
 *       mid-answer) is a push-back too, without a {@code Retry-After}; its URL is retried with backoff
 *       like any failure that may pass.</li>
 *   <li>A request that gets no answer (DNS, connect, timeout) moves the host's next allowed time out
 *       by the retry backoff of its consecutive failures; after {@code parkAfterFailures} in a row the
 *       host is parked: no more requests to it this run, its URLs left queued for a resume. Any answer
 *       resets the count.</li>
 *   <li>robots.txt comes first. A 4xx allows all; a 5xx, a 429 or a dropped connection is retried with
 *       backoff and then parks the host, its URLs queued for a resume (only robots.txt itself settles
 *       a URL as disallowed); a {@code Crawl-delay} above {@code maxCrawlDelay} is honoured or parks the
 *       host, as {@code crawlDelayAboveMax} says; a robots.txt whose
 *       server does not answer counts toward parking, and parks the host after the last attempt.
 *       Disallowed URLs are settled without a request and take no permit; so are all URLs of a host
 *       whose address the fetcher refused.</li>
 *   <li>A leased URL counts against the global in-flight cap until its outcome is committed: that is
 *       the back-pressure on parsing and storage.</li>
 * </ul>
 *
 * <p>Not thread-safe: owned by the dispatcher thread. Time comes in as arguments, never from a
 * clock, so tests drive it with a fake one.
 */
public final class HostScheduler {
    private static final int PREFETCH = 32;

    private final CrawlStore store;
    private final RobotsCache robots;
    private final long delayNanos;
    private final long maxCrawlDelayNanos;
    private final double adaptiveFactor;
    private final long maxAdaptiveNanos;
    private final long maxRetryAfterNanos;
    private final int parkAfterFailures;
    private final int maxPushBacks;
    private final CrawlConfig.CrawlDelayAboveMax crawlDelayAboveMax;
    private final RetryBackoff backoff;
    private final int permitsPerHost;
    private final int maxInFlight;
    private final int maxRobotsAttempts;
    private final long pageBudget;
    private final CrawlConfig.Politeness politeness;
    /** Paces learned by earlier runs of the crawl, by origin; each is taken when its host first has work. */
    private final Map<String, HostPace> rememberedPaces = new HashMap<>();
    /** Hosts parked in an earlier run, by origin; each is taken when its host first has work. */
    private final Map<String, ParkedBefore> parkedBefore = new HashMap<>();
    /** Hosts parked in an earlier run that have answered again, since the caller last took them. */
    private final List<String> recovered = new ArrayList<>();
    /** Paces changed since the caller last took them, by host id, in the order they changed. */
    private final Map<Integer, PaceChange> paceChanges = new LinkedHashMap<>();
    private final Map<Integer, HostState> hosts = new HashMap<>();
    private final TreeSet<HostState> ready = new TreeSet<>(
            Comparator.comparingLong((HostState h) -> h.nextAllowedNanos).thenComparingInt(h -> h.hostId));
    private int inFlight;
    private int robotsLoading;
    private int parked;
    private long pagesStarted;
    private boolean draining;
    /** Which hosts this process fetches for; every host, unless it is one member of a cluster. */
    private final Predicate<String> owns;
    /**
     * In a cluster, a host this process comes to own may have been fetched by its former owner a moment
     * ago: its first request here waits one delay.
     */
    private final boolean waitWhenTakenOver;
    /** The latest time {@link #next} was asked at: when a host first seen now may send its first request. */
    private long lastNow;

    /**
     * @param pagesAlreadyDone pages fetched by earlier runs of this crawl, counted against {@code maxPages}
     */
    public HostScheduler(CrawlStore store, RobotsCache robots, CrawlConfig config, long pagesAlreadyDone) {
        this(store, robots, config, pagesAlreadyDone, origin -> true, false);
    }

    /**
     * @param owns              which hosts this process fetches for
     * @param waitWhenTakenOver whether a host's first request here waits one delay (in a cluster, where
     *                          another member may have fetched from it a moment ago)
     */
    public HostScheduler(CrawlStore store, RobotsCache robots, CrawlConfig config, long pagesAlreadyDone,
            Predicate<String> owns, boolean waitWhenTakenOver) {
        this.owns = owns;
        this.waitWhenTakenOver = waitWhenTakenOver;
        CrawlConfig.Politeness politeness = config.politeness();
        this.politeness = politeness;
        this.store = store;
        this.robots = robots;
        this.delayNanos = politeness.delay().toNanos();
        this.maxCrawlDelayNanos = politeness.maxCrawlDelay().toNanos();
        this.adaptiveFactor = politeness.adaptiveDelayFactor();
        this.maxAdaptiveNanos = politeness.maxAdaptiveDelay().toNanos();
        this.maxRetryAfterNanos = politeness.maxRetryAfter().toNanos();
        this.parkAfterFailures = politeness.parkAfterFailures();
        this.maxPushBacks = politeness.maxPushBacks();
        this.crawlDelayAboveMax = politeness.crawlDelayAboveMax();
        this.backoff = new RetryBackoff(config.fetch().retryBackoffBase(), config.fetch().retryBackoffMax());
        this.permitsPerHost = politeness.permitsPerHost();
        this.maxInFlight = config.limits().maxInFlight();
        this.maxRobotsAttempts = config.fetch().maxRetries() + 1;
        this.pageBudget = config.limits().maxPages() == 0 ? Long.MAX_VALUE : config.limits().maxPages();
        this.pagesStarted = pagesAlreadyDone;
        for (HostPace pace : store.hostPaces()) {
            rememberedPaces.put(pace.origin(), pace);
        }
    }

    /**
     * A host parked in an earlier run: the failures in a row that parked it, and the earliest time it
     * may be asked again (when it was parked, plus the backoff of those failures).
     */
    private record ParkedBefore(int failures, long notBeforeNanos) {
    }

    /**
     * Hosts parked in earlier runs of the crawl, for a resume. Each is tried again, but not before the
     * backoff its failures in a row earned has passed since it was parked, and on probation: its failure
     * counts go on from where they stopped, so a host that keeps failing is parked again at once, with
     * more failures in a row and so a longer backoff the time after. An answer ends the probation, and
     * the host's parking is forgotten ({@link #takeRecoveredHosts}). Call before the first
     * {@link #hostHasWork}.
     *
     * @param wallNow the wall-clock time now: parkings are dated in wall-clock time, which survives a restart
     * @param now     the scheduler's clock now
     */
    public void rememberParked(List<ParkedHost> parked, Instant wallNow, long now) {
        for (ParkedHost host : parked) {
            int failures = host.consecutiveFailures();
            Instant notBefore = failures == 0 ? host.at() : host.at().plus(backoff.after(failures, host.origin()));
            long wait = Math.max(0, Duration.between(wallNow, notBefore).toNanos());
            parkedBefore.put(host.origin(), new ParkedBefore(failures, now + wait));
        }
    }

    /** Hosts parked in an earlier run that answered again since the last call, for the store to forget their parking. */
    public List<String> takeRecoveredHosts() {
        if (recovered.isEmpty()) {
            return List.of();
        }
        List<String> taken = List.copyOf(recovered);
        recovered.clear();
        return taken;
    }

    /** Tells the scheduler that a host has queued URLs (at start, or after a commit added some). */
    public void hostHasWork(int hostId) {
        HostState host = hosts.computeIfAbsent(hostId, this::newHost);
        update(host, () -> host.hasWork = true);
    }

    private HostState newHost(int hostId) {
        String origin = store.origin(hostId);
        HostState host = new HostState(hostId, origin, permitsPerHost, new LearnedPace(politeness));
        HostPace remembered = rememberedPaces.remove(origin);
        if (remembered != null) {
            host.pace.restore(TimeUnit.MILLISECONDS.toNanos(remembered.delayMillis()), remembered.pushBacks());
            host.lastPushBack = remembered.lastPushBack();
        }
        host.owned = owns.test(origin);
        if (host.owned && waitWhenTakenOver) {
            host.nextAllowedNanos = lastNow + delayNanos;
        }
        ParkedBefore before = parkedBefore.remove(origin);
        if (before != null) {
            host.onProbation = true;
            host.nextAllowedNanos = before.notBeforeNanos();
            // The counts go on from where they stopped: a host that keeps failing is parked again at once.
            host.consecutiveFailures = before.failures();
            host.consecutivePushBacks = before.failures();
            host.robotsAttempts = before.failures();
        }
        return host;
    }

    /** The host answered: a host on probation after being parked in an earlier run is trusted again. */
    private void recovered(HostState host) {
        if (host.onProbation) {
            host.onProbation = false;
            recovered.add(host.origin);
        }
    }

    /** What to do now. Call again after acting on the decision, until it waits or idles. */
    public Decision next(long now) {
        lastNow = Math.max(lastNow, now);
        while (true) {
            if (draining || inFlight >= maxInFlight || pagesStarted >= pageBudget || ready.isEmpty()) {
                return new Decision.Idle();
            }
            HostState host = ready.first();
            if (host.nextAllowedNanos > now) {
                return new Decision.WaitUntil(host.nextAllowedNanos);
            }
            Optional<BaseRobotRules> rules = host.refusal != null ? Optional.empty() : robots.get(host.origin);
            if (host.refusal == null && rules.isEmpty()) {
                return startRobots(host, now);
            }
            QueuedUrl url = nextUrl(host);
            if (url == null) {
                update(host, () -> host.hasWork = false);
                continue;
            }
            inFlight++;
            host.leased.add(url.key());
            if (host.refusal != null) {
                return new Decision.Deny(host.hostId, host.origin, url, host.refusal.failureClass(), host.refusal.message());
            }
            if (!rules.get().isAllowed(url.url())) {
                return new Decision.Deny(host.hostId, host.origin, url);
            }
            pagesStarted++;
            update(host, () -> {
                host.permitsFree--;
                host.nextAllowedNanos = now + effectiveDelay(host);
            });
            return new Decision.FetchPage(host.hostId, host.origin, url);
        }
    }

    private Decision startRobots(HostState host, long now) {
        robotsLoading++;
        host.robotsAttempts++;
        update(host, () -> {
            host.robotsLoading = true;
            host.permitsFree--;
            host.nextAllowedNanos = now + effectiveDelay(host);
        });
        return new Decision.FetchRobots(host.hostId, host.origin);
    }

    /** A request to the host finished at {@code now}, with nothing learnt about the host; its permit comes back. */
    public void requestFinished(int hostId, long now) {
        requestFinished(hostId, now, HostSignal.NEUTRAL);
    }

    /**
     * A page request to the host finished at {@code now}; its permit comes back, and what the request
     * said about the host adjusts its delay, pauses it, or parks it.
     *
     * @return the parking, when this request parked the host
     */
    public Optional<Parking> requestFinished(int hostId, long now, HostSignal signal) {
        HostState host = hosts.get(hostId);
        boolean wasParked = host.parked;
        update(host, () -> {
            host.permitsFree++;
            learn(host, signal, now);
            host.nextAllowedNanos = Math.max(host.nextAllowedNanos, now + effectiveDelay(host));
        });
        return parkingOf(host, wasParked);
    }

    private void learn(HostState host, HostSignal signal, long now) {
        if (signal instanceof HostSignal.Answered answered) {
            recovered(host);
            host.consecutiveFailures = 0;
            host.consecutivePushBacks = 0;
            host.observeResponse(answered.responseNanos());
            if (host.pace.answered(floorDelay(host))) {
                paceChanged(host);
            }
        } else if (signal instanceof HostSignal.PushedBack pushedBack) {
            pushedBack(host, pushedBack, now);
        } else {
            host.pace.finishedUnheard();
            if (signal instanceof HostSignal.Unanswered unanswered) {
                failed(host, unanswered.reason(), now);
            }
        }
    }

    /**
     * The host pushed back: it is paused for as long as it asked (at most {@code maxRetryAfter}), or, when
     * it did not say, for the retry backoff of its push-backs in a row. Past {@code maxPushBacks} in a
     * row, with nothing else answered in between, it is parked: it will not have us this run.
     */
    private void pushedBack(HostState host, HostSignal.PushedBack signal, long now) {
        // The request's own permit is already back: whatever else is out was sent at the old pace.
        host.pace.pushedBack(effectiveDelay(host), permitsPerHost - host.permitsFree);
        host.lastPushBack = signal.reason();
        paceChanged(host);
        host.consecutiveFailures = 0;
        host.consecutivePushBacks++;
        host.lastFailure = "pushed back: " + signal.reason();
        long pause = signal.pause().map(Duration::toNanos)
                .orElseGet(() -> backoff.after(host.consecutivePushBacks, host.origin).toNanos());
        host.nextAllowedNanos = Math.max(host.nextAllowedNanos, now + Math.min(pause, maxRetryAfterNanos));
        if (host.consecutivePushBacks > maxPushBacks) {
            host.parked = true;
        }
    }

    /** One more request without an answer: back off, and park past the limit. */
    private void failed(HostState host, String reason, long now) {
        host.consecutiveFailures++;
        host.lastFailure = reason;
        host.nextAllowedNanos = Math.max(host.nextAllowedNanos, now + backoff.after(host.consecutiveFailures, host.origin).toNanos());
        if (parkAfterFailures > 0 && host.consecutiveFailures >= parkAfterFailures) {
            host.parked = true;
        }
    }

    private Optional<Parking> parkingOf(HostState host, boolean wasParked) {
        if (wasParked || !host.parked) {
            return Optional.empty();
        }
        parked++;
        return Optional.of(new Parking(host.hostId, host.origin, Math.max(host.consecutiveFailures, host.consecutivePushBacks),
                host.lastFailure));
    }

    /**
     * robots.txt was read: obey it from now on. The request's permit comes back too. A
     * {@code Crawl-delay} above {@code maxCrawlDelay} is honoured as it is, or parks the host, as
     * {@code crawlDelayAboveMax} says; its URLs stay queued either way.
     *
     * @return the parking, when the host's Crawl-delay parked it
     */
    public Optional<Parking> robotsLoaded(int hostId, BaseRobotRules rules, long now) {
        HostState host = hosts.get(hostId);
        robots.put(host.origin, rules);
        long crawlDelay = rules.getCrawlDelay() > 0 ? TimeUnit.MILLISECONDS.toNanos(rules.getCrawlDelay()) : 0;
        boolean overlong = crawlDelay > maxCrawlDelayNanos;
        boolean skip = overlong && crawlDelayAboveMax == CrawlConfig.CrawlDelayAboveMax.SKIP;
        robotsDone(host);
        boolean wasParked = host.parked;
        update(host, () -> {
            host.robotsAttempts = 0;
            host.consecutiveFailures = 0;
            host.crawlDelayNanos = skip ? 0 : crawlDelay;
            if (!skip) {
                recovered(host);
            }
            if (skip) {
                host.lastFailure = "robots.txt asks for a Crawl-delay of " + seconds(crawlDelay) + ", above politeness.maxCrawlDelay ("
                        + seconds(maxCrawlDelayNanos) + "); politeness.crawlDelayAboveMax: honour would crawl it that slowly";
                host.parked = true;
            }
        });
        requestFinished(hostId, now);
        return parkingOf(host, wasParked);
    }

    private static String seconds(long nanos) {
        return Duration.ofNanos(nanos).toMillis() % 1000 == 0 ? Duration.ofNanos(nanos).toSeconds() + " s"
                : Duration.ofNanos(nanos).toMillis() + " ms";
    }

    /**
     * robots.txt could not be read for a reason that may pass (a 5xx, a 429, a dropped connection).
     * The host waits with backoff and tries again; after the last attempt it is parked, its URLs
     * queued for a resume. No URL is settled as disallowed: only robots.txt itself can disallow one.
     *
     * @param reason what went wrong, e.g. {@code HTTP 503}
     * @return the parking, when this parked the host
     */
    public Optional<Parking> robotsUnavailable(int hostId, long now, String reason) {
        return robotsUnavailable(hostId, now, reason, Optional.empty());
    }

    /**
     * As {@link #robotsUnavailable(int, long, String)}, for a robots.txt the host refused with a
     * {@code Retry-After}: the host waits at least that long (at most {@code maxRetryAfter}), since
     * asking again sooner would only be refused again.
     */
    public Optional<Parking> robotsUnavailable(int hostId, long now, String reason, Optional<Duration> retryAfter) {
        HostState host = hosts.get(hostId);
        boolean lastAttempt = host.robotsAttempts >= maxRobotsAttempts;
        robotsDone(host);
        boolean wasParked = host.parked;
        long asked = retryAfter.map(pause -> Math.min(pause.toNanos(), maxRetryAfterNanos)).orElse(0L);
        long wait = Math.max(asked, backoff.after(host.robotsAttempts, host.origin).toNanos());
        update(host, () -> {
            host.permitsFree++;
            host.nextAllowedNanos = Math.max(host.nextAllowedNanos, now + Math.max(wait, effectiveDelay(host)));
            if (lastAttempt) {
                host.consecutiveFailures = host.robotsAttempts;
                host.lastFailure = "robots.txt unavailable: " + reason;
                host.parked = true;
            }
        });
        return parkingOf(host, wasParked);
    }

    /**
     * robots.txt was fetched but could not be read for a reason of the crawler's own (its parse pool
     * was full): the host waits its delay and tries again, and the attempt does not count.
     */
    public void robotsDeferred(int hostId, long now) {
        HostState host = hosts.get(hostId);
        robotsDone(host);
        update(host, () -> {
            host.robotsAttempts = Math.max(0, host.robotsAttempts - 1);
            host.permitsFree++;
            host.nextAllowedNanos = Math.max(host.nextAllowedNanos, now + effectiveDelay(host));
        });
    }

    /**
     * robots.txt's server did not answer (DNS, connect, timeout). That counts toward parking the host,
     * and the host is parked at the latest after the last robots attempt, whatever
     * {@code parkAfterFailures} says: without robots.txt no page of it is fetched.
     *
     * @return the parking, when this parked the host
     */
    public Optional<Parking> robotsUnreachable(int hostId, long now, String reason) {
        HostState host = hosts.get(hostId);
        boolean lastAttempt = host.robotsAttempts >= maxRobotsAttempts;
        robotsDone(host);
        boolean wasParked = host.parked;
        update(host, () -> {
            host.permitsFree++;
            failed(host, reason, now);
            host.parked |= lastAttempt;
            host.nextAllowedNanos = Math.max(host.nextAllowedNanos, now + effectiveDelay(host));
        });
        return parkingOf(host, wasParked);
    }

    /** The host's address may not be connected to: every URL of it is settled unfetched, counted as {@code reason}. */
    public void robotsBlocked(int hostId, long now, FailureClass reason, String message) {
        HostState host = hosts.get(hostId);
        robotsDone(host);
        update(host, () -> {
            host.robotsAttempts = 0;
            host.refusal = new HostState.Refusal(reason, message);
        });
        requestFinished(hostId, now);
    }

    private void robotsDone(HostState host) {
        robotsLoading--;
        update(host, () -> host.robotsLoading = false);
    }

    /** The outcome of a leased URL was committed: it no longer counts as in flight. */
    public void settled(int hostId, FrontierKey key) {
        HostState host = hosts.get(hostId);
        if (host != null && host.leased.remove(key)) {
            inFlight--;
        }
    }

    /**
     * Asks again which hosts this process owns (a cluster moved some): a host no longer owned gets no
     * more requests (those in flight finish) and forgets the URLs it had read ahead; a host owned again
     * waits one delay before its first request, since its former owner may have just sent one.
     */
    public void reconsiderOwnership(long now) {
        lastNow = Math.max(lastNow, now);
        for (HostState host : hosts.values()) {
            boolean owned = owns.test(host.origin);
            if (owned == host.owned) {
                continue;
            }
            update(host, () -> {
                host.owned = owned;
                host.buffer.clear();
                if (owned) {
                    host.nextAllowedNanos = Math.max(host.nextAllowedNanos, now + Math.max(delayNanos, host.crawlDelayNanos));
                }
            });
        }
    }

    /** Whether no request to a host this process no longer owns is in flight or uncommitted. */
    public boolean releasedHostsSettled() {
        for (HostState host : hosts.values()) {
            if (!host.owned && (!host.leased.isEmpty() || host.robotsLoading)) {
                return false;
            }
        }
        return true;
    }

    /** Stop handing out work; what is in flight finishes. */
    public void drain() {
        draining = true;
    }

    /**
     * True when nothing is in flight and nothing more will be handed out.
     *
     * @param retriesPending whether URLs wait in the store's retry lane, which will bring hosts back
     */
    public boolean isFinished(boolean retriesPending) {
        boolean nothingRunning = inFlight == 0 && robotsLoading == 0;
        return nothingRunning && (draining || pagesStarted >= pageBudget || (ready.isEmpty() && !retriesPending));
    }

    public int inFlight() {
        return inFlight;
    }

    public long pagesStarted() {
        return pagesStarted;
    }

    /** Hosts known to this run, with or without queued work. */
    public int knownHosts() {
        return hosts.size();
    }

    /** Hosts that could send a request as soon as their delay passes. */
    public int readyHosts() {
        return ready.size();
    }

    /** Hosts with work queued or in flight that are not parked. Walks every host: for progress reports. */
    public int activeHosts() {
        int active = 0;
        for (HostState host : hosts.values()) {
            if (host.isActive()) {
                active++;
            }
        }
        return active;
    }

    /** Hosts parked in this run. */
    public int parkedHosts() {
        return parked;
    }

    /** Whether the page budget is spent: no more pages will be started this run. */
    public boolean budgetSpent() {
        return pagesStarted >= pageBudget;
    }

    private void paceChanged(HostState host) {
        paceChanges.put(host.hostId, new PaceChange(host.hostId, host.origin, Duration.ofNanos(host.pace.delayNanos()),
                host.pace.pushBacks(), host.lastPushBack));
    }

    /** The paces that changed since the last call, oldest change first, for the store to keep. */
    public List<PaceChange> takePaceChanges() {
        if (paceChanges.isEmpty()) {
            return List.of();
        }
        List<PaceChange> changes = List.copyOf(paceChanges.values());
        paceChanges.clear();
        return changes;
    }

    /** The delay the host has taught us by pushing back (zero when it is not slowed), for tests and reports. */
    public Duration learnedDelay(int hostId) {
        HostState host = hosts.get(hostId);
        return host == null ? Duration.ZERO : Duration.ofNanos(host.pace.delayNanos());
    }

    /** The delay now applied to a host, for tests and reports. */
    public Duration currentDelay(int hostId) {
        HostState host = hosts.get(hostId);
        return host == null ? Duration.ofNanos(delayNanos) : Duration.ofNanos(effectiveDelay(host));
    }

    private QueuedUrl nextUrl(HostState host) {
        if (host.buffer.isEmpty()) {
            List<QueuedUrl> head = store.peek(host.hostId, PREFETCH, host.leased);
            host.buffer.addAll(head);
        }
        return host.buffer.poll();
    }

    private long effectiveDelay(HostState host) {
        long adaptive = adaptiveFactor > 0 ? Math.min((long) (adaptiveFactor * host.averageResponseNanos), maxAdaptiveNanos) : 0;
        return Math.max(Math.max(floorDelay(host), adaptive), host.pace.delayNanos());
    }

    /** The delay a host gets whatever it does: the configured one, or its robots.txt's Crawl-delay. */
    private long floorDelay(HostState host) {
        return Math.max(delayNanos, host.crawlDelayNanos);
    }

    /** Applies a change to a host and re-files it in the ready set, whose order depends on the host's state. */
    private void update(HostState host, Runnable change) {
        ready.remove(host);
        change.run();
        if (host.isEligible()) {
            ready.add(host);
        }
    }
}
