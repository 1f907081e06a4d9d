package dev.crawler.core.robots;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import crawlercommons.robots.BaseRobotRules;
import java.time.Duration;
import java.util.Optional;

/**
 * The robots rules of every host, each kept for a while and then fetched again, so a long crawl
 * notices when a site changes its robots.txt. Rules read from a robots.txt are kept for
 * {@code expiry}; the disallow-all that stands in for a robots.txt that could not be read is kept
 * only as long as its caller says (RFC 9309 asks crawlers to assume complete disallow while the file
 * is unreachable, not forever). Bounded in size; a host evicted early simply has its robots.txt
 * fetched again.
 *
 * <p>Thread-safe (Caffeine); in a crawl only the dispatcher thread uses it.
 */
public final class RobotsCache {
    private final Cache<String, Entry> rules;
    private final long expiryNanos;

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

    /** Rules that stand in for a robots.txt that could not be read, kept only for {@code lifetime}. */
    public void putTemporary(String origin, BaseRobotRules value, Duration lifetime) {
        rules.put(origin, new Entry(value, Math.min(lifetime.toNanos(), expiryNanos)));
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
