package dev.crawler.core.robots;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import crawlercommons.robots.BaseRobotRules;
import java.time.Duration;
import java.util.Optional;

/**
 * The robots rules of every host, each kept for a while and then fetched again, so a long crawl
 * notices when a site changes its robots.txt. Bounded in size; a host evicted early simply has its
 * robots.txt fetched again.
 */
public final class RobotsCache {
    private final Cache<String, BaseRobotRules> rules;

    /**
     * @param ticker a monotonic clock in nanoseconds (the crawl's own, so tests can move it)
     */
    public RobotsCache(Duration expiry, long maxHosts, Ticker ticker) {
        this.rules = Caffeine.newBuilder()
                .expireAfterWrite(expiry)
                .maximumSize(maxHosts)
                .ticker(ticker)
                .executor(Runnable::run)
                .build();
    }

    public Optional<BaseRobotRules> get(String origin) {
        return Optional.ofNullable(rules.getIfPresent(origin));
    }

    public void put(String origin, BaseRobotRules value) {
        rules.put(origin, value);
    }
}
