package dev.crawler.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.core.config.CrawlConfig;
import dev.crawler.core.extract.ExtractionRules;
import dev.crawler.core.extract.ProductExtractor;
import dev.crawler.core.fetch.TestServer;
import dev.crawler.storage.CrawlStore;
import dev.crawler.storage.StoreOptions;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shop whose pages are linked from nowhere but its sitemaps, which its robots.txt lists: they are
 * crawled when {@code scope.sitemapsFromRobots} asks for it, and only then.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SitemapsFromRobotsTest {
    @TempDir
    Path dir;

    /** The site: robots.txt → sitemap index → sitemap → two pages; and one disallowed page it also lists. */
    private static Map<String, String[]> site(String origin) {
        return Map.of(
                "/robots.txt", new String[] {"text/plain", "User-agent: *\nDisallow: /private/\nSitemap: " + origin + "/sitemap_index.xml\n"},
                "/", new String[] {"text/html", "<html><body><h1>Home</h1></body></html>"},
                "/sitemap_index.xml", new String[] {"application/xml", "<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                        + "<sitemap><loc>" + origin + "/sitemap-products.xml</loc></sitemap></sitemapindex>"},
                "/sitemap-products.xml", new String[] {"text/xml", "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                        + "<url><loc>" + origin + "/p/1</loc></url><url><loc>" + origin + "/p/2</loc></url>"
                        + "<url><loc>" + origin + "/private/3</loc></url></urlset>"},
                "/p/1", new String[] {"text/html", "<html><body><h1>One</h1></body></html>"},
                "/p/2", new String[] {"text/html", "<html><body><h1>Two</h1></body></html>"},
                "/private/3", new String[] {"text/html", "<html><body><h1>Three</h1></body></html>"});
    }

    private static List<String> crawl(Path dir, boolean sitemapsFromRobots) throws Exception {
        String[] origin = new String[1];
        try (TestServer server = TestServer.start((ctx, request) -> {
            String[] page = site(origin[0]).get(request.uri());
            ctx.writeAndFlush(page == null
                    ? TestServer.response(HttpResponseStatus.NOT_FOUND, "text/html", "gone".getBytes(StandardCharsets.UTF_8))
                    : TestServer.response(HttpResponseStatus.OK, page[0], page[1].getBytes(StandardCharsets.UTF_8)));
        })) {
            origin[0] = server.origin();
            CrawlConfig defaults = CrawlConfig.defaults(Set.of(server.origin()));
            CrawlConfig config = defaults.withPoliteness(defaults.politeness().withDelay(Duration.ZERO))
                    .withScope(defaults.scope().withSitemapsFromRobots(sitemapsFromRobots));
            try (CrawlStore store = Crawls.create(dir, List.of(server.origin() + "/"), config, StoreOptions.defaults());
                    CrawlEngine engine = new CrawlEngine(store, config, new ProductExtractor(ExtractionRules.none()),
                            ProgressListener.NONE, Duration.ofSeconds(30))) {
                engine.run();
            }
            return server.requests().stream().map(TestServer.Seen::uri).toList();
        }
    }

    @Test
    void theSitemapsARobotsTxtListsAreCrawledWithTheirPagesWhenAskedFor() throws Exception {
        List<String> requested = crawl(dir.resolve("crawl"), true);

        assertThat(requested).containsExactlyInAnyOrder("/robots.txt", "/", "/sitemap_index.xml", "/sitemap-products.xml", "/p/1", "/p/2");
    }

    @Test
    void withoutTheSettingTheSitemapsAreLeftAlone() throws Exception {
        List<String> requested = crawl(dir.resolve("crawl"), false);

        assertThat(requested).containsExactlyInAnyOrder("/robots.txt", "/");
    }
}
