package dev.crawler.cli.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crawler.cli.ExportedCsv;
import dev.crawler.cli.StoredProducts;
import dev.crawler.storage.CrawlStore;
import dev.crawler.storage.ProductRecord;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProductExporterTest {
    private static final String SHOP = "http://127.0.1.1:80";

    @TempDir
    Path dir;

    private CrawlStore store;

    @BeforeEach
    void storeTrickyProducts() {
        store = StoredProducts.create(dir.resolve("crawl"), List.of(
                product("a", "Lamp, \"Deluxe\"\nwith cord", "=HYPERLINK(\"http://evil\")"),
                product("b", "Café table", "+1 sofa"),
                product("c", "-minus", "@SUM(A1)")));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static ProductRecord product(String id, String name, String brand) {
        return new ProductRecord(id, SHOP + "/p/" + id, name, new BigDecimal("-1299.50"), "EUR", "SKU-" + id, null, brand,
                "InStock", null, null, 12L, "127.0.1.1", Instant.parse("2026-01-02T03:04:05Z"));
    }

    private List<List<String>> csvRows(boolean raw) throws Exception {
        StringWriter out = new StringWriter();
        long count = new ProductExporter(raw).export(store, ProductExporter.Format.CSV, out);
        assertThat(count).isEqualTo(3);
        return ExportedCsv.parse(out.toString());
    }

    @Test
    void csvHasTheDocumentedHeaderAndSurvivesCommasQuotesAndNewlines() throws Exception {
        List<List<String>> rows = csvRows(false);

        assertThat(rows.get(0)).containsExactly("url", "name", "price", "currency", "sku", "gtin", "brand", "availability",
                "image", "rating", "review_count", "host", "fetched_at");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1).get(1)).isEqualTo("Lamp, \"Deluxe\"\nwith cord");
        assertThat(rows.get(2).get(1)).isEqualTo("Café table");
        assertThat(rows.get(1).get(12)).isEqualTo("2026-01-02T03:04:05Z");
    }

    @Test
    void cellsThatWouldRunAsFormulasAreNeutralisedButNumbersAreNot() throws Exception {
        List<List<String>> rows = csvRows(false);

        assertThat(rows.get(1).get(6)).isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(rows.get(2).get(6)).isEqualTo("'+1 sofa");
        assertThat(rows.get(3).get(1)).isEqualTo("'-minus");
        assertThat(rows.get(3).get(6)).isEqualTo("'@SUM(A1)");
        assertThat(rows.get(1).get(2)).as("a price is ours, not the page's text").isEqualTo("-1299.50");
    }

    @Test
    void rawExportKeepsCellsAsTheyAre() throws Exception {
        assertThat(csvRows(true).get(1).get(6)).isEqualTo("=HYPERLINK(\"http://evil\")");
    }

    @Test
    void jsonLinesHoldOneObjectPerProductWithTheCsvColumnNames() throws Exception {
        StringWriter out = new StringWriter();
        new ProductExporter(false).export(store, ProductExporter.Format.JSONL, out);

        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(3);
        Map<?, ?> first = new ObjectMapper().readValue(lines.get(0), Map.class);
        assertThat(first.get("name")).isEqualTo("Lamp, \"Deluxe\"\nwith cord");
        assertThat(first.get("price")).isEqualTo("-1299.50");
        assertThat(first.get("review_count")).isEqualTo("12");
    }
}
