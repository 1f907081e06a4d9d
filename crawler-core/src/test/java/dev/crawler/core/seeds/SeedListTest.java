package dev.crawler.core.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.core.url.UrlCanonicalizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedListTest {
    private final UrlCanonicalizer canonicalizer = new UrlCanonicalizer(List.of("utm_*"), 2048);

    @Test
    void commentsAndBlankLinesAreSkippedAndDuplicatesCollapse() {
        SeedList seeds = SeedList.parse(List.of("# shops", "", "http://a.example/", "  http://a.example/?utm_source=x  ",
                "https://b.example/start"), canonicalizer);

        assertThat(seeds.urls()).containsExactly("http://a.example/", "https://b.example/start");
        assertThat(seeds.problems()).isEmpty();
        assertThat(seeds.origins()).containsExactly("http://a.example:80", "https://b.example:443");
    }

    @Test
    void badLinesAreReportedWithTheirLineNumbers() {
        SeedList seeds = SeedList.parse(List.of("http://ok.example/", "ftp://files.example/", "shop.example",
                "http://a.example/ http://b.example/", "http://[broken/"), canonicalizer);

        assertThat(seeds.urls()).containsExactly("http://ok.example/");
        assertThat(seeds.problems()).extracting(SeedList.Problem::lineNumber).containsExactly(2, 3, 4, 5);
        assertThat(seeds.problems().get(0).toString()).contains("line 2", "only http and https");
        assertThat(seeds.problems().get(1).reason()).contains("absolute URL");
    }
}
