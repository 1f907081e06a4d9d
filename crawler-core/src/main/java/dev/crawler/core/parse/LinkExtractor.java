package dev.crawler.core.parse;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.crawler.core.config.CrawlConfig;
import dev.crawler.core.url.Origin;
import dev.crawler.core.url.UrlCanonicalizer;
import dev.crawler.storage.DiscoveredUrl;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.NodeTraversor;

/**
 * Takes the links of a page that belong to the crawl: resolved against the page (and its
 * {@code <base href>}, which Jsoup applies while parsing), canonical, in scope, not {@code nofollow}
 * unless configured, within the depth and per-page caps, each once. Thread-safe.
 *
 * <p>Links are most of the per-page work after parsing itself, so two things are kept cheap: the
 * page is walked once for its anchors and its robots meta, and the canonical, in-scope form of each
 * absolute URL is cached, because a shop repeats its navigation, footer and related-product links on
 * every page.
 */
public final class LinkExtractor {
    /** About 100 bytes a URL twice over plus the entry: a few MiB of heap. */
    private static final int CACHED_URLS = 16_384;

    private final CrawlConfig.Scope scope;
    private final UrlCanonicalizer canonicalizer;
    private final Cache<String, InScope> canonical = Caffeine.newBuilder()
            .maximumSize(CACHED_URLS)
            // Evictions run on the parse thread that caused them, never on a shared pool.
            .executor(Runnable::run)
            .build();

    /** The canonical URL and origin of an in-scope link, or {@link #OUT} for one the crawl does not take. */
    private record InScope(String url, String origin) {
    }

    private static final InScope OUT = new InScope("", "");

    public LinkExtractor(CrawlConfig.Scope scope, UrlCanonicalizer canonicalizer) {
        this.scope = scope;
        this.canonicalizer = canonicalizer;
    }

    /** The links of {@code doc}, found at {@code depth}, as URLs to queue at {@code depth + 1}. */
    public List<DiscoveredUrl> extract(Document doc, int depth) {
        if (depth >= scope.maxDepth()) {
            return List.of();
        }
        PageAnchors page = PageAnchors.of(doc);
        if (page.nofollowPage && !scope.followNofollow()) {
            return List.of();
        }
        String baseOrigin = Origin.of(doc.baseUri()).orElse(null);
        Set<String> seen = new HashSet<>();
        List<DiscoveredUrl> links = new ArrayList<>();
        for (Element anchor : page.anchors) {
            if (links.size() >= scope.maxLinksPerPage()) {
                break;
            }
            if (!scope.followNofollow() && hasRelToken(anchor, "nofollow")) {
                continue;
            }
            toQueue(absolute(anchor, baseOrigin), depth + 1).filter(url -> seen.add(url.url())).ifPresent(links::add);
        }
        return links;
    }

    /** A single URL (a redirect target) as it would be queued at {@code depth}, if it is in scope. */
    public Optional<DiscoveredUrl> toQueue(String absoluteUrl, int depth) {
        if (absoluteUrl.isEmpty()) {
            return Optional.empty();
        }
        InScope found = canonical.get(absoluteUrl, this::inScope);
        return found == OUT ? Optional.empty() : Optional.of(new DiscoveredUrl(found.url, found.origin, depth, Math.min(depth, 255)));
    }

    private InScope inScope(String absoluteUrl) {
        return canonicalizer.canonicalize(absoluteUrl)
                .flatMap(url -> Origin.of(url).filter(scope.allowedOrigins()::contains).map(origin -> new InScope(url, origin)))
                .orElse(OUT);
    }

    /**
     * The link's absolute URL. Absolute and root-relative links (nearly all of a shop's) skip Jsoup's
     * general resolution, which builds a {@code java.net.URL} per link; the canonicalizer normalises
     * what both produce (dot segments, case, default ports) the same way.
     */
    private static String absolute(Element anchor, String baseOrigin) {
        String href = anchor.attr("href").strip();
        if (startsWithIgnoreCase(href, "http://") || startsWithIgnoreCase(href, "https://")) {
            return href;
        }
        if (baseOrigin != null && href.startsWith("/") && !href.startsWith("//") && isPlain(href)) {
            return baseOrigin + href;
        }
        return anchor.absUrl("href");
    }

    /** No characters that Jsoup's resolution would strip or treat specially (controls, backslashes). */
    private static boolean isPlain(String href) {
        for (int i = 0; i < href.length(); i++) {
            char c = href.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithIgnoreCase(String text, String prefix) {
        return text.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    private static boolean hasRelToken(Element anchor, String token) {
        String rel = anchor.attr("rel");
        if (rel.isEmpty()) {
            return false;
        }
        for (String value : rel.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (value.equals(token)) {
                return true;
            }
        }
        return false;
    }

    /** The anchors of a page and whether its robots meta says nofollow, from one walk over the tree. */
    private static final class PageAnchors {
        final List<Element> anchors = new ArrayList<>();
        boolean nofollowPage;

        static PageAnchors of(Document doc) {
            PageAnchors page = new PageAnchors();
            NodeTraversor.traverse((node, depth) -> {
                if (node instanceof Element element) {
                    page.visit(element);
                }
            }, doc);
            return page;
        }

        private void visit(Element element) {
            String tag = element.normalName();
            if ((tag.equals("a") || tag.equals("area")) && element.hasAttr("href")) {
                anchors.add(element);
            } else if (tag.equals("meta") && element.attr("name").equalsIgnoreCase("robots")
                    && element.attr("content").toLowerCase(Locale.ROOT).contains("nofollow")) {
                nofollowPage = true;
            }
        }
    }
}
