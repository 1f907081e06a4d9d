package dev.crawler.core.schedule;

import crawlercommons.robots.BaseRobotRules;
import dev.crawler.core.config.CrawlConfig;
import dev.crawler.core.robots.RobotsCache;
import dev.crawler.core.robots.RobotsPolicy;
import dev.crawler.storage.CrawlStore;
import dev.crawler.storage.FrontierKey;
import dev.crawler.storage.QueuedUrl;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Decides which URL is fetched next, so that every host is kept busy and none is treated unkindly.
 *
 * <h2>Problem</h2>
 * Thousands of hosts, each with its own queue on disk, its own politeness delay and a cap on
 * requests in flight; a global cap on URLs in flight that keeps memory flat; and robots.txt to read
 * before a host's first page.
 *
 * <h2>Approach</h2>
 * Politeness is data. Each host has a {@link HostState}: free permits, the earliest time of its next
 * request, and a small prefetch of its queue. Hosts that could send a request (work queued, a permit
 * free, robots not loading) sit in one ordered set by next allowed time, so the next host is always
 * the first element and the time to wait is known exactly. Nothing polls: {@link #next} answers
 * with a decision, and the caller feeds back events ({@link #requestFinished}, {@link #settled},
 * {@link #hostHasWork}, robots results) that change what is eligible.
 *
 * <h2>Rules</h2>
 * A request takes a permit and moves the host's next allowed time to now + delay; when it finishes
 * the permit comes back and the next allowed time becomes at least finish + delay, so with one permit
 * the gap between two requests to a host is never shorter than the delay. The delay is the larger of
 * the configured one and robots.txt's {@code Crawl-delay} (capped). A leased URL counts against the
 * global in-flight cap until its outcome is committed: that is the back-pressure on parsing and
 * storage. Robots-disallowed URLs are settled without a request, and take no permit.
 *
 * <p>Not thread-safe: owned by the dispatcher thread. Time comes in as arguments, never from a
 * clock, so tests drive it with a fake one.
 */
public final class HostScheduler {
    private static final int PREFETCH = 32;
    private static final long ROBOTS_RETRY_BASE_NANOS = 1_000_000_000L;

    private final CrawlStore store;
    private final RobotsCache robots;
    private final long delayNanos;
    private final long maxCrawlDelayNanos;
    private final int permitsPerHost;
    private final int maxInFlight;
    private final int maxRobotsAttempts;
    private final long pageBudget;
    private final Map<Integer, HostState> hosts = new HashMap<>();
    private final TreeSet<HostState> ready = new TreeSet<>(
            Comparator.comparingLong((HostState h) -> h.nextAllowedNanos).thenComparingInt(h -> h.hostId));
    private int inFlight;
    private int robotsLoading;
    private long pagesStarted;
    private boolean draining;

    /**
     * @param pagesAlreadyDone pages fetched by earlier runs of this crawl, counted against {@code maxPages}
     */
    public HostScheduler(CrawlStore store, RobotsCache robots, CrawlConfig config, long pagesAlreadyDone) {
        this.store = store;
        this.robots = robots;
        this.delayNanos = config.politeness().delay().toNanos();
        this.maxCrawlDelayNanos = config.politeness().maxCrawlDelay().toNanos();
        this.permitsPerHost = config.politeness().permitsPerHost();
        this.maxInFlight = config.limits().maxInFlight();
        this.maxRobotsAttempts = config.fetch().maxRetries() + 1;
        this.pageBudget = config.limits().maxPages() == 0 ? Long.MAX_VALUE : config.limits().maxPages();
        this.pagesStarted = pagesAlreadyDone;
    }

    /** Tells the scheduler that a host has queued URLs (at start, or after a commit added some). */
    public void hostHasWork(int hostId) {
        HostState host = hosts.computeIfAbsent(hostId, id -> new HostState(id, store.origin(id), permitsPerHost));
        update(host, () -> host.hasWork = true);
    }

    /** What to do now. Call again after acting on the decision, until it waits or idles. */
    public Decision next(long now) {
        while (true) {
            if (draining || inFlight >= maxInFlight || pagesStarted >= pageBudget || ready.isEmpty()) {
                return new Decision.Idle();
            }
            HostState host = ready.first();
            if (host.nextAllowedNanos > now) {
                return new Decision.WaitUntil(host.nextAllowedNanos);
            }
            Optional<BaseRobotRules> rules = robots.get(host.origin);
            if (rules.isEmpty()) {
                return startRobots(host, now);
            }
            QueuedUrl url = nextUrl(host);
            if (url == null) {
                update(host, () -> host.hasWork = false);
                continue;
            }
            inFlight++;
            host.leased.add(url.key());
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
            host.nextAllowedNanos = now + delayNanos;
        });
        return new Decision.FetchRobots(host.hostId, host.origin);
    }

    /** A request to the host (page or robots.txt) finished at {@code now}; its permit comes back. */
    public void requestFinished(int hostId, long now) {
        HostState host = hosts.get(hostId);
        update(host, () -> {
            host.permitsFree++;
            host.nextAllowedNanos = Math.max(host.nextAllowedNanos, now + effectiveDelay(host));
        });
    }

    /** robots.txt was read: obey it from now on. The request's permit comes back too. */
    public void robotsLoaded(int hostId, BaseRobotRules rules, long now) {
        HostState host = hosts.get(hostId);
        robots.put(host.origin, rules);
        long crawlDelay = rules.getCrawlDelay() > 0 ? rules.getCrawlDelay() * 1_000_000L : 0;
        robotsLoading--;
        update(host, () -> {
            host.robotsLoading = false;
            host.robotsAttempts = 0;
            host.crawlDelayNanos = Math.min(crawlDelay, maxCrawlDelayNanos);
        });
        requestFinished(hostId, now);
    }

    /**
     * robots.txt could not be read. The host waits with exponential backoff and tries again; after the
     * last attempt everything on it is disallowed, as RFC 9309 asks for an unreachable robots.txt.
     */
    public void robotsUnavailable(int hostId, long now) {
        HostState host = hosts.get(hostId);
        if (host.robotsAttempts >= maxRobotsAttempts) {
            robotsLoaded(hostId, RobotsPolicy.disallowAll(), now);
            return;
        }
        robotsLoading--;
        long backoff = ROBOTS_RETRY_BASE_NANOS << Math.min(host.robotsAttempts - 1, 10);
        update(host, () -> {
            host.robotsLoading = false;
            host.permitsFree++;
            host.nextAllowedNanos = now + Math.max(backoff, effectiveDelay(host));
        });
    }

    /** The outcome of a leased URL was committed: it no longer counts as in flight. */
    public void settled(int hostId, FrontierKey key) {
        HostState host = hosts.get(hostId);
        if (host != null && host.leased.remove(key)) {
            inFlight--;
        }
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

    private QueuedUrl nextUrl(HostState host) {
        if (host.buffer.isEmpty()) {
            List<QueuedUrl> head = store.peek(host.hostId, PREFETCH, host.leased);
            host.buffer.addAll(head);
        }
        return host.buffer.poll();
    }

    private long effectiveDelay(HostState host) {
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
