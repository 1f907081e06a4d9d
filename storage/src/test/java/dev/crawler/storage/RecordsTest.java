package dev.crawler.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordsTest {
    private static final String SHOP = "http://127.0.1.1:8080";
    private static final Instant AT = Instant.parse("2030-01-01T00:00:00Z");

    @TempDir
    Path temp;

    private static ProductRecord product(String identity, String name) {
        return new ProductRecord(identity, SHOP + "/p/" + identity, name, new BigDecimal("9.99"), "EUR", null, null, null,
                null, null, null, null, "127.0.1.1", AT);
    }

    @Test
    void aProductIsCountedOnceWhetherItsIdentityIsEarlierInTheBatchOrOnDisk() throws Exception {
        try (StoreDb db = PartDb.open(temp)) {
            Records records = new Records(db);
            History history = new History(db);
            StoreBatch first = new StoreBatch();
            Map<String, ProductRecord> inFirst = new HashMap<>();
            records.putProduct(first, product("lamp", "Lamp"), inFirst, history);
            records.putProduct(first, product("lamp", "Lamp, blue"), inFirst, history);
            assertThat(first.counterDeltas()).containsEntry(Counters.PRODUCTS, 1L);
            PartDb.write(db, first);

            StoreBatch second = new StoreBatch();
            Map<String, ProductRecord> inSecond = new HashMap<>();
            records.putProduct(second, product("lamp", "Lamp, red"), inSecond, history);
            assertThat(second.counterDeltas()).doesNotContainKey(Counters.PRODUCTS);
            records.putProduct(second, product("chair", "Chair"), inSecond, history);
            assertThat(second.counterDeltas()).containsEntry(Counters.PRODUCTS, 1L);
            PartDb.write(db, second);

            List<ProductRecord> stored = new ArrayList<>();
            records.forEachProduct(stored::add);
            assertThat(stored).extracting(ProductRecord::identity, ProductRecord::name)
                    .containsExactly(tuple("chair", "Chair"),
                            tuple("lamp", "Lamp, red"));
        }
    }

    @Test
    void aUrlKeepsOnlyItsLastFailureAndFailuresAreReadInUrlOrder() throws Exception {
        try (StoreDb db = PartDb.open(temp)) {
            Records records = new Records(db);
            StoreBatch batch = new StoreBatch();
            records.putFailure(batch, new FailureRecord(SHOP + "/b", "timeout", 0, "read timed out", 1, AT));
            records.putFailure(batch, new FailureRecord(SHOP + "/a", "http-status", 500, "HTTP 500", 1, AT));
            records.putFailure(batch, new FailureRecord(SHOP + "/b", "http-status", 503, "HTTP 503", 2, AT.plusSeconds(5)));
            PartDb.write(db, batch);

            List<FailureRecord> failures = new ArrayList<>();
            records.forEachFailure(failures::add);

            assertThat(failures).containsExactly(new FailureRecord(SHOP + "/a", "http-status", 500, "HTTP 500", 1, AT),
                    new FailureRecord(SHOP + "/b", "http-status", 503, "HTTP 503", 2, AT.plusSeconds(5)));
        }
    }
}
