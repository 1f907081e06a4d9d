package dev.crawler.core.url;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.core.config.CrawlConfig;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlCanonicalizerTest {
    private final UrlCanonicalizer canonicalizer = new UrlCanonicalizer(
            CrawlConfig.Scope.defaults(Set.of()).trackingParams(), 2048);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "http://Shop.Example.COM:80/a/../p/1, http://shop.example.com/p/1",
            "http://shop.example/p/1?utm_source=news&utm_medium=mail, http://shop.example/p/1",
            "http://shop.example/p/1?ref=related, http://shop.example/p/1",
            "http://shop.example/p/1?color=red&gclid=abc&size=9, http://shop.example/p/1?color=red&size=9",
            "http://shop.example/p/1#reviews, http://shop.example/p/1",
            "https://shop.example:443/, https://shop.example/",
            "http://shop.example/c/lamps?page=2, http://shop.example/c/lamps?page=2",
    })
    void linksToOnePageShareOneCanonicalForm(String link, String canonical) {
        assertThat(canonicalizer.canonicalize(link)).contains(canonical);
    }

    @ParameterizedTest
    @CsvSource({"mailto:shop@example.com", "javascript:alert(1)", "ftp://example.com/file", "not a url", "//no-scheme/x"})
    void onlyAbsoluteHttpUrlsAreCrawlable(String link) {
        assertThat(canonicalizer.canonicalize(link)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void overlongUrlsAreDropped() {
        UrlCanonicalizer strict = new UrlCanonicalizer(java.util.List.of(), 64);
        assertThat(strict.canonicalize("http://shop.example/" + "a".repeat(100))).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void theOriginAlwaysNamesThePort() {
        assertThat(Origin.of("http://Shop.example/p")).contains("http://shop.example:80");
        assertThat(Origin.of("https://shop.example/p")).contains("https://shop.example:443");
        assertThat(Origin.of("http://127.0.1.1:8080/")).contains("http://127.0.1.1:8080");
        assertThat(Origin.of("file:///etc/passwd")).isEmpty();
    }
}
