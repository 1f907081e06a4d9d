package dev.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.crawler.storage.Counters;
import dev.crawler.storage.CrawlStore;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A seed that names a sitemap is read, index and all, and the pages it lists are crawled in its place. */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class SitemapSeedsTest {
    @TempDir
    Path temp;

    private HttpServer server;
    private String site;

    @BeforeEach
    void startShop() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        site = "http://127.0.0.1:" + server.getAddress().getPort();
        Map<String, String> pages = Map.of(
                "/sitemap_index.xml", """
                        <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                          <sitemap><loc>SITE/sitemap-products.xml</loc></sitemap>
                          <sitemap><loc>SITE/sitemap-gone.xml</loc></sitemap>
                        </sitemapindex>""",
                "/sitemap-products.xml", """
                        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                          <url><loc>SITE/p/1?utm_source=sitemap</loc></url>
                          <url><loc>SITE/p/2</loc></url>
                        </urlset>""",
                "/p/1", page("Desk lamp", "L-1"),
                "/p/2", page("Floor lamp", "L-2"));
        server.createContext("/", exchange -> {
            String body = pages.get(exchange.getRequestURI().getPath());
            byte[] bytes = body == null ? new byte[0] : body.replace("SITE", site).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", exchange.getRequestURI().getPath().endsWith(".xml")
                    ? "application/xml" : "text/html; charset=utf-8");
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    private static String page(String name, String sku) {
        return "<!DOCTYPE html><html><head><title>" + name + "</title><script type=\"application/ld+json\">"
                + "{\"@context\":\"https://schema.org\",\"@type\":\"Product\",\"name\":\"" + name + "\",\"sku\":\"" + sku + "\","
                + "\"offers\":{\"@type\":\"Offer\",\"price\":\"19.90\",\"priceCurrency\":\"EUR\"}}</script></head>"
                + "<body><h1>" + name + "</h1></body></html>";
    }

    @AfterEach
    void stopShop() {
        server.stop(0);
    }

    @Test
    void aSitemapIndexSeedBecomesThePagesItListsAndAFailedSitemapIsReportedWithItsLine() throws Exception {
        Path seeds = Files.writeString(temp.resolve("seeds.txt"), "# the shop's sitemap\n" + site + "/sitemap_index.xml\n");
        Path dir = temp.resolve("crawl");

        Cli.Result crawl = Cli.run("crawl", seeds.toString(), "--dir", dir.toString(), "--delay", "0");

        assertThat(crawl.exitCode()).as(crawl.err()).isZero();
        assertThat(crawl.err()).contains(
                "crawler: " + seeds + " line 2: sitemap " + site + "/sitemap-gone.xml: HTTP status 404 (skipped)",
                "crawler: " + seeds + " line 2: sitemap " + site + "/sitemap_index.xml gave 2 page URL(s)");
        try (CrawlStore store = CrawlStore.openReadOnly(dir)) {
            assertThat(store.counter(Counters.URLS_DISCOVERED)).as("the two pages, not the sitemaps").isEqualTo(2);
            assertThat(store.counter(Counters.PRODUCTS)).isEqualTo(2);
        }
        List<List<String>> rows = ExportedCsv.export(dir, temp.resolve("p.csv")).stream().map(row -> row.subList(0, 5)).toList();
        assertThat(rows).as("url, name, price, currency, sku; the tracking parameter dropped").containsExactly(
                List.of(site + "/p/1", "Desk lamp", "19.9", "EUR", "L-1"),
                List.of(site + "/p/2", "Floor lamp", "19.9", "EUR", "L-2"));
    }

    @Test
    void strictRefusesASeedFileWhoseSitemapFails() throws Exception {
        Path seeds = Files.writeString(temp.resolve("seeds.txt"), site + "/p/1\n" + site + "/missing-sitemap.xml\n");

        Cli.Result crawl = Cli.run("crawl", seeds.toString(), "--dir", temp.resolve("crawl").toString(), "--strict");

        assertThat(crawl.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(crawl.err()).contains(
                "crawler: " + seeds + " line 2: sitemap " + site + "/missing-sitemap.xml: HTTP status 404",
                "crawler: " + seeds + " has 1 problem(s); fix them or drop --strict");
        assertThat(temp.resolve("crawl")).doesNotExist();
    }
}
