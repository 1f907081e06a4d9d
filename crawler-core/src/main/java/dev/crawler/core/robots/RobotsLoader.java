package dev.crawler.core.robots;

import dev.crawler.core.fetch.BodyLimit;
import dev.crawler.core.fetch.FetchOutcome;
import dev.crawler.core.fetch.HttpFetcher;
import dev.crawler.core.url.Origin;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Fetches a host's robots.txt, following up to five redirects as RFC 9309 asks, and reading at most
 * {@link RobotsPolicy#MAX_ROBOTS_BYTES} of it: a longer file is cut there (the rest is ignored, as the
 * RFC allows) instead of being downloaded up to the page limit. The returned future completes on an
 * event-loop thread; callers move parsing elsewhere.
 *
 * <p>Each redirect hop is a request like any other, so it waits the politeness delay after the answer
 * before it: the scheduler sees the whole load as one request (one permit), and would otherwise let the
 * hops reach the host back to back.
 */
public final class RobotsLoader {
    static final int MAX_REDIRECTS = 5;
    private static final BodyLimit LIMIT = BodyLimit.truncateAt(RobotsPolicy.MAX_ROBOTS_BYTES);

    private final HttpFetcher fetcher;
    private final Duration hopDelay;

    /** @param hopDelay the wait before following a redirect: the crawl's {@code politeness.delay} */
    public RobotsLoader(HttpFetcher fetcher, Duration hopDelay) {
        this.fetcher = fetcher;
        this.hopDelay = hopDelay;
    }

    public CompletableFuture<FetchOutcome> load(String origin) {
        return fetch(URI.create(origin + "/robots.txt"), origin, 0);
    }

    private CompletableFuture<FetchOutcome> fetch(URI uri, String origin, int hops) {
        Duration wait = hops == 0 ? Duration.ZERO : hopDelay;
        return fetcher.fetchAfter(wait, uri, origin, LIMIT).thenCompose(outcome -> {
            Optional<URI> target = redirectTarget(outcome);
            if (target.isEmpty() || hops >= MAX_REDIRECTS) {
                return CompletableFuture.completedFuture(outcome);
            }
            Optional<String> targetOrigin = Origin.of(target.get());
            return targetOrigin.isEmpty()
                    ? CompletableFuture.completedFuture(outcome)
                    : fetch(target.get(), targetOrigin.get(), hops + 1);
        });
    }

    private static Optional<URI> redirectTarget(FetchOutcome outcome) {
        if (!(outcome instanceof FetchOutcome.Response response) || response.status() < 300 || response.status() >= 400) {
            return Optional.empty();
        }
        return response.header("location").flatMap(location -> {
            try {
                // RFC 3986 resolution (java.net.URI follows RFC 2396 and mangles query-only references).
                String target = org.jsoup.internal.StringUtil.resolve(response.uri().toString(), location.trim());
                return target.isEmpty() ? Optional.<URI>empty() : Optional.of(URI.create(target));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }
}
