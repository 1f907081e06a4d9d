package dev.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.core.config.CrawlConfig;
import dev.crawler.core.engine.Crawls;
import dev.crawler.storage.CrawlStore;
import dev.crawler.testbed.ProductTruth;
import dev.crawler.testbed.Testbed;
import dev.crawler.testbed.TestbedConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A crawl run from a config file: its settings, flags over them, and its site rules reach the crawl. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ConfigFileCrawlTest {
    @TempDir
    Path temp;

    @Test
    void theFilesSiteRulesAndSettingsDriveTheCrawlAndFlagsOverrideThem() throws Exception {
        try (Testbed testbed = Testbed.start(TestbedConfig.defaults().withShops(1).withProductsPerShop(5))) {
            Path seeds = Files.write(temp.resolve("seeds.txt"), testbed.homePages().stream().map(URI::toString).toList());
            // The rule reads every product's name from its brand line ("by Maker"): no structured data says that.
            Path config = Files.writeString(temp.resolve("crawl.yaml"), """
                    politeness:
                      delay: 10s
                      permitsPerHost: 2
                    scope:
                      maxDepth: 7
                    extraction:
                      siteRules:
                        - hostPattern: %s
                          name: .buy-box p.brand
                    """.formatted(testbed.shopHosts().get(0)));
            Path dir = temp.resolve("crawl");

            Cli.Result crawl = Cli.run("crawl", seeds.toString(), "--dir", dir.toString(), "--config", config.toString(),
                    "--delay", "0", "--log-level", "debug");

            assertThat(crawl.exitCode()).as(crawl.err()).isZero();
            try (CrawlStore store = CrawlStore.openReadOnly(dir)) {
                CrawlConfig stored = Crawls.storedConfig(store);
                assertThat(stored.politeness().delay()).as("the flag beats the file").isEqualTo(Duration.ZERO);
                assertThat(stored.politeness().permitsPerHost()).isEqualTo(2);
                assertThat(stored.scope().maxDepth()).isEqualTo(7);
                assertThat(stored.extraction().siteRules()).hasSize(1);
            }
            List<List<String>> rows = ExportedCsv.export(dir, temp.resolve("products.csv"));
            assertThat(rows).extracting(row -> row.get(0))
                    .containsExactlyInAnyOrderElementsOf(testbed.groundTruth().products().stream().map(ProductTruth::url).toList());
            assertThat(rows).extracting(row -> row.get(1)).as("names from the site rule").allMatch(name -> name.startsWith("by "))
                    .doesNotContainAnyElementsOf(testbed.groundTruth().products().stream().map(ProductTruth::name).toList());
            assertThat(Files.readString(dir.resolve("crawler.log"))).as("--log-level debug, ending with the summary")
                    .contains("INFO", "starting").containsPattern("INFO .* Done after .*\\n$");
        }
    }
}
