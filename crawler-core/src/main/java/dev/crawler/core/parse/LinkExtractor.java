package dev.crawler.core.parse;

import dev.crawler.core.config.CrawlConfig;
import dev.crawler.core.url.Origin;
import dev.crawler.core.url.UrlCanonicalizer;
import dev.crawler.storage.DiscoveredUrl;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Takes the links of a page that belong to the crawl: resolved against the page (and its
 * {@code <base href>}, which Jsoup applies while parsing), canonical, in scope, not {@code nofollow}
 * unless configured, within the depth and per-page caps, each once. Thread-safe.
 */
public final class LinkExtractor {
    private final CrawlConfig.Scope scope;
    private final UrlCanonicalizer canonicalizer;

    public LinkExtractor(CrawlConfig.Scope scope, UrlCanonicalizer canonicalizer) {
        this.scope = scope;
        this.canonicalizer = canonicalizer;
    }

    /** The links of {@code doc}, found at {@code depth}, as URLs to queue at {@code depth + 1}. */
    public List<DiscoveredUrl> extract(Document doc, int depth) {
        if (depth >= scope.maxDepth() || isNofollowPage(doc)) {
            return List.of();
        }
        Set<String> seen = new LinkedHashSet<>();
        List<DiscoveredUrl> links = new ArrayList<>();
        for (Element anchor : doc.select("a[href], area[href]")) {
            if (links.size() >= scope.maxLinksPerPage()) {
                break;
            }
            if (!scope.followNofollow() && hasRelToken(anchor, "nofollow")) {
                continue;
            }
            toQueue(anchor.absUrl("href"), depth + 1).filter(url -> seen.add(url.url())).ifPresent(links::add);
        }
        return links;
    }

    /** A single URL (a redirect target) as it would be queued at {@code depth}, if it is in scope. */
    public Optional<DiscoveredUrl> toQueue(String absoluteUrl, int depth) {
        if (absoluteUrl.isEmpty()) {
            return Optional.empty();
        }
        return canonicalizer.canonicalize(absoluteUrl).flatMap(url -> Origin.of(url)
                .filter(scope.allowedOrigins()::contains)
                .map(origin -> new DiscoveredUrl(url, origin, depth, Math.min(depth, 255))));
    }

    private boolean isNofollowPage(Document doc) {
        if (scope.followNofollow()) {
            return false;
        }
        for (Element meta : doc.select("meta[name=robots]")) {
            if (meta.attr("content").toLowerCase(Locale.ROOT).contains("nofollow")) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasRelToken(Element anchor, String token) {
        for (String rel : anchor.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")) {
            if (rel.equals(token)) {
                return true;
            }
        }
        return false;
    }
}
