package dev.crawler.core.parse;

import dev.crawler.core.config.CrawlConfig;
import dev.crawler.core.url.Origin;
import dev.crawler.core.url.UrlCanonicalizer;
import dev.crawler.storage.DiscoveredUrl;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * <p>Links are most of the per-page work after parsing itself, so three things are kept cheap: the
 * page is walked once for its anchors and its robots meta; a link whose host is not one the crawl
 * may fetch is dropped before it is canonicalised (most links to other sites); and the canonical,
 * in-scope form of each absolute URL is remembered, because a shop repeats its navigation, footer and
 * related-product links on every page. The memory is per parse thread, so it needs no locking.
 */
public final class LinkExtractor {
    /** Per parse thread; about 300 bytes an entry: a few MiB of heap in all. */
    private static final int REMEMBERED_URLS = 8_192;

    private final CrawlConfig.Scope scope;
    private final UrlCanonicalizer canonicalizer;
    private final Set<String> allowedHosts = new HashSet<>();
    private final ThreadLocal<Map<String, InScope>> canonical = ThreadLocal.withInitial(() -> new Lru(REMEMBERED_URLS));

    /** The canonical URL and origin of an in-scope link, or {@link #OUT} for one the crawl does not take. */
    private record InScope(String url, String origin) {
    }

    private static final InScope OUT = new InScope("", "");

    public LinkExtractor(CrawlConfig.Scope scope, UrlCanonicalizer canonicalizer) {
        this.scope = scope;
        this.canonicalizer = canonicalizer;
        for (String origin : scope.allowedOrigins()) {
            int hostStart = origin.indexOf("://") + 3;
            int portStart = origin.lastIndexOf(':');
            allowedHosts.add(origin.substring(hostStart, portStart > hostStart ? portStart : origin.length()).toLowerCase(Locale.ROOT));
        }
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
        if (!mayBeInScope(absoluteUrl)) {
            return Optional.empty();
        }
        Map<String, InScope> remembered = canonical.get();
        InScope found = remembered.get(absoluteUrl);
        if (found == null) {
            found = inScope(absoluteUrl);
            remembered.put(absoluteUrl, found);
        }
        return found == OUT ? Optional.empty() : Optional.of(new DiscoveredUrl(found.url, found.origin, depth, Math.min(depth, 255)));
    }

    private InScope inScope(String absoluteUrl) {
        return canonicalizer.canonicalize(absoluteUrl)
                .flatMap(url -> Origin.of(url).filter(scope.allowedOrigins()::contains).map(origin -> new InScope(url, origin)))
                .orElse(OUT);
    }

    /**
     * False only for a URL whose plain ASCII host is certainly not one of the crawl's hosts, judged
     * from the text without parsing it. Anything unusual (IDN, a trailing dot, userinfo, no scheme)
     * goes on to full canonicalisation, which decides.
     */
    private boolean mayBeInScope(String url) {
        int schemeEnd = url.indexOf("://");
        if (schemeEnd < 0) {
            return true;
        }
        int hostStart = schemeEnd + 3;
        int hostEnd = hostStart;
        while (hostEnd < url.length()) {
            char c = url.charAt(hostEnd);
            if (c == '/' || c == '?' || c == '#' || c == ':') {
                break;
            }
            if (c == '@' || c == '[' || c == '%' || c >= 0x80) {
                return true;
            }
            hostEnd++;
        }
        if (hostEnd == hostStart || url.charAt(hostEnd - 1) == '.') {
            return true;
        }
        return allowedHosts.contains(url.substring(hostStart, hostEnd).toLowerCase(Locale.ROOT));
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

    /** A map that forgets the least recently used entry past its size. */
    private static final class Lru extends LinkedHashMap<String, InScope> {
        private final int size;

        Lru(int size) {
            super(size * 2, 0.75f, true);
            this.size = size;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, InScope> eldest) {
            return size() > size;
        }
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
