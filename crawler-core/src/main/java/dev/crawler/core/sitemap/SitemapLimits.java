package dev.crawler.core.sitemap;

/**
 * The ceilings of expanding one sitemap seed, so an index of indexes cannot run away.
 *
 * @param maxFiles sitemap documents fetched at most, the index itself included (default 1,000)
 * @param maxUrls  page URLs taken at most; the rest are dropped with a warning (default 200,000)
 */
public record SitemapLimits(int maxFiles, long maxUrls) {
    public SitemapLimits {
        if (maxFiles < 1 || maxFiles > 100_000) {
            throw new IllegalArgumentException("sitemaps.maxFiles: must be 1..100000, was " + maxFiles);
        }
        if (maxUrls < 1) {
            throw new IllegalArgumentException("sitemaps.maxUrls: must be at least 1, was " + maxUrls);
        }
    }

    public static SitemapLimits defaults() {
        return new SitemapLimits(1_000, 200_000);
    }
}
