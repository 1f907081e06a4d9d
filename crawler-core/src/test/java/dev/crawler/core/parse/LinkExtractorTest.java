package dev.crawler.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.core.config.CrawlConfig;
import dev.crawler.core.url.UrlCanonicalizer;
import dev.crawler.storage.DiscoveredUrl;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class LinkExtractorTest {
    private static final String SHOP = "http://shop.example:80";

    private static LinkExtractor extractor(CrawlConfig.Scope scope) {
        return new LinkExtractor(scope, new UrlCanonicalizer(scope.trackingParams(), scope.maxUrlLength()));
    }

    private static List<String> links(LinkExtractor extractor, String html, int depth) {
        Document doc = Jsoup.parse(html, "http://shop.example/c/lamps");
        return extractor.extract(doc, depth).stream().map(DiscoveredUrl::url).toList();
    }

    @Test
    void linksResolveAgainstBaseHrefAndLoseTrackingParameters() {
        String html = "<base href='http://shop.example/p/'><a href='lamp-1?utm_source=x'>1</a><a href='/p/lamp-2'>2</a>"
                + "<a href='lamp-1?ref=abc'>again</a>";

        assertThat(links(extractor(CrawlConfig.Scope.defaults(Set.of(SHOP))), html, 0))
                .containsExactly("http://shop.example/p/lamp-1", "http://shop.example/p/lamp-2");
    }

    @Test
    void linksLeavingTheScopeOrMarkedNofollowAreNotTaken() {
        String html = "<a href='http://elsewhere.example/'>x</a><a rel='nofollow' href='/cart'>cart</a><a href='mailto:a@b'>m</a>"
                + "<a href='/p/ok'>ok</a>";

        assertThat(links(extractor(CrawlConfig.Scope.defaults(Set.of(SHOP))), html, 0)).containsExactly("http://shop.example/p/ok");
    }

    @Test
    void linksCarryTheNextDepthAndStopAtTheMaximum() {
        CrawlConfig.Scope scope = CrawlConfig.Scope.defaults(Set.of(SHOP));
        CrawlConfig.Scope shallow = new CrawlConfig.Scope(scope.allowedOrigins(), 2, scope.maxUrlLength(), scope.maxLinksPerPage(),
                false, scope.trackingParams());
        Document doc = Jsoup.parse("<a href='/p/1'>1</a>", "http://shop.example/");

        assertThat(extractor(shallow).extract(doc, 1)).singleElement().extracting(DiscoveredUrl::depth).isEqualTo(2);
        assertThat(extractor(shallow).extract(doc, 2)).isEmpty();
    }

    @Test
    void aPageGivesAtMostTheConfiguredNumberOfLinks() {
        CrawlConfig.Scope scope = CrawlConfig.Scope.defaults(Set.of(SHOP));
        CrawlConfig.Scope capped = new CrawlConfig.Scope(scope.allowedOrigins(), 50, 2048, 3, false, scope.trackingParams());
        StringBuilder html = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            html.append("<a href='/p/").append(i).append("'>p</a>");
        }

        assertThat(links(extractor(capped), html.toString(), 0)).hasSize(3);
    }

    @Test
    void everyFormOfHrefResolvesAsAgainstThePage() {
        String html = "<a href='HTTP://Shop.Example:80/p/a'>abs</a><a href=' /p/./b/../c '>root</a><a href='//shop.example/p/d'>proto</a>"
                + "<a href='e?x=1#top'>rel</a><a href='/p/f\tg'>tab</a><a href='/p/h i'>space</a><a href='https://shop.example/p/j'>other scheme</a>";

        assertThat(links(extractor(CrawlConfig.Scope.defaults(Set.of(SHOP))), html, 0)).containsExactly(
                "http://shop.example/p/a", "http://shop.example/p/c", "http://shop.example/p/d", "http://shop.example/c/e?x=1",
                "http://shop.example/p/fg", "http://shop.example/p/h%20i");
    }

    @Test
    void aRobotsMetaNofollowAnywhereOnThePageStopsItsLinks() {
        String html = "<a href='/p/1'>1</a><meta name='ROBOTS' content='noindex, NoFollow'>";

        assertThat(links(extractor(CrawlConfig.Scope.defaults(Set.of(SHOP))), html, 0)).isEmpty();
    }
}
