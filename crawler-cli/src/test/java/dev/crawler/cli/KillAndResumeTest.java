package dev.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.storage.Counters;
import dev.crawler.testbed.ProductTruth;
import dev.crawler.testbed.Testbed;
import dev.crawler.testbed.TestbedConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crawl killed with SIGKILL in a child JVM and then resumed ends with exactly the products of a
 * crawl that was never interrupted: nothing missing, nothing twice.
 */
class KillAndResumeTest {
    @TempDir
    Path temp;

    private Testbed testbed;
    private Path seeds;

    @BeforeEach
    void startTestbed() throws Exception {
        testbed = Testbed.start(TestbedConfig.defaults().withShops(3).withProductsPerShop(150));
        seeds = Files.write(temp.resolve("seeds.txt"), testbed.homePages().stream().map(URI::toString).toList());
    }

    @AfterEach
    void stopTestbed() {
        testbed.close();
    }

    @Test
    void aCrawlKilledMidwayAndResumedExportsWhatAnUninterruptedCrawlDoes() throws Exception {
        Path whole = temp.resolve("uninterrupted");
        Cli.succeed("crawl", seeds.toString(), "--dir", whole.toString(), "--delay", "0", "--per-host", "2");

        Path killed = temp.resolve("killed");
        Process child = Cli.start(temp, "child", List.of(), "crawl", seeds.toString(), "--dir", killed.toString(),
                "--delay", "0", "--per-host", "1");
        try {
            Eventually.await("the child to commit some products", Duration.ofSeconds(60),
                    () -> StoredCounters.read(killed, Counters.PRODUCTS) >= 60);
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        long beforeResume = StoredCounters.read(killed, Counters.PRODUCTS);
        assertThat(beforeResume).as("killed partway").isLessThan(testbed.groundTruth().products().size());

        Cli.succeed("resume", "--dir", killed.toString());

        List<List<String>> expected = withoutFetchedAt(ExportedCsv.export(whole, temp.resolve("whole.csv")));
        List<List<String>> actual = withoutFetchedAt(ExportedCsv.export(killed, temp.resolve("killed.csv")));
        assertThat(actual).hasSize(testbed.groundTruth().products().size());
        assertThat(actual).doesNotHaveDuplicates();
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(ExportedCsv.urls(actual))
                .containsExactlyInAnyOrderElementsOf(testbed.groundTruth().products().stream().map(ProductTruth::url).toList());
    }

    /** The rows without fetched_at, the last column, which differs between two crawls by nature. */
    private static List<List<String>> withoutFetchedAt(List<List<String>> rows) {
        return rows.stream().map(row -> row.subList(0, row.size() - 1)).toList();
    }
}
