package dev.crawler.cli;

import dev.crawler.core.config.CrawlConfig;
import dev.crawler.core.extract.ExtractionRules;
import dev.crawler.core.sitemap.SitemapLimits;
import dev.crawler.core.url.Origin;
import dev.crawler.storage.StoreOptions;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Everything a config file holds, in the file's shape: the sections of {@link CrawlConfig} under
 * their own names, then what only the command line uses. Jackson maps the YAML onto these records
 * and their compact constructors check every value, so a document that exists is a valid one.
 *
 * @param scope its {@code allowedOrigins} are origins allowed besides the seeds' own
 */
record ConfigDocument(
        CrawlConfig.Politeness politeness,
        CrawlConfig.Fetch fetch,
        CrawlConfig.Scope scope,
        CrawlConfig.Limits limits,
        ExtractionRules extraction,
        CrawlConfig.Revisit revisit,
        SitemapLimits sitemaps,
        StoreOptions storage,
        ExportSettings export,
        ClusterSection cluster) {

    static ConfigDocument defaults() {
        return new ConfigDocument(CrawlConfig.Politeness.defaults(), CrawlConfig.Fetch.defaults(),
                CrawlConfig.Scope.defaults(Set.of()), CrawlConfig.Limits.defaults(), ExtractionRules.none(),
                CrawlConfig.Revisit.defaults(), SitemapLimits.defaults(), StoreOptions.defaults(), ExportSettings.defaults(),
                ClusterSection.defaults());
    }

    /** The crawl's config: the seeds' origins are always in scope, with any the file adds. */
    CrawlConfig crawlConfig(Set<String> seedOrigins) {
        Set<String> origins = new LinkedHashSet<>(seedOrigins);
        for (String origin : scope.allowedOrigins()) {
            origins.add(Origin.of(origin).orElseThrow(() -> new IllegalArgumentException(
                    "scope.allowedOrigins: '" + origin + "' is not an origin such as https://shop.example")));
        }
        return new CrawlConfig(politeness, fetch, scope.withAllowedOrigins(origins), limits, extraction, revisit);
    }
}
