package dev.crawler.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state that price monitoring keeps: product history written with the records, and pages queued for revisits. */
class WatchStateTest {
    private static final String SHOP = "http://127.0.1.1:8080";
    private static final String PAGE = SHOP + "/p/lamp";
    private static final Instant FIRST = Instant.parse("2030-01-01T00:00:00Z");
    private static final Instant SECOND = FIRST.plus(Duration.ofDays(1));
    private static final Instant THIRD = SECOND.plus(Duration.ofDays(1));

    @TempDir
    Path temp;

    @Test
    void aChangedFieldIsRecordedOnceWithTheRecordAndAReplayedOutcomeRecordsNothing() {
        try (CrawlStore store = CrawlStore.create(temp.resolve("crawl"), "{}", StoreOptions.defaults())) {
            commitVisit(store, product("12.50", "InStock", "Lamp", FIRST));
            assertThat(changes(store, Instant.EPOCH)).as("a first record is no change").isEmpty();

            PageCommit changed = visit(store, product("11.00", "OutOfStock", "Lamp", SECOND));
            store.commit(List.of(changed));
            store.commit(List.of(changed)); // the same outcome again, as after a crash: the record already holds it

            assertThat(changes(store, Instant.EPOCH)).extracting(ChangeEvent::field, ChangeEvent::oldValue, ChangeEvent::newValue,
                    ChangeEvent::observedAt).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple(ChangeEvent.Field.PRICE, "12.50", "11.00", SECOND),
                    org.assertj.core.groups.Tuple.tuple(ChangeEvent.Field.AVAILABILITY, "InStock", "OutOfStock", SECOND));
            assertThat(store.counter(Counters.CHANGES)).isEqualTo(2);
            assertThat(store.counter(Counters.PRODUCTS)).isEqualTo(1);
            assertThat(changes(store, SECOND.plusMillis(1))).as("nothing since").isEmpty();
        }
    }

    @Test
    void aPriceWrittenWithAnotherScaleIsNoChange() {
        try (CrawlStore store = CrawlStore.create(temp.resolve("crawl"), "{}", StoreOptions.defaults())) {
            commitVisit(store, product("12.5", "InStock", "Lamp", FIRST));
            commitVisit(store, product("12.50", "InStock", "Lamp", SECOND));
            assertThat(changes(store, Instant.EPOCH)).isEmpty();
        }
    }

    @Test
    void eachProductComesWithItsOwnChangesOldestFirst() {
        try (CrawlStore store = CrawlStore.create(temp.resolve("crawl"), "{}", StoreOptions.defaults())) {
            recordTwoProductsChangingInTurn(store);

            assertThat(seriesByProduct(store)).containsExactly(
                    Map.entry("http://127.0.1.1:8080/p/kettle#sku:K1", List.of("12.50>11.00@" + SECOND, "11.00>10.00@" + THIRD)),
                    Map.entry("http://127.0.1.1:8080/p/lamp#sku:L1", List.of("20.00>21.00@" + SECOND)),
                    Map.entry("http://127.0.1.1:8080/p/mug#sku:M1", List.of()));
        }
    }

    @Test
    void changesKeptOnlyByTimeAreReadByGroupingUntilTheCrawlIsOpenedForWritingWhichKeepsThemByProduct() throws Exception {
        Path dir = temp.resolve("crawl");
        try (CrawlStore store = CrawlStore.create(dir, "{}", StoreOptions.defaults())) {
            recordTwoProductsChangingInTurn(store);
        }
        Map<String, List<String>> expected;
        try (CrawlStore store = CrawlStore.openReadOnly(dir)) {
            expected = seriesByProduct(store);
        }
        // As a crawl written before the by-product order existed: the events by time only.
        try (StoreDb db = CrawlStore.openDb(dir, StoreOptions.defaults(), false, false)) {
            db.rocks().deleteRange(db.handle(ColumnFamily.HISTORY_BY_PRODUCT), new byte[] {0}, new byte[] {(byte) 0xff});
        }

        try (CrawlStore store = CrawlStore.openReadOnly(dir)) {
            assertThat(store.history().indexed()).isFalse();
            assertThat(seriesByProduct(store)).as("grouped in memory").isEqualTo(expected);
        }
        try (CrawlStore store = CrawlStore.open(dir, StoreOptions.defaults())) {
            assertThat(store.history().indexed()).as("filled when opened for writing").isTrue();
            assertThat(seriesByProduct(store)).isEqualTo(expected);
        }
    }

    /** A kettle that changes twice and a lamp that changes once, in between; a mug that never changes. */
    private static void recordTwoProductsChangingInTurn(CrawlStore store) {
        commitVisit(store, item("kettle", "K1", "12.50", FIRST));
        commitVisit(store, item("lamp", "L1", "20.00", FIRST));
        commitVisit(store, item("mug", "M1", "5.00", FIRST));
        commitVisit(store, item("kettle", "K1", "11.00", SECOND));
        commitVisit(store, item("lamp", "L1", "21.00", SECOND));
        commitVisit(store, item("kettle", "K1", "10.00", THIRD));
        commitVisit(store, item("mug", "M1", "5.00", THIRD));
    }

    /** Each product's price changes as {@code old>new@observedAt}, in the order the store gives them. */
    private static Map<String, List<String>> seriesByProduct(CrawlStore store) {
        Map<String, List<String>> series = new java.util.LinkedHashMap<>();
        store.forEachProductWithChanges((product, events) -> series.put(product.identity(), events.stream()
                .map(e -> e.oldValue() + ">" + e.newValue() + "@" + e.observedAt()).toList()));
        return series;
    }

    private static ProductRecord item(String slug, String sku, String price, Instant at) {
        String url = SHOP + "/p/" + slug;
        return new ProductRecord(url + "#sku:" + sku, url, slug, new BigDecimal(price), "EUR", sku, null, null, "InStock",
                null, null, null, "127.0.1.1", at);
    }

    @Test
    void aKnownPageIsQueuedForItsRevisitOnceAndIsNotDueWhileQueued() {
        try (CrawlStore store = CrawlStore.create(temp.resolve("crawl"), "{}", StoreOptions.defaults())) {
            store.commit(List.of(visit(store, product("12.50", "InStock", "Lamp", FIRST))
                    .withPage(page(FIRST.plus(Duration.ofHours(1))))));
            assertThat(store.duePages(FIRST, 10)).as("not due yet").isEmpty();
            assertThat(store.countDue(FIRST, 10)).isZero();
            assertThat(store.nextDue()).as("what a watch sleeps until").contains(FIRST.plus(Duration.ofHours(1)));
            Instant later = FIRST.plus(Duration.ofHours(2));
            assertThat(store.duePages(later, 10)).extracting(PageState::url).containsExactly(PAGE);
            assertThat(store.countDue(later, 10)).isEqualTo(1);
            assertThat(store.countDue(later, 0)).as("counted up to the cap").isZero();

            store.queueRevisits(List.of(PAGE, PAGE));
            store.queueRevisits(List.of(PAGE));

            assertThat(store.peek(0, 10, Set.of())).extracting(QueuedUrl::url).containsExactly(PAGE);
            assertThat(store.counter(Counters.REVISITS_QUEUED)).isEqualTo(1);
            assertThat(store.duePages(later, 10)).as("queued, so not due again").isEmpty();
            assertThat(store.nextDue()).as("a queued page waits for no revisit").isEmpty();
            assertThat(store.countDue(later, 10)).isZero();
            assertThat(store.pageState(PAGE)).hasValueSatisfying(state -> assertThat(state.queued()).isTrue());
        }
    }

    @Test
    void aGonePageStaysGoneAndIsDueOnlyAtItsLaterVisit() {
        try (CrawlStore store = CrawlStore.create(temp.resolve("crawl"), "{}", StoreOptions.defaults())) {
            store.commit(List.of(visit(store, product("12.50", "InStock", "Lamp", FIRST)).withPage(page(FIRST))));
            Instant muchLater = SECOND.plus(Duration.ofDays(30));
            PageState gone = new PageState(PAGE, SHOP, 2, PageState.Kind.PRODUCT, null, null, null, FIRST, SECOND, SECOND,
                    3_600_000, muchLater, false, SECOND, 410);
            store.commit(List.of(visit(store, product("12.50", "InStock", "Lamp", FIRST)).withPage(gone)));

            assertThat(store.duePages(SECOND.plus(Duration.ofDays(1)), 10)).as("the old due time was replaced").isEmpty();
            assertThat(store.duePages(muchLater, 10)).extracting(PageState::goneStatus).containsExactly(410);
        }
    }

    @Test
    void aPartTakenOverBringsItsPagesAndLatestRecordsAndTheNextVisitComparesWithThem() {
        try (CrawlStore store = CrawlStore.create(temp.resolve("crawl"), "{}", StoreOptions.defaults())) {
            store.restore(List.of(), List.of(PAGE), List.of(page(SECOND)), List.of(product("12.50", "InStock", "Lamp", FIRST)),
                    List.of(), Map.of("state.3", 7L, "products.3", 4L));

            assertThat(store.pageState(PAGE)).as("the page's schedule and validators, as the other member left them")
                    .hasValueSatisfying(state -> assertThat(state.etag()).isEqualTo("\"abc\""));
            assertThat(store.records().product(PAGE + "#sku:L1")).isPresent();
            assertThat(store.counter(Counters.PRODUCTS)).as("counted by the member that fetched it").isZero();
            assertThat(changes(store, Instant.EPOCH)).as("a record taken in is no change").isEmpty();
            assertThat(store.checkpoint("products.3")).hasValue(4L);

            commitVisit(store, product("11.00", "InStock", "Lamp", SECOND));
            assertThat(changes(store, Instant.EPOCH)).as("the next visit here compares with what the other member saw")
                    .extracting(ChangeEvent::oldValue, ChangeEvent::newValue).containsExactly(org.assertj.core.groups.Tuple.tuple("12.50", "11.00"));
        }
    }

    @Test
    void anOlderRecordTakenInDoesNotReplaceALaterOneAndAQueuedPageStaysQueued() {
        try (CrawlStore store = CrawlStore.create(temp.resolve("crawl"), "{}", StoreOptions.defaults())) {
            commitVisit(store, product("11.00", "InStock", "Lamp", SECOND));
            store.commit(List.of(visit(store, product("11.00", "InStock", "Lamp", SECOND)).withPage(page(FIRST))));
            store.queueRevisits(List.of(PAGE));

            store.restore(List.of(), List.of(PAGE), List.of(page(THIRD)), List.of(product("12.50", "InStock", "Lamp", FIRST)),
                    List.of(PAGE), Map.of());

            assertThat(store.records().product(PAGE + "#sku:L1")).hasValueSatisfying(
                    record -> assertThat(record.price()).isEqualByComparingTo("11.00"));
            assertThat(store.pageState(PAGE)).hasValueSatisfying(state -> {
                assertThat(state.nextVisit()).isEqualTo(THIRD);
                assertThat(state.queued()).as("its revisit is still queued here").isTrue();
            });
            assertThat(store.counter(Counters.REVISITS_QUEUED)).as("a page queued already is not queued twice").isEqualTo(1);
        }
    }

    @Test
    void aPageOfAPartTakenOverIsQueuedForItsRevisitWhenTheRunSaysSo() {
        try (CrawlStore store = CrawlStore.create(temp.resolve("crawl"), "{}", StoreOptions.defaults())) {
            store.restore(List.of(), List.of(PAGE), List.of(page(FIRST)), List.of(), List.of(PAGE, PAGE, SHOP + "/never-fetched"), Map.of());

            assertThat(store.peek(store.hostId(SHOP).orElseThrow(), 10, Set.of())).extracting(QueuedUrl::url).containsExactly(PAGE);
            assertThat(store.pageState(PAGE)).hasValueSatisfying(state -> assertThat(state.queued()).isTrue());
            assertThat(store.counter(Counters.REVISITS_QUEUED)).isEqualTo(1);
        }
    }

    private static PageState page(Instant next) {
        return new PageState(PAGE, SHOP, 2, PageState.Kind.PRODUCT, "\"abc\"", null, "00ff", FIRST, FIRST, FIRST,
                3_600_000, next, false, null, 0);
    }

    private static void commitVisit(CrawlStore store, ProductRecord product) {
        store.commit(List.of(visit(store, product)));
    }

    /** The outcome of one fetch of the page: it is queued first, so that the outcome has an entry to settle. */
    private static PageCommit visit(CrawlStore store, ProductRecord product) {
        store.enqueue(List.of(new DiscoveredUrl(SHOP + "/visit-" + store.counter(Counters.URLS_DISCOVERED), SHOP, 0, 0)));
        QueuedUrl queued = store.peek(store.hostId(SHOP).orElseThrow(), 1, Set.of()).get(0);
        return new PageCommit(queued.key(), Optional.empty(), List.of(), List.of(product), Optional.empty(), Map.of());
    }

    private static List<ChangeEvent> changes(CrawlStore store, Instant since) {
        List<ChangeEvent> found = new ArrayList<>();
        store.forEachChangeSince(since, found::add);
        return found;
    }

    private static ProductRecord product(String price, @Nullable String availability, String name, Instant at) {
        return new ProductRecord(PAGE + "#sku:L1", PAGE, name, new BigDecimal(price), "EUR", "L1", null, null, availability,
                null, null, null, "127.0.1.1", at);
    }
}
