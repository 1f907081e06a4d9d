package dev.crawler.core.sitemap;

import java.util.List;

/** What one sitemap document holds. */
public sealed interface SitemapDocument {
    /** A sitemap of pages ({@code <urlset>}, a text list, RSS or Atom). */
    record Pages(List<String> urls) implements SitemapDocument {
        public Pages {
            urls = List.copyOf(urls);
        }
    }

    /** A sitemap index: the locations of more sitemaps. */
    record Index(List<String> sitemaps) implements SitemapDocument {
        public Index {
            sitemaps = List.copyOf(sitemaps);
        }
    }

    /** Not a sitemap that can be read, and why. */
    record Unreadable(String reason) implements SitemapDocument {
    }
}
