package dev.crawler.core.robots;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import crawlercommons.robots.BaseRobotRules;
import java.time.Duration;
import java.util.Optional;

/**
 * The robots rules of every host, each kept for {@code expiry} and then fetched again, so a long crawl
 * notices when a site changes its robots.txt. Only rules read from a robots.txt are kept: a robots.txt
 * that could not be read leaves nothing here, and its host waits rather than being treated as
 * disallowing everything. Bounded in size; a host evicted early simply has its robots.txt fetched
 * again.
 *
 * <p>Thread-safe (Caffeine); in a crawl only the dispatcher thread uses it.
 */
public final class RobotsCache {
    private final Cache<String, Entry> rules;
    private final long expiryNanos;

    /** Hosts whose rules are kept at most; a crawl of more hosts fetches some robots.txt again. */
    public static final long MAX_HOSTS = 1_000_000;

    /**
     * Rules kept across engines over the same crawl, such as the rounds of a watch, timed by
     * {@link System#nanoTime}, the clock a crawl's own engine uses.
     */
    public static RobotsCache acrossRuns(Duration expiry) {
        return new RobotsCache(expiry, MAX_HOSTS, System::nanoTime);
    }

    /**
     * @param expiry how long rules read from a robots.txt are kept
     * @param ticker a monotonic clock in nanoseconds (the crawl's own, so tests can move it)
     */
    public RobotsCache(Duration expiry, long maxHosts, Ticker ticker) {
        this.expiryNanos = expiry.toNanos();
        this.rules = Caffeine.newBuilder()
                .expireAfter(new PerEntry())
                .maximumSize(maxHosts)
                .ticker(ticker)
                .executor(Runnable::run)
                .build();
    }

    public Optional<BaseRobotRules> get(String origin) {
        return Optional.ofNullable(rules.getIfPresent(origin)).map(Entry::rules);
    }

    /** Rules read from the host's robots.txt, kept for the cache's expiry. */
    public void put(String origin, BaseRobotRules value) {
        rules.put(origin, new Entry(value, expiryNanos));
    }

    private record Entry(BaseRobotRules rules, long lifetimeNanos) {
    }

    /** Each entry lives for its own lifetime from when it was written; reading does not extend it. */
    private static final class PerEntry implements Expiry<String, Entry> {
        @Override
        public long expireAfterCreate(String origin, Entry entry, long now) {
            return entry.lifetimeNanos();
        }

        @Override
        public long expireAfterUpdate(String origin, Entry entry, long now, long remaining) {
            return entry.lifetimeNanos();
        }

        @Override
        public long expireAfterRead(String origin, Entry entry, long now, long remaining) {
            return remaining;
        }
    }
}
