package dev.crawler.core.sitemap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.core.fetch.FailureClass;
import dev.crawler.core.fetch.FetchOutcome;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Expansion against an in-memory web: each URL maps to one response. */
class SitemapExpanderTest {
    private static final String SHOP = "http://shop.example";

    private final Map<String, FetchOutcome> web = new HashMap<>();
    private final List<String> requested = new ArrayList<>();

    private void serve(String path, int status, Map<String, String> headers, String body) {
        URI uri = URI.create(SHOP + path);
        web.put(uri.toString(), new FetchOutcome.Response(uri, status, headers, body.getBytes(StandardCharsets.UTF_8), 0));
    }

    private void serveXml(String path, String body) {
        serve(path, 200, Map.of("content-type", "application/xml"), body);
    }

    private static String urlset(String... paths) {
        StringBuilder xml = new StringBuilder("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
        for (String path : paths) {
            xml.append("<url><loc>").append(SHOP).append(path).append("</loc></url>");
        }
        return xml.append("</urlset>").toString();
    }

    private static String index(String... paths) {
        StringBuilder xml = new StringBuilder("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
        for (String path : paths) {
            xml.append("<sitemap><loc>").append(SHOP).append(path).append("</loc></sitemap>");
        }
        return xml.append("</sitemapindex>").toString();
    }

    private SitemapExpander.Expansion expand(String path, SitemapLimits limits) {
        SitemapExpander.Fetch fetch = uri -> {
            requested.add(uri.toString());
            return CompletableFuture.completedFuture(web.getOrDefault(uri.toString(),
                    new FetchOutcome.Response(uri, 404, Map.of(), new byte[0], 0)));
        };
        return new SitemapExpander(fetch, limits, Duration.ZERO, Duration.ofSeconds(5)).expand(URI.create(SHOP + path));
    }

    @Test
    void anIndexIsFollowedToEveryPageEachOnce() {
        serveXml("/sitemap.xml", index("/s1.xml", "/s2.xml", "/s1.xml"));
        serveXml("/s1.xml", urlset("/p/1", "/p/2"));
        serveXml("/s2.xml", urlset("/p/2", "/p/3"));

        SitemapExpander.Expansion expansion = expand("/sitemap.xml", SitemapLimits.defaults());

        assertThat(expansion.pageUrls()).containsExactly(SHOP + "/p/1", SHOP + "/p/2", SHOP + "/p/3");
        assertThat(expansion.problems()).isEmpty();
        assertThat(requested).containsExactly(SHOP + "/sitemap.xml", SHOP + "/s1.xml", SHOP + "/s2.xml");
    }

    @Test
    void aRedirectIsFollowed() {
        serve("/sitemap", 301, Map.of("location", "/sitemap.xml"), "");
        serveXml("/sitemap.xml", urlset("/p/1"));

        assertThat(expand("/sitemap", SitemapLimits.defaults()).pageUrls()).containsExactly(SHOP + "/p/1");
    }

    @Test
    void aFailedChildIsReportedAndTheOthersStillCount() {
        serveXml("/sitemap.xml", index("/gone.xml", "/s1.xml"));
        serveXml("/s1.xml", urlset("/p/1"));
        web.put(SHOP + "/gone.xml", new FetchOutcome.Failure(URI.create(SHOP + "/gone.xml"), FailureClass.TIMEOUT, "read timed out"));

        SitemapExpander.Expansion expansion = expand("/sitemap.xml", SitemapLimits.defaults());

        assertThat(expansion.pageUrls()).containsExactly(SHOP + "/p/1");
        assertThat(expansion.problems()).containsExactly(SHOP + "/gone.xml: timeout: read timed out");
    }

    @Test
    void aMissingSitemapIsAProblemNamingTheStatus() {
        SitemapExpander.Expansion expansion = expand("/sitemap.xml", SitemapLimits.defaults());

        assertThat(expansion.pageUrls()).isEmpty();
        assertThat(expansion.problems()).containsExactly(SHOP + "/sitemap.xml: HTTP status 404");
    }

    @Test
    void theLimitsStopAnEndlessIndex() {
        serveXml("/sitemap.xml", index("/s1.xml", "/s2.xml", "/s3.xml"));
        serveXml("/s1.xml", urlset("/p/1", "/p/2", "/p/3"));
        serveXml("/s2.xml", urlset("/p/4"));

        SitemapExpander.Expansion byFiles = expand("/sitemap.xml", new SitemapLimits(2, 100));
        SitemapExpander.Expansion byUrls = expand("/sitemap.xml", new SitemapLimits(100, 2));

        assertThat(byFiles.pageUrls()).hasSize(3);
        assertThat(byFiles.problems()).containsExactly("stopped after 2 sitemap files (sitemaps.maxFiles); 2 not read");
        assertThat(byUrls.pageUrls()).containsExactly(SHOP + "/p/1", SHOP + "/p/2");
        assertThat(byUrls.problems()).singleElement().asString().startsWith("stopped at 2 URLs (sitemaps.maxUrls)");
    }
}
