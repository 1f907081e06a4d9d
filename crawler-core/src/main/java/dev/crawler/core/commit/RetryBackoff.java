package dev.crawler.core.commit;

import java.time.Duration;

/**
 * How long a transiently failed URL waits before its next attempt: exponential in the attempt
 * number, capped, with jitter so that URLs that failed together do not all return together.
 *
 * <p>The jitter is derived from the URL and the attempt rather than drawn from a random source, so
 * the same failure always waits the same time: deterministic in tests and after a resume.
 *
 * @param base the wait after the first failure (default 2 s)
 * @param max  the longest wait (default 5 min)
 */
public record RetryBackoff(Duration base, Duration max) {
    public RetryBackoff {
        if (base.isNegative() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("retry backoff needs 0 <= base <= max, was " + base + " and " + max);
        }
    }

    public static RetryBackoff defaults() {
        return new RetryBackoff(Duration.ofSeconds(2), Duration.ofMinutes(5));
    }

    /**
     * The wait before attempt {@code attempt + 1}, for {@code attempt >= 1}: between half and all of
     * {@code base * 2^(attempt-1)}, never above {@code max}.
     */
    public Duration after(int attempt, String url) {
        long baseMillis = base.toMillis();
        long exponential = baseMillis << Math.min(Math.max(attempt - 1, 0), 20);
        long ceiling = Math.min(exponential, max.toMillis());
        long jitterSpan = ceiling / 2;
        long jitter = jitterSpan == 0 ? 0 : Math.floorMod((url.hashCode() * 31L) + attempt * 0x9E3779B97F4A7C15L, jitterSpan + 1);
        return Duration.ofMillis(ceiling - jitterSpan + jitter);
    }
}
