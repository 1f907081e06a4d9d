package dev.crawler.benchmarks;

import dev.crawler.core.config.CrawlConfig;
import dev.crawler.core.extract.ExtractionRules;
import dev.crawler.core.extract.ProductExtractor;
import dev.crawler.core.fetch.FetchOutcome;
import dev.crawler.core.parse.LinkExtractor;
import dev.crawler.core.parse.PageOutcome;
import dev.crawler.core.parse.PageProcessor;
import dev.crawler.core.parse.PageTask;
import dev.crawler.core.url.Origin;
import dev.crawler.core.url.UrlCanonicalizer;
import dev.crawler.storage.FrontierKey;
import dev.crawler.storage.QueuedUrl;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Exactly the work the crawl does for one fetched page (decode, Jsoup parse, link extraction,
 * product extraction), with no I/O: what the parse-only limit measures.
 */
final class PageWork {
    private final PageProcessor processor;

    PageWork(Set<String> origins) {
        CrawlConfig.Scope scope = CrawlConfig.Scope.defaults(origins);
        this.processor = new PageProcessor(
                new LinkExtractor(scope, new UrlCanonicalizer(scope.trackingParams(), scope.maxUrlLength())),
                new ProductExtractor(ExtractionRules.none()));
    }

    /** @param url the page's address; a fragment is dropped, as the crawl queues URLs without one */
    PageOutcome process(String url, byte[] body) {
        int fragment = url.indexOf('#');
        String pageUrl = fragment < 0 ? url : url.substring(0, fragment);
        URI uri = URI.create(pageUrl);
        PageTask task = new PageTask(0, Origin.of(uri).orElse("http://x:80"), new QueuedUrl(new FrontierKey(0, 1, 1), pageUrl, 1, 0));
        FetchOutcome.Response response = new FetchOutcome.Response(uri, 200,
                Map.of("content-type", "text/html; charset=utf-8"), body, 0);
        return processor.process(task, response, Instant.EPOCH);
    }
}
