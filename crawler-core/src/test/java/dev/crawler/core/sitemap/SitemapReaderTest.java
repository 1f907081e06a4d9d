package dev.crawler.core.sitemap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class SitemapReaderTest {
    private static final URI LOCATION = URI.create("http://shop.example/sitemap.xml");

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aUrlsetYieldsItsPageUrlsInOrder() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>http://shop.example/p/1</loc></url>
                  <url><loc>http://shop.example/p/2</loc><lastmod>2026-01-01</lastmod></url>
                </urlset>
                """;

        SitemapDocument document = new SitemapReader().read(utf8(xml), "application/xml", LOCATION);

        assertThat(document).isEqualTo(new SitemapDocument.Pages(java.util.List.of("http://shop.example/p/1", "http://shop.example/p/2")));
    }

    @Test
    void anIndexYieldsTheSitemapsItNames() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <sitemap><loc>http://shop.example/sitemap-products.xml</loc></sitemap>
                </sitemapindex>
                """;

        SitemapDocument document = new SitemapReader().read(utf8(xml), null, LOCATION);

        assertThat(document).isEqualTo(new SitemapDocument.Index(java.util.List.of("http://shop.example/sitemap-products.xml")));
    }

    @Test
    void urlsOutsideTheSitemapsOwnLocationAreDropped() {
        String xml = """
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>http://shop.example/p/1</loc></url>
                  <url><loc>http://elsewhere.example/p/2</loc></url>
                </urlset>
                """;

        SitemapDocument document = new SitemapReader().read(utf8(xml), "text/xml", LOCATION);

        assertThat(document).isEqualTo(new SitemapDocument.Pages(java.util.List.of("http://shop.example/p/1")));
    }

    @Test
    void aGzippedSitemapIsRead() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(utf8("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>http://shop.example/a</loc></url></urlset>"));
        }

        SitemapDocument document = new SitemapReader().read(bytes.toByteArray(), "application/gzip",
                URI.create("http://shop.example/sitemap.xml.gz"));

        assertThat(document).isEqualTo(new SitemapDocument.Pages(java.util.List.of("http://shop.example/a")));
    }

    @Test
    void htmlIsNotASitemapAndSaysSo() {
        SitemapDocument document = new SitemapReader().read(utf8("<html><body>Not found</body></html>"), "text/html", LOCATION);

        assertThat(document).isInstanceOf(SitemapDocument.Unreadable.class);
        assertThat(((SitemapDocument.Unreadable) document).reason()).startsWith("not a sitemap");
    }
}
