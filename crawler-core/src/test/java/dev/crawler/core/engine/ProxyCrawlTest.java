package dev.crawler.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.core.config.CrawlConfig;
import dev.crawler.core.config.ProxyRule;
import dev.crawler.storage.ProductRecord;
import dev.crawler.testbed.CookieShop;
import dev.crawler.testbed.ForwardProxy;
import dev.crawler.testbed.RequestRecord;
import dev.crawler.testbed.Testbed;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 13: a whole crawl through a proxy, of the shop that shows prices only with its session cookie.
 * Every request the shop answered came from the proxy's address (the proxy connects out from it), so
 * none went around it; and the cookies worked through it.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ProxyCrawlTest {
    private static final String PROXY_ADDRESS = "127.0.5.1";
    private static final int PRODUCTS_PER_HOST = 8;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} proxy")
    @CsvSource({"http", "socks5"})
    void everyRequestOfACrawlGoesThroughTheProxy(String kind) throws Exception {
        try (CookieShop shop = Testbed.startCookieShop(PRODUCTS_PER_HOST);
                ForwardProxy proxy = Testbed.startProxy(PROXY_ADDRESS, null, null, Map.of())) {
            String url = kind.equals("http") ? proxy.httpUrl() : proxy.socks5Url();
            CrawlConfig defaults = SeedCrawl.config(shop.homePages());
            CrawlConfig config = defaults.withFetch(defaults.fetch().withProxies(List.of(new ProxyRule("*", url))));

            SeedCrawl.run(shop.homePages(), dir, config);

            List<ProductRecord> products = SeedCrawl.products(dir);
            assertThat(products).hasSize(CookieShop.HOSTS * PRODUCTS_PER_HOST)
                    .allSatisfy(product -> assertThat(product.price()).isNotNull());
            assertThat(SeedCrawl.failures(dir)).isEmpty();
            List<RequestRecord> requests = requests(shop);
            assertThat(requests)
                    .allSatisfy(request -> assertThat(request.peer()).as(request.pathAndQuery()).isEqualTo(PROXY_ADDRESS));
            assertThat(proxy.relays()).isNotEmpty().allSatisfy(relay -> assertThat(relay.kind())
                    .isEqualTo(kind.equals("http") ? ForwardProxy.Kind.FORWARD : ForwardProxy.Kind.SOCKS5));
            if (kind.equals("http")) {
                assertThat(proxy.relays()).as("one forwarded request per request").hasSameSizeAs(requests);
            }
            assertThat(shop.violations()).isEmpty();
        }
    }

    /**
     * The shop's request log once it holds every request: robots.txt and the home page of each host,
     * then its products. The shop logs an exchange when its response is written, a moment after the
     * crawler may have read it.
     */
    private static List<RequestRecord> requests(CookieShop shop) throws InterruptedException {
        int expected = CookieShop.HOSTS * (2 + PRODUCTS_PER_HOST);
        shop.requestLog().awaitEntries(expected, Duration.ofSeconds(10));
        List<RequestRecord> requests = shop.requestLog().entries();
        assertThat(requests).hasSize(expected);
        return requests;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"127.0.4.1", "*"})
    void aDirectRuleBeforeABroaderOneExemptsItsHosts(String exempt) throws Exception {
        try (CookieShop shop = Testbed.startCookieShop(PRODUCTS_PER_HOST);
                ForwardProxy proxy = Testbed.startProxy(PROXY_ADDRESS, null, null, Map.of())) {
            CrawlConfig defaults = SeedCrawl.config(shop.homePages());
            CrawlConfig config = defaults.withFetch(defaults.fetch().withProxies(List.of(
                    new ProxyRule(exempt, ProxyRule.DIRECT), new ProxyRule("*", proxy.socks5Url()))));

            SeedCrawl.run(shop.homePages(), dir, config);

            for (RequestRecord request : requests(shop)) {
                boolean direct = exempt.equals("*") || request.host().equals(exempt);
                if (direct) {
                    assertThat(request.peer()).as(request.host() + request.pathAndQuery()).isNotEqualTo(PROXY_ADDRESS);
                } else {
                    assertThat(request.peer()).as(request.host() + request.pathAndQuery()).isEqualTo(PROXY_ADDRESS);
                }
            }
        }
    }
}
