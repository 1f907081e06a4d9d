package dev.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.storage.ChangeEvent;
import dev.crawler.storage.CrawlStore;
import dev.crawler.storage.PageState;
import dev.crawler.storage.ProductRecord;
import dev.crawler.testbed.ChangeTruth;
import dev.crawler.testbed.EpochConfig;
import dev.crawler.testbed.ProductTruth;
import dev.crawler.testbed.RequestRecord;
import dev.crawler.testbed.Testbed;
import dev.crawler.testbed.TestbedConfig;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Price monitoring end to end: a world crawled once, then changed epoch after epoch and recrawled
 * with {@code --now} each time, against the testbed's own account of what changed.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class RecrawlTest {
    private static final Logger LOG = LoggerFactory.getLogger(RecrawlTest.class);
    private static final List<String> FAST = List.of("--delay", "0", "--per-host", "8", "--adaptive-delay", "0");
    /** Every fourth shop sends no validators: its pages are told unchanged by their body hash. */
    private static final int NO_VALIDATORS_EVERY = 4;

    @TempDir
    Path temp;

    @Test
    void threeRecrawlsRecordTheTrueChangesAndNoOtherAndAskOnConditionForUnchangedPages() throws Exception {
        EpochConfig epochs = EpochConfig.defaults().withShares(0.08, 0.04, 0.02, 0.02, 0.02).withNoValidatorsEvery(NO_VALIDATORS_EVERY);
        TestbedConfig world = TestbedConfig.defaults().withShops(4).withProductsPerShop(120).withEpochs(epochs);
        try (Testbed testbed = Testbed.start(world)) {
            Path dir = temp.resolve("crawl");
            Path seeds = Files.write(temp.resolve("seeds.txt"), testbed.homePages().stream().map(URI::toString).toList());
            List<String> crawl = new ArrayList<>(List.of("crawl", seeds.toString(), "--dir", dir.toString()));
            crawl.addAll(FAST);
            Cli.succeed(crawl.toArray(String[]::new));

            Instant firstRecrawl = Instant.now();
            int expected = 0;
            int recorded = 0;
            long unchangedAsked = 0;
            long unchangedNotModified = 0;
            for (int epoch = 1; epoch <= 3; epoch++) {
                Map<String, String> tagsBefore = productPageTags(testbed);
                testbed.advanceEpoch();
                Map<String, String> tagsAfter = productPageTags(testbed);
                ChangeTruth truth = testbed.changes(epoch - 1, epoch);
                int logged = testbed.requestLog().size();
                Instant started = Instant.now();
                recrawlNow(dir);

                List<ChangeEvent> events = changesSince(dir, started);
                Set<String> found = new HashSet<>();
                for (ChangeEvent event : events) {
                    found.add(key(event.url(), event.field().name(), event.oldValue(), event.newValue()));
                }
                Set<String> truthKeys = new HashSet<>();
                for (ChangeTruth.ProductChange change : truth.changes()) {
                    truthKeys.add(key(change.url(), change.field().name(), change.oldValue(), change.newValue()));
                }
                assertThat(found).as("epoch %d: changes recorded that did not happen", epoch).isSubsetOf(truthKeys);
                assertThat(events).as("epoch %d: each change recorded once", epoch).hasSameSizeAs(found);
                expected += truthKeys.size();
                recorded += found.size();

                assertAddedAreStored(dir, truth, epoch);
                assertGoneAreMarked(dir, truth, started);

                long[] asked = conditionalAnswers(testbed, unchangedPages(tagsBefore, tagsAfter),
                        testbed.requestLog().entries().subList(logged, testbed.requestLog().size()));
                unchangedAsked += asked[0];
                unchangedNotModified += asked[1];
                LOG.info("epoch {}: {} true changes, {} recorded; {} added, {} gone; unchanged product pages on validator shops: {} asked, {} answered 304",
                        epoch, truthKeys.size(), found.size(), truth.added().size(), truth.gone().size(), asked[0], asked[1]);
            }
            assertThat(expected).as("the world changed").isGreaterThan(30);
            assertThat(recorded).as("changes recorded of %d", expected).isGreaterThanOrEqualTo((int) Math.ceil(expected * 0.99));
            assertThat(unchangedNotModified).as("unchanged pages answered 304 of %d", unchangedAsked)
                    .isGreaterThanOrEqualTo((long) Math.ceil(unchangedAsked * 0.90));
            assertThat(StoredCounters.read(dir, "pages.same-body")).as("pages of the shop without validators told by their hash")
                    .isPositive();
            assertExportsAndStatusAgree(dir, firstRecrawl, recorded);
            System.out.printf("RecrawlTest: %d of %d true changes recorded, 0 false; %d of %d unchanged validator pages answered 304%n",
                    recorded, expected, unchangedNotModified, unchangedAsked);
        }
    }

    /** The changes export has a row per recorded change; the history a row per product at least; status counts them. */
    private void assertExportsAndStatusAgree(Path dir, Instant since, int recorded) throws Exception {
        Path csv = temp.resolve("changes.csv");
        Cli.succeed("export", "--dir", dir.toString(), "--changes-since", since.toString(), "--out", csv.toString());
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("identity,url,field,old_value,new_value,observed_at");
        assertThat(lines).hasSize(recorded + 1);

        Path history = temp.resolve("history.jsonl");
        Cli.succeed("export", "--dir", dir.toString(), "--history", "--format", "jsonl", "--out", history.toString());
        long products = StoredCounters.read(dir, dev.crawler.storage.Counters.PRODUCTS);
        long priceOrStockChanges = changesSince(dir, since).stream().map(e -> e.identity() + e.observedAt())
                .distinct().count();
        assertThat(Files.readAllLines(history)).as("a first point per product, and at most one more per change")
                .hasSizeBetween((int) products, (int) (products + priceOrStockChanges));

        String status = Cli.succeed("status", "--dir", dir.toString()).out();
        assertThat(status).contains("Watching: ").contains("Since the last recrawl");
    }

    private void recrawlNow(Path dir) {
        List<String> args = new ArrayList<>(List.of("recrawl", "--dir", dir.toString(), "--now"));
        args.addAll(FAST);
        Cli.succeed(args.toArray(String[]::new));
    }

    static List<ChangeEvent> changesSince(Path dir, Instant since) {
        List<ChangeEvent> events = new ArrayList<>();
        try (CrawlStore store = CrawlStore.openReadOnly(dir)) {
            store.forEachChangeSince(since, events::add);
        }
        return events;
    }

    /** One change as text; prices by value, so that 12.5 and 12.50 are the same. */
    static String key(String url, String field, String oldValue, String newValue) {
        return url + " " + field + " " + normal(field, oldValue) + " -> " + normal(field, newValue);
    }

    private static String normal(String field, String value) {
        return field.equals("PRICE") && value != null ? new BigDecimal(value).stripTrailingZeros().toPlainString() : String.valueOf(value);
    }

    private static void assertAddedAreStored(Path dir, ChangeTruth truth, int epoch) {
        Set<String> stored = new HashSet<>();
        try (CrawlStore store = CrawlStore.openReadOnly(dir)) {
            store.records().forEachProduct(product -> stored.add(product.url()));
        }
        assertThat(stored).as("epoch %d: new products found", epoch).containsAll(truth.added().stream().map(ProductTruth::url).toList());
    }

    private static void assertGoneAreMarked(Path dir, ChangeTruth truth, Instant since) {
        Map<String, PageState> pages = new HashMap<>();
        Set<String> failed = new HashSet<>();
        try (CrawlStore store = CrawlStore.openReadOnly(dir)) {
            store.forEachPage(page -> pages.put(page.url(), page));
            store.records().forEachFailure(failure -> failed.add(failure.url()));
        }
        assertThat(truth.gone()).extracting(ChangeTruth.GoneProduct::url).as("a gone page is no failed page").doesNotContainAnyElementsOf(failed);
        for (ChangeTruth.GoneProduct gone : truth.gone()) {
            assertThat(pages.get(gone.url())).as("page of %s", gone.url()).isNotNull();
            PageState page = pages.get(gone.url());
            assertThat(page.gone()).as("%s marked gone", gone.url()).isTrue();
            assertThat(page.goneStatus()).as("%s gone with its status", gone.url()).isEqualTo(gone.status());
            assertThat(page.goneAt()).isAfterOrEqualTo(since);
        }
    }

    /**
     * The ETag of every live product page of the shops that send validators, asked for by this test:
     * the testbed's own word on whether a page changed (a product page also lists related products with
     * their prices, so it changes with them, not only with its own product).
     */
    private static Map<String, String> productPageTags(Testbed testbed) throws Exception {
        Map<String, String> tags = new HashMap<>();
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        for (ProductTruth product : testbed.groundTruth().products()) {
            String host = URI.create(product.url()).getHost();
            if (!testbed.config().epochs().sendsValidators(testbed.shopHosts().indexOf(host))) {
                continue;
            }
            java.net.http.HttpResponse<Void> response = client.send(java.net.http.HttpRequest.newBuilder(URI.create(product.url())).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            response.headers().firstValue("etag").ifPresent(tag -> tags.put(product.url(), tag));
        }
        return tags;
    }

    /** Pages live at both epochs whose ETag stayed the same. */
    private static Set<String> unchangedPages(Map<String, String> before, Map<String, String> after) {
        Set<String> unchanged = new HashSet<>();
        before.forEach((url, tag) -> {
            if (tag.equals(after.get(url))) {
                unchanged.add(url);
            }
        });
        return unchanged;
    }

    /** Of the requests for {@code unchanged} pages: how many there were, and how many were answered 304. */
    private static long[] conditionalAnswers(Testbed testbed, Set<String> unchanged, List<RequestRecord> requests) {
        long asked = 0;
        long notModified = 0;
        for (RequestRecord request : requests) {
            String url = "http://" + request.host() + ":" + testbed.port() + request.pathAndQuery();
            if (!unchanged.contains(url)) {
                continue;
            }
            asked++;
            if (request.notModified()) {
                notModified++;
            }
        }
        return new long[] {asked, notModified};
    }
}
