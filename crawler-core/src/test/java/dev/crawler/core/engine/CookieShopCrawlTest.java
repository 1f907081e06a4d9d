package dev.crawler.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.core.config.CrawlConfig;
import dev.crawler.storage.ProductRecord;
import dev.crawler.testbed.CookieShop;
import dev.crawler.testbed.Testbed;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: shops that show prices only to a visitor that sends back the session cookie they set.
 * The crawl keeps each host's cookies and stores every price; with cookies off it stores none; and
 * the shop never sees a cookie it should not (another host's, one for another path, another domain
 * or a Secure one over plain http).
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CookieShopCrawlTest {
    private static final int PRODUCTS_PER_HOST = 12;

    @TempDir
    Path dir;

    @Test
    void aCrawlThatKeepsEachHostsCookiesStoresEveryPrice() throws Exception {
        try (CookieShop shop = Testbed.startCookieShop(PRODUCTS_PER_HOST)) {
            CrawlConfig config = SeedCrawl.config(shop.homePages());
            assertThat(config.fetch().keepsCookies()).as("cookies are kept by default").isTrue();

            SeedCrawl.run(shop.homePages(), dir, config);

            List<ProductRecord> products = SeedCrawl.products(dir);
            assertThat(products).hasSize(CookieShop.HOSTS * PRODUCTS_PER_HOST);
            assertThat(prices(products)).isEqualTo(shop.prices());
            assertThat(shop.pricedPages()).isEqualTo(CookieShop.HOSTS * PRODUCTS_PER_HOST);
            assertThat(shop.unpricedPages()).isZero();
            assertThat(shop.violations()).isEmpty();
        }
    }

    @Test
    void withCookiesOffTheShopShowsNoPriceAndNoneIsStored() throws Exception {
        try (CookieShop shop = Testbed.startCookieShop(PRODUCTS_PER_HOST)) {
            CrawlConfig defaults = SeedCrawl.config(shop.homePages());
            CrawlConfig config = defaults.withFetch(defaults.fetch().withCookies(CrawlConfig.Fetch.COOKIES_OFF, 50, 4L << 20));

            SeedCrawl.run(shop.homePages(), dir, config);

            List<ProductRecord> products = SeedCrawl.products(dir);
            assertThat(products).hasSize(CookieShop.HOSTS * PRODUCTS_PER_HOST)
                    .allSatisfy(product -> assertThat(product.price()).isNull());
            assertThat(shop.pricedPages()).isZero();
            assertThat(shop.violations()).isEmpty();
        }
    }

    private static Map<String, BigDecimal> prices(List<ProductRecord> products) {
        Map<String, BigDecimal> prices = new HashMap<>();
        for (ProductRecord product : products) {
            prices.put(product.name(), product.price() == null ? null : product.price().stripTrailingZeros());
        }
        return prices;
    }
}
