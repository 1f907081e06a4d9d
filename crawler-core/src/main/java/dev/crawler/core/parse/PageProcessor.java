package dev.crawler.core.parse;

import dev.crawler.core.extract.ExtractedProduct;
import dev.crawler.core.extract.ProductExtractor;
import dev.crawler.core.fetch.FailureClass;
import dev.crawler.core.fetch.FetchOutcome;
import dev.crawler.core.fetch.Validators;
import dev.crawler.storage.PageState;
import dev.crawler.storage.DiscoveredUrl;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.nodes.Document;
import dev.crawler.core.sitemap.SitemapDocument;
import dev.crawler.core.sitemap.SitemapReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

/**
 * Turns one fetch into a page outcome: decodes the HTML (in the charset {@link CharsetDetector}
 * chooses, which may not be the one the header names) and parses it, takes its links and products,
 * and classifies everything that is not a page. Runs on the parse pool; pure apart from reading the
 * bytes it is given and a bounded memory of recent redirects (to name redirect loops, see
 * {@link RedirectLoops}). Thread-safe.
 */
public final class PageProcessor {
    private final LinkExtractor links;
    private final ProductExtractor products;
    private final int maxRedirects;
    private final RedirectLoops loops = new RedirectLoops();

    /** With the default redirect limit of five hops. */
    public PageProcessor(LinkExtractor links, ProductExtractor products) {
        this(links, products, 5);
    }

    /** @param maxRedirects redirect hops followed from one URL; the next one fails as {@code redirect-limit} */
    public PageProcessor(LinkExtractor links, ProductExtractor products, int maxRedirects) {
        this.links = links;
        this.products = products;
        this.maxRedirects = maxRedirects;
    }

    public PageOutcome process(PageTask task, FetchOutcome outcome, Instant fetchedAt) {
        if (outcome instanceof FetchOutcome.Failure failure) {
            return PageOutcome.failed(task, 0, failure.failureClass(), failure.message(), fetchedAt);
        }
        FetchOutcome.Response response = (FetchOutcome.Response) outcome;
        int status = response.status();
        if (status == 304 && task.known().isPresent()) {
            // Asked with the page's validators and answered "not modified": nothing to parse.
            return PageOutcome.unchanged(task, status, new Revalidation(Revalidation.Freshness.NOT_MODIFIED,
                    knownValidators(task, response), task.known().get().bodyHash()), fetchedAt);
        }
        Optional<FailureClass> failure = FailureClass.of(response);
        if (failure.isPresent()) {
            return PageOutcome.failed(task, status, failure.get(), "HTTP " + status, fetchedAt);
        }
        if (status >= 300) {
            return redirect(task, response, fetchedAt);
        }
        return page(task, response, fetchedAt);
    }

    private PageOutcome page(PageTask task, FetchOutcome.Response response, Instant fetchedAt) {
        Validators validators = Validators.of(response);
        String hash = BodyHash.of(response.body());
        if (task.known().isPresent() && hash.equals(task.known().get().bodyHash())) {
            // A server without validators (or one that ignored them) sent the same body: same page, same records.
            return PageOutcome.unchanged(task, response.status(), new Revalidation(Revalidation.Freshness.SAME_BODY, validators, hash),
                    fetchedAt);
        }
        Revalidation read = new Revalidation(Revalidation.Freshness.NEW_BODY, validators, hash);
        return withRevalidation(parsed(task, response, fetchedAt), read);
    }

    /** A parsed page's outcome with what the next visit compares against; failures stay as they are. */
    private static PageOutcome withRevalidation(PageOutcome outcome, Revalidation read) {
        if (outcome.failure().isPresent()) {
            return outcome;
        }
        return new PageOutcome(outcome.task(), outcome.httpStatus(), outcome.bytes(), outcome.links(), outcome.products(),
                outcome.failure(), outcome.fetchedAt(), read);
    }

    /** The validators of a 304, which may repeat them or not: the stored ones where it does not. */
    private static Validators knownValidators(PageTask task, FetchOutcome.Response response) {
        Validators sent = Validators.of(response);
        PageState known = task.known().orElseThrow();
        return new Validators(sent.etag() != null ? sent.etag() : known.etag(),
                sent.lastModified() != null ? sent.lastModified() : known.lastModified());
    }

    private PageOutcome parsed(PageTask task, FetchOutcome.Response response, Instant fetchedAt) {
        String contentType = response.header("content-type").orElse("");
        if (isSitemap(contentType, response)) {
            return sitemap(task, response, contentType, fetchedAt);
        }
        Optional<String> binary = BinarySniffer.kind(response.body());
        if (binary.isPresent()) {
            // Whatever the label says: a PDF served as text/html is still not a page.
            return PageOutcome.failed(task, response.status(), FailureClass.BAD_CONTENT,
                    binary.get() + " content (Content-Type '" + contentType + "')", fetchedAt);
        }
        if (!looksLikeHtml(contentType, response.body())) {
            return PageOutcome.failed(task, response.status(), FailureClass.BAD_CONTENT,
                    "not HTML (Content-Type '" + contentType + "')", fetchedAt);
        }
        Document doc;
        try {
            doc = PageParser.parse(response.body(), contentType, task.queued().url());
        } catch (UncheckedIOException | IllegalArgumentException e) {
            return PageOutcome.failed(task, response.status(), FailureClass.BAD_CONTENT, "unparseable: " + e.getMessage(), fetchedAt);
        }
        List<DiscoveredUrl> found = links.extract(doc, task.queued().depth());
        List<ExtractedProduct> extracted = products.extract(doc, response.uri());
        return new PageOutcome(task, response.status(), response.body().length, found, extracted, Optional.empty(), fetchedAt);
    }

