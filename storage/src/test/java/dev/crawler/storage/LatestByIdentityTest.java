package dev.crawler.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The latest record of each identity, kept on disk while a topic of every record is read. */
class LatestByIdentityTest {
    private static final Instant AT = Instant.parse("2030-01-01T00:00:00Z");

    @TempDir
    Path temp;

    @Test
    void eachIdentityComesOutOnceWithItsLastRecordInIdentityOrder() throws Exception {
        List<ProductRecord> out = new ArrayList<>();
        try (LatestByIdentity latest = new LatestByIdentity(temp)) {
            latest.put(record("http://127.0.1.2/p/mug#sku:M1", "5.00"));
            latest.put(record("http://127.0.1.1/p/lamp#sku:L1", "20.00"));
            latest.put(record("http://127.0.1.2/p/mug#sku:M1", "4.50"));
            latest.put(record("http://127.0.1.1/p/kettle#sku:K1", "12.50"));
            latest.put(record("http://127.0.1.1/p/lamp#sku:L1", "21.00"));

            latest.forEach(out::add);

            assertThat(latest.puts()).isEqualTo(5);
        }

        assertThat(out).extracting(ProductRecord::identity, ProductRecord::price).containsExactly(
                org.assertj.core.groups.Tuple.tuple("http://127.0.1.1/p/kettle#sku:K1", new BigDecimal("12.50")),
                org.assertj.core.groups.Tuple.tuple("http://127.0.1.1/p/lamp#sku:L1", new BigDecimal("21.00")),
                org.assertj.core.groups.Tuple.tuple("http://127.0.1.2/p/mug#sku:M1", new BigDecimal("4.50")));
        try (var left = Files.list(temp)) {
            assertThat(left).as("the temporary store is deleted on close").isEmpty();
        }
    }

    private static ProductRecord record(String identity, String price) {
        String url = identity.substring(0, identity.indexOf('#'));
        return new ProductRecord(identity, url, "Item", new BigDecimal(price), "EUR", null, null, null, "InStock", null, null,
                null, "127.0.1.1", AT);
    }
}
