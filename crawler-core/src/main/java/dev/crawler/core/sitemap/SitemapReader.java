package dev.crawler.core.sitemap;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads one sitemap document with crawler-commons' {@link SiteMapParser}: XML (plain or gzipped),
 * plain text, RSS and Atom. Pure: bytes in, URLs out. Not thread-safe (the parser is not); use one per
 * thread.
 *
 * <p>The parser is strict, as the sitemaps.org protocol asks: a sitemap may only list URLs under its
 * own location, so a sitemap on one shop cannot widen the crawl to other hosts. It accepts partial
 * documents, so a sitemap cut off by the body size limit still yields the URLs before the cut. It
 * caps a document at 50,000 URLs and 50 MB, as the protocol does.
 */
public final class SitemapReader {
    private final SiteMapParser parser = new SiteMapParser(true, true);

    /**
     * @param contentType the response's {@code Content-Type}, or null to let the content decide
     * @param location    where the document was fetched from (after redirects)
     */
    public SitemapDocument read(byte[] content, @Nullable String contentType, URI location) {
        URL url;
        try {
            url = location.toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            return new SitemapDocument.Unreadable("not a fetchable URL: " + location);
        }
        AbstractSiteMap sitemap;
        try {
            sitemap = contentType == null ? parser.parseSiteMap(content, url) : parser.parseSiteMap(contentType, content, url);
        } catch (UnknownFormatException e) {
            return new SitemapDocument.Unreadable("not a sitemap: " + e.getMessage());
        } catch (IOException e) {
            return new SitemapDocument.Unreadable("unreadable sitemap: " + e.getMessage());
        }
        if (sitemap instanceof SiteMapIndex index) {
            List<String> sitemaps = new ArrayList<>();
            for (AbstractSiteMap child : index.getSitemaps()) {
                sitemaps.add(child.getUrl().toString());
            }
            return new SitemapDocument.Index(sitemaps);
        }
        List<String> urls = new ArrayList<>();
        for (SiteMapURL entry : ((SiteMap) sitemap).getSiteMapUrls()) {
            urls.add(entry.getUrl().toString());
        }
        return new SitemapDocument.Pages(urls);
    }
}