    private PageOutcome redirect(PageTask task, FetchOutcome.Response response, Instant fetchedAt) {
        Optional<String> location = response.header("location");
        if (location.isEmpty()) {
            return PageOutcome.failed(task, response.status(), FailureClass.HTTP_STATUS, "redirect without Location", fetchedAt);
        }
        String target;
        try {
            target = org.jsoup.internal.StringUtil.resolve(response.uri().toString(), location.get().trim());
            if (target.isEmpty()) {
                throw new IllegalArgumentException(location.get());
            }
        } catch (IllegalArgumentException e) {
            return PageOutcome.failed(task, response.status(), FailureClass.HTTP_STATUS, "bad Location: " + location.get(), fetchedAt);
        }
        // The target keeps the page's depth: a redirect is the same page under another name. It is queued
        // like a link, so scope, robots and the address rules are checked again for it, and the seen set
        // stops a redirect loop after one round (the redirect that closes it fails as redirect-limit);
        // the hop count stops a chain that never repeats.
        Optional<DiscoveredUrl> next = links.toQueue(target, task.queued().depth());
        if (next.isEmpty()) {
            return PageOutcome.failed(task, response.status(), FailureClass.OUT_OF_SCOPE, "redirect to " + target, fetchedAt);
        }
        if (next.get().url().equals(task.queued().url())) {
            return PageOutcome.failed(task, response.status(), FailureClass.REDIRECT_LIMIT, "redirects to itself", fetchedAt);
        }
        Optional<String> loop = loops.redirect(task.queued().url(), next.get().url(), maxRedirects);
        if (loop.isPresent()) {
            return PageOutcome.failed(task, response.status(), FailureClass.REDIRECT_LIMIT, "redirect loop: " + loop.get(),
                    fetchedAt);
        }
        int hops = task.queued().redirectHops() + 1;
        if (hops > maxRedirects) {
            return PageOutcome.failed(task, response.status(), FailureClass.REDIRECT_LIMIT,
                    "more than " + maxRedirects + " redirects in a row; the next was to " + target, fetchedAt);
        }
        DiscoveredUrl hop = new DiscoveredUrl(next.get().url(), next.get().origin(), next.get().depth(), next.get().priority(), hops);
        return new PageOutcome(task, response.status(), 0, List.of(hop), List.of(), Optional.empty(), fetchedAt);
    }

    /**
     * A sitemap (or sitemap index) found like a page: from a robots.txt's {@code Sitemap:} line or a
     * link. What it lists is queued first in its host's queue, like seeds; the sitemap parser only
     * accepts URLs under the sitemap's own location, and the scope rules apply as to any link.
     */
    private PageOutcome sitemap(PageTask task, FetchOutcome.Response response, String contentType, Instant fetchedAt) {
        // A reader per sitemap: the parser is not thread-safe, and sitemaps are few.
        SitemapDocument document = new SitemapReader().read(response.body(), contentType.isBlank() ? null : contentType, response.uri());
        List<String> listed;
        if (document instanceof SitemapDocument.Pages pages) {
            listed = pages.urls();
        } else if (document instanceof SitemapDocument.Index index) {
            listed = index.sitemaps();
        } else {
            return PageOutcome.failed(task, response.status(), FailureClass.BAD_CONTENT,
                    ((SitemapDocument.Unreadable) document).reason(), fetchedAt);
        }
        List<DiscoveredUrl> queued = new ArrayList<>();
        int depth = task.queued().depth() + 1;
        for (String url : listed) {
            links.toQueue(url, depth).ifPresent(found -> queued.add(new DiscoveredUrl(found.url(), found.origin(), depth, 0)));
        }
        return new PageOutcome(task, response.status(), response.body().length, queued, List.of(), Optional.empty(), fetchedAt);
    }

    /** XML that is not XHTML, or a gzip file at a {@code .xml.gz} URL, with a sitemap's root element. */
    private static boolean isSitemap(String contentType, FetchOutcome.Response response) {
        String type = contentType.toLowerCase(Locale.ROOT);
        if (type.contains("gzip") && response.uri().getPath() != null && response.uri().getPath().endsWith(".xml.gz")) {
            return true;
        }
        if (type.contains("html") || (!type.contains("xml") && !type.isBlank() && !type.startsWith("text/plain"))) {
            return false;
        }
        byte[] body = response.body();
        String head = new String(body, 0, Math.min(body.length, 1024), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        return head.contains("<urlset") || head.contains("<sitemapindex");
    }

    private static boolean looksLikeHtml(String contentType, byte[] body) {
        String type = contentType.toLowerCase(Locale.ROOT);
        if (!type.isBlank()) {
            return type.contains("html") || type.startsWith("text/plain") && startsWithMarkup(body);
        }
        return startsWithMarkup(body);
    }

    private static boolean startsWithMarkup(byte[] body) {
        for (int i = 0; i < Math.min(body.length, 1024); i++) {
            byte b = body[i];
            if (b == '<') {
                return true;
            }
            boolean skippable = b == ' ' || b == '\n' || b == '\r' || b == '\t' || (b & 0xFF) == 0xEF
                    || (b & 0xFF) == 0xBB || (b & 0xFF) == 0xBF || (b & 0xFF) == 0xFE || (b & 0xFF) == 0xFF || b == 0;
            if (!skippable) {
                return false;
            }
        }
        return false;
    }
}
