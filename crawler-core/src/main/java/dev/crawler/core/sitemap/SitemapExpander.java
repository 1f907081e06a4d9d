package dev.crawler.core.sitemap;

import dev.crawler.core.fetch.FailureClass;
import dev.crawler.core.fetch.FetchOutcome;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Turns a sitemap URL into the page URLs it lists, fetching the sitemap and, for an index, the
 * sitemaps it names (breadth first, each once), within {@link SitemapLimits}.
 *
 * <p>This runs before a crawl starts, on the calling thread, one request at a time with a pause
 * between requests (the crawl's politeness delay). Redirects are followed up to five hops. A sitemap
 * that fails is reported and skipped; the rest still count. robots.txt is not consulted for the
 * sitemap itself (an operator named it), but every page URL it yields is subject to robots.txt like
 * any other when the crawl fetches it.
 */
public final class SitemapExpander {
    private static final int MAX_REDIRECTS = 5;

    /** Fetches one URL; {@code HttpFetcher} with the URL's origin in production. */
    @FunctionalInterface
    public interface Fetch {
        CompletableFuture<FetchOutcome> get(URI uri);
    }

    /**
     * What a sitemap seed expanded to.
     *
     * @param pageUrls the page URLs, each once, in the order found
     * @param problems one line for each sitemap that could not be used, or limit that was reached
     */
    public record Expansion(List<String> pageUrls, List<String> problems) {
        public Expansion {
            pageUrls = List.copyOf(pageUrls);
            problems = List.copyOf(problems);
        }
    }

    private final Fetch fetch;
    private final SitemapLimits limits;
    private final Duration pause;
    private final Duration timeout;
    private final SitemapReader reader = new SitemapReader();

    /**
     * @param pause   the least time between two requests
     * @param timeout the longest wait for one response (the fetcher's own timeouts should end it first)
     */
    public SitemapExpander(Fetch fetch, SitemapLimits limits, Duration pause, Duration timeout) {
        this.fetch = fetch;
        this.limits = limits;
        this.pause = pause;
        this.timeout = timeout;
    }

    /** Expands one sitemap URL; never throws for what the web does wrong. */
    public Expansion expand(URI sitemap) {
        Set<String> pages = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        ArrayDeque<URI> pending = new ArrayDeque<>(List.of(sitemap));
        Set<URI> visited = new HashSet<>(pending);
        int fetched = 0;
        while (!pending.isEmpty()) {
            if (fetched == limits.maxFiles()) {
                problems.add("stopped after " + fetched + " sitemap files (sitemaps.maxFiles); " + pending.size() + " not read");
                break;
            }
            URI next = pending.poll();
            if (fetched > 0 && !pauseBetweenRequests()) {
                problems.add("interrupted while reading sitemaps");
                break;
            }
            fetched++;
            SitemapDocument document = load(next);
            if (document instanceof SitemapDocument.Unreadable unreadable) {
                problems.add(next + ": " + unreadable.reason());
            } else if (document instanceof SitemapDocument.Index index) {
                for (String child : index.sitemaps()) {
                    try {
                        URI uri = new URI(child);
                        if (visited.add(uri)) {
                            pending.add(uri);
                        }
                    } catch (URISyntaxException e) {
                        problems.add(next + ": names a sitemap that is not a valid URL: " + child);
                    }
                }
            } else if (!addPages(pages, ((SitemapDocument.Pages) document).urls())) {
                problems.add("stopped at " + pages.size() + " URLs (sitemaps.maxUrls); the rest of the sitemaps were not read");
                break;
            }
        }
        return new Expansion(new ArrayList<>(pages), problems);
    }

    /** Adds page URLs up to the limit; false when the limit cut the list short. */
    private boolean addPages(Set<String> pages, List<String> urls) {
        for (String url : urls) {
            if (pages.size() >= limits.maxUrls()) {
                return false;
            }
            pages.add(url);
        }
        return true;
    }

    /** Fetches a sitemap, following redirects, and reads it. */
    private SitemapDocument load(URI uri) {
        URI current = uri;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            FetchOutcome outcome = await(current);
            if (outcome instanceof FetchOutcome.Failure failure) {
                return new SitemapDocument.Unreadable(failure.failureClass().label() + ": " + failure.message());
            }
            FetchOutcome.Response response = (FetchOutcome.Response) outcome;
            Optional<URI> redirect = redirectTarget(response);
            if (redirect.isPresent()) {
                current = redirect.get();
                continue;
            }
            if (response.status() != 200) {
                return new SitemapDocument.Unreadable("HTTP status " + response.status());
            }
            return reader.read(response.body(), response.header("content-type").orElse(null), current);
        }
        return new SitemapDocument.Unreadable("more than " + MAX_REDIRECTS + " redirects");
    }

    private static Optional<URI> redirectTarget(FetchOutcome.Response response) {
        int status = response.status();
        if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
            return Optional.empty();
        }
        return response.header("location").flatMap(location -> {
            try {
                return Optional.of(response.uri().resolve(location.trim()));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    private FetchOutcome await(URI uri) {
        try {
            return fetch.get(uri).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new FetchOutcome.Failure(uri, FailureClass.TIMEOUT, "interrupted");
        } catch (TimeoutException e) {
            return new FetchOutcome.Failure(uri, FailureClass.TIMEOUT, "no answer within " + timeout);
        } catch (ExecutionException e) {
            return new FetchOutcome.Failure(uri, FailureClass.PROTOCOL, String.valueOf(e.getCause()));
        }
    }

    /** Waits the pause; false when interrupted (the interrupt is kept for the caller). */
    private boolean pauseBetweenRequests() {
        if (Thread.currentThread().isInterrupted()) {
            return false;
        }
        if (pause.isZero()) {
            return true;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(pause.toNanos());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
