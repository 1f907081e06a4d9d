package dev.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.storage.ProductRecord;
import java.io.BufferedReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export streams: a million products go out of a JVM with a 128 MiB heap, far less than the
 * records would take if they were held at once; so do 480,000 price changes, a product's series at a time.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ExportStreamingTest {
    private static final String SHOP = "http://127.0.1.1:80";
    private static final int PRODUCTS = 1_000_000;
    private static final int PER_COMMIT = 20_000;

    @TempDir
    Path temp;

    @Test
    void aMillionProductsExportInA128MegabyteHeap() throws Exception {
        Path dir = temp.resolve("crawl");
        writeProducts(dir);
        Path csv = temp.resolve("products.csv");

        Process child = Cli.start(temp, "export", List.of("-Xmx128m"), "export", "--dir", dir.toString(), "--out", csv.toString());

        assertThat(child.waitFor(150, TimeUnit.SECONDS)).as("export finished").isTrue();
        assertThat(child.exitValue()).as(Files.readString(temp.resolve("export.err"))).isZero();
        assertThat(Files.readString(temp.resolve("export.err"))).contains("Exported " + PRODUCTS + " products");
        assertThat(dataRows(csv)).isEqualTo(PRODUCTS);
    }

    @Test
    void theHistoryOfEveryProductExportsOneProductAtATimeInA64MegabyteHeap() throws Exception {
        Path dir = temp.resolve("watched");
        writeHistory(dir);
        Path csv = temp.resolve("history.csv");

        Process child = Cli.start(temp, "history", List.of("-Xmx64m"), "export", "--dir", dir.toString(), "--history",
                "--out", csv.toString());

        assertThat(child.waitFor(150, TimeUnit.SECONDS)).as("export finished").isTrue();
        assertThat(child.exitValue()).as(Files.readString(temp.resolve("history.err"))).isZero();
        // Each product's first visit, then one row per price change; the changes alone would not fit the heap.
        assertThat(dataRows(csv)).isEqualTo((long) WATCHED * VISITS);
    }

    private static final int WATCHED = 160_000;
    private static final int VISITS = 4;

    /** Products visited {@value #VISITS} times, their price different each time: three changes each. */
    private static void writeHistory(Path dir) {
        Instant first = Instant.parse("2026-01-02T03:04:05Z");
        Iterator<List<ProductRecord>> batches = IntStream.range(0, VISITS).boxed()
                .flatMap(visit -> IntStream.iterate(0, start -> start < WATCHED, start -> start + PER_COMMIT)
                        .mapToObj(start -> IntStream.range(start, start + PER_COMMIT).mapToObj(i -> new ProductRecord(
                                SHOP + "/p/" + i + "#sku:S" + i, SHOP + "/p/" + i, "Product number " + i,
                                new BigDecimal("19.99").add(BigDecimal.valueOf(visit)), "EUR", "S" + i, null, "Brand", "InStock",
                                null, null, null, "127.0.1.1", first.plusSeconds(86_400L * visit))).toList()))
                .iterator();
        StoredProducts.create(dir, batches).close();
    }

    /** Writes the products straight into a store, a batch at a time, as the committer would. */
    private static void writeProducts(Path dir) {
        Instant fetched = Instant.parse("2026-01-02T03:04:05Z");
        Iterator<List<ProductRecord>> batches = IntStream.iterate(0, start -> start < PRODUCTS, start -> start + PER_COMMIT)
                .mapToObj(start -> IntStream.range(start, start + PER_COMMIT).mapToObj(i -> new ProductRecord(
                        SHOP + "/p/" + i + "#sku:S" + i, SHOP + "/p/" + i, "Product number " + i, new BigDecimal("19.99"), "EUR",
                        "S" + i, null, "Brand", "InStock", SHOP + "/img/" + i + ".png", null, null, "127.0.1.1", fetched)).toList())
                .iterator();
        StoredProducts.create(dir, batches).close();
    }

    /** Lines after the header; no product text here holds a line break, so lines are rows. */
    private static long dataRows(Path csv) throws Exception {
        try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return reader.lines().count() - 1;
        }
    }
}
