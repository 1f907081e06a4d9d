/**
 * Sitemaps as seeds: {@link dev.crawler.core.sitemap.SitemapReader} turns one sitemap document into
 * URLs (pure), {@link dev.crawler.core.sitemap.SitemapExpander} fetches a sitemap and the sitemaps an
 * index names, within {@link dev.crawler.core.sitemap.SitemapLimits}.
 */
@NullMarked
package dev.crawler.core.sitemap;

import org.jspecify.annotations.NullMarked;
