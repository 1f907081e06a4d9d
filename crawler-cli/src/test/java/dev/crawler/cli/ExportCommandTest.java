package dev.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crawler.storage.ProductRecord;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crawler export} filters by host and by fetch time, and takes its defaults from a config file. */
class ExportCommandTest {
    @TempDir
    Path temp;

    private Path dir;

    @BeforeEach
    void productsOfTwoHostsFetchedOnTwoDays() {
        dir = temp.resolve("crawl");
        StoredProducts.create(dir, List.of(
                product("a", "shop.example", "2026-01-01T10:00:00Z"),
                product("b", "shop.example", "2026-01-03T10:00:00Z"),
                product("c", "other.example", "2026-01-03T11:00:00Z"))).close();
    }

    private static ProductRecord product(String id, String host, String fetchedAt) {
        return new ProductRecord("http://" + host + "/p/" + id + "#item:0", "http://" + host + "/p/" + id, "=Product " + id,
                new BigDecimal("5.00"), "EUR", null, null, null, null, null, null, null, host, Instant.parse(fetchedAt));
    }

    private List<String> exportedUrls(String... options) throws Exception {
        Path out = temp.resolve("out.jsonl");
        List<String> args = new java.util.ArrayList<>(List.of("export", "--dir", dir.toString(), "--out", out.toString(), "--format", "jsonl"));
        args.addAll(List.of(options));
        Cli.Result result = Cli.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.err()).isZero();
        ObjectMapper json = new ObjectMapper();
        return Files.readAllLines(out).stream().map(line -> {
            try {
                return json.readTree(line).get("url").asText();
            } catch (Exception e) {
                throw new AssertionError(line, e);
            }
        }).toList();
    }

    @Test
    void hostKeepsOnlyThatHostsProducts() throws Exception {
        assertThat(exportedUrls("--host", "shop.example")).containsExactly("http://shop.example/p/a", "http://shop.example/p/b");
        assertThat(exportedUrls("--host", "https://OTHER.example:8443/")).containsExactly("http://other.example/p/c");
    }

    @Test
    void sinceKeepsOnlyProductsFetchedFromThatInstantOn() throws Exception {
        assertThat(exportedUrls("--since", "2026-01-03T10:00:00Z")).containsExactly("http://other.example/p/c", "http://shop.example/p/b");
        assertThat(exportedUrls("--since", "2026-01-02")).hasSize(2);
        assertThat(exportedUrls("--since", "2026-01-02", "--host", "shop.example")).containsExactly("http://shop.example/p/b");
    }

    @Test
    void aBadSinceNamesTheAcceptedForms() {
        Cli.Result result = Cli.run("export", "--dir", dir.toString(), "--out", "-", "--since", "yesterday");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).isEqualTo(
                "crawler: --since 'yesterday' is not a time such as 2026-01-31T00:00:00Z or a date such as 2026-01-31\n");
    }

    @Test
    void theConfigFileGivesTheExportDefaultsAndFlagsOverrideThem() throws Exception {
        Path config = Files.writeString(temp.resolve("crawl.yaml"), "export:\n  format: jsonl\n  raw: true\n");
        Path out = temp.resolve("out");

        Cli.Result fromFile = Cli.run("export", "--dir", dir.toString(), "--out", out.toString(), "--config", config.toString());
        String jsonLines = Files.readString(out);
        Cli.Result overridden = Cli.run("export", "--dir", dir.toString(), "--out", out.toString(), "--config", config.toString(),
                "--format", "csv");
        String csv = Files.readString(out);

        assertThat(fromFile.exitCode()).isZero();
        assertThat(jsonLines).startsWith("{\"url\":").contains("\"name\":\"=Product a\"");
        assertThat(overridden.exitCode()).isZero();
        assertThat(csv).as("raw from the file").startsWith("url,name,").contains(",\"=Product a\",").doesNotContain("'=");
    }
}
