package dev.crawler.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrawlCountersTest {
    @TempDir
    Path temp;

    @Test
    void aBatchCarriesAbsoluteValuesThatReadersSeeOnlyOncePublished() throws Exception {
        try (StoreDb db = PartDb.open(temp)) {
            CrawlCounters counters = new CrawlCounters(db);
            StoreBatch batch = new StoreBatch();
            batch.bump("pages", 3);
            batch.bump("pages", 2);
            batch.bump(Counters.URLS_QUEUED, -1);
            Map<String, Long> totals = counters.addTotals(batch);
            assertThat(totals).containsOnly(Map.entry("pages", 5L), Map.entry(Counters.URLS_QUEUED, -1L));
            assertThat(counters.get("pages")).as("not yet published").isZero();
            PartDb.write(db, batch);
            counters.publish(totals);

            assertThat(counters.snapshot()).containsOnly(Map.entry("pages", 5L), Map.entry(Counters.URLS_QUEUED, -1L));
            assertThat(new CrawlCounters(db).snapshot()).as("read back from disk").isEqualTo(counters.snapshot());
        }
    }

    @Test
    void valuesAddUpAcrossBatchesAndAnUnknownCounterIsZero() throws Exception {
        try (StoreDb db = PartDb.open(temp)) {
            CrawlCounters counters = new CrawlCounters(db);
            for (int i = 0; i < 3; i++) {
                StoreBatch batch = new StoreBatch();
                batch.bump("pages", 2);
                Map<String, Long> totals = counters.addTotals(batch);
                PartDb.write(db, batch);
                counters.publish(totals);
            }

            assertThat(counters.get("pages")).isEqualTo(6);
            assertThat(new CrawlCounters(db).get("pages")).isEqualTo(6);
            assertThat(counters.get("never.bumped")).isZero();
        }
    }
}
