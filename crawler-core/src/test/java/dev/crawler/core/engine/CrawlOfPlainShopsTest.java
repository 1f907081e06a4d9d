package dev.crawler.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.storage.ProductRecord;
import dev.crawler.testbed.ProductTruth;
import dev.crawler.testbed.Testbed;
import dev.crawler.testbed.TestbedConfig;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shops without any structured data, crawled with no site rules: everything the crawler stores about
 * their products comes from the visible page. Plain shop {@code k} has layout {@code k mod 5} and
 * language {@code k mod 11}, so 55 plain shops hold every layout in every language; the two
 * structured-data shops stay in so that the crawl looks like a real mixed one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrawlOfPlainShopsTest {
    /** Share of products that must be found, and of found products whose field must be right. */
    private static final double REQUIRED = 0.99;
    /** The same for each shop alone, so that one layout in one language cannot hide in the total. */
    private static final double REQUIRED_PER_SHOP = 0.95;
    private static final int PLAIN_SHOPS = 55;
    private static final int PRODUCTS = 40;
    private static final int MISMATCHES_SHOWN = 20;

    private Testbed testbed;
    private List<ProductRecord> products;

    @BeforeAll
    void crawlTheShops(@TempDir Path dir) throws Exception {
        testbed = Testbed.start(TestbedConfig.defaults().withShops(PLAIN_SHOPS + 2).withPlainShops(PLAIN_SHOPS)
                .withProductsPerShop(PRODUCTS));
        TestbedCrawl.run(testbed, dir.resolve("crawl"), TestbedCrawl.config(testbed, Duration.ZERO, 2));
        products = TestbedCrawl.products(dir.resolve("crawl"));
    }

    @AfterAll
    void stopTestbed() {
        testbed.close();
    }

    /** One field the test judges: how to tell right from wrong, and how to show each side. */
    private record Field(String name, Function<ProductTruth, Object> want, Function<ProductRecord, Object> got,
            BiPredicate<Object, Object> same) {
        static Field equal(String name, Function<ProductTruth, Object> want, Function<ProductRecord, Object> got) {
            return new Field(name, want, got, Objects::equals);
        }
    }

    private static final List<Field> FIELDS = List.of(
            Field.equal("name", ProductTruth::name, ProductRecord::name),
            new Field("price", ProductTruth::price, ProductRecord::price,
                    (want, got) -> got != null && ((BigDecimal) want).compareTo((BigDecimal) got) == 0),
            Field.equal("sku", ProductTruth::sku, ProductRecord::sku),
            Field.equal("availability", ProductTruth::availability, ProductRecord::availability));

    /** Shown in the tally for the extractor's authors, not asserted: the brief of this test is the four above. */
    private static final Field CURRENCY = Field.equal("currency", ProductTruth::currency, ProductRecord::currency);

    private record Mismatch(String url, String field, Object want, Object got) {
        @Override
        public String toString() {
            return url + "  " + field + ": want " + show(want) + ", got " + show(got);
        }
    }

    /** Right and total per field, overall and per shop. */
    private static final class Tally {
        final Map<String, int[]> overall = new LinkedHashMap<>();
        final Map<String, Map<String, int[]>> perShop = new TreeMap<>();

        void count(String shop, String field, boolean right) {
            add(overall.computeIfAbsent(field, f -> new int[2]), right);
            add(perShop.computeIfAbsent(shop, s -> new LinkedHashMap<>()).computeIfAbsent(field, f -> new int[2]), right);
        }

        private static void add(int[] counts, boolean right) {
            counts[0] += right ? 1 : 0;
            counts[1]++;
        }

        double rate(String field) {
            return rate(overall.getOrDefault(field, new int[] {0, 0}));
        }

        /** The lowest rate of the field over the shops. */
        double worstShopRate(String field) {
            return perShop.values().stream().mapToDouble(fields -> rate(fields.getOrDefault(field, new int[] {0, 0})))
                    .min().orElse(0);
        }

        private static double rate(int[] counts) {
            return counts[1] == 0 ? 0 : (double) counts[0] / counts[1];
        }

        String render() {
            StringBuilder text = new StringBuilder("plain-shop products, right / total per field:\n  all       ");
            line(text, overall);
            perShop.forEach((shop, fields) -> {
                text.append("  ").append(String.format(Locale.ROOT, "%-9s ", shop));
                line(text, fields);
            });
            return text.toString();
        }

        private static void line(StringBuilder text, Map<String, int[]> fields) {
            fields.forEach((field, c) -> text.append(String.format(Locale.ROOT, "%s %d/%d (%.1f %%)  ", field, c[0], c[1],
                    c[1] == 0 ? 0.0 : 100.0 * c[0] / c[1])));
            text.append('\n');
        }
    }

    @Test
    void plainShopsProductsAreFoundWithTheRightNamePriceSkuAndAvailability() {
        Map<String, List<ProductRecord>> byUrl = products.stream().collect(Collectors.groupingBy(ProductRecord::url));
        List<ProductTruth> plain = testbed.groundTruth().products().stream().filter(ProductTruth::plainShop).toList();
        assertThat(plain).as("the world has plain shops").hasSize(PLAIN_SHOPS * PRODUCTS);

        Tally tally = new Tally();
        List<Mismatch> mismatches = new ArrayList<>();
        int extraRecords = 0;
        for (ProductTruth want : plain) {
            String shop = URI.create(want.url()).getHost();
            List<ProductRecord> records = byUrl.getOrDefault(want.url(), List.of());
            tally.count(shop, "found", !records.isEmpty());
            if (records.isEmpty()) {
                mismatches.add(new Mismatch(want.url(), "found", "a product", "none"));
                continue;
            }
            extraRecords += records.size() - 1;
            ProductRecord got = records.get(0);
            for (Field field : FIELDS) {
                boolean right = field.same().test(field.want().apply(want), field.got().apply(got));
                tally.count(shop, field.name(), right);
                if (!right) {
                    mismatches.add(new Mismatch(want.url(), field.name(), field.want().apply(want), field.got().apply(got)));
                }
            }
            tally.count(shop, CURRENCY.name(), CURRENCY.same().test(CURRENCY.want().apply(want), CURRENCY.got().apply(got)));
        }

        String report = tally.render() + "  records beyond one per product page: " + extraRecords + "\n"
                + (mismatches.isEmpty() ? "" : "first mismatches (of " + mismatches.size() + "):\n  "
                        + mismatches.stream().limit(MISMATCHES_SHOWN).map(Mismatch::toString)
                                .collect(Collectors.joining("\n  ")));
        System.out.println(report);

        for (String field : List.of("found", "name", "price", "sku", "availability")) {
            assertThat(tally.rate(field)).as("share of plain-shop products with the right %s\n%s", field, report)
                    .isGreaterThanOrEqualTo(REQUIRED);
            assertThat(tally.worstShopRate(field)).as("the worst shop's share with the right %s\n%s", field, report)
                    .isGreaterThanOrEqualTo(REQUIRED_PER_SHOP);
        }
    }

    private static String show(Object value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
