package dev.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.storage.Counters;
import dev.crawler.storage.CrawlStore;
import dev.crawler.testbed.ProductTruth;
import dev.crawler.testbed.Testbed;
import dev.crawler.testbed.TestbedConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One crawl, killed with SIGKILL at 20 random moments (from JVM start-up, through creation of the
 * crawl directory, to full-speed group commits) and resumed each time: at the end every product is
 * there exactly once and the counters agree with the records.
 */
class RepeatedCrashTest {
    private static final int KILLS = 20;

    @TempDir
    Path temp;

    @Test
    void noCommittedOutcomeIsLostAndNoProductDuplicatedAcrossTwentyKills() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        try (Testbed testbed = Testbed.start(TestbedConfig.defaults().withShops(3).withProductsPerShop(120))) {
            Path seeds = Files.write(temp.resolve("seeds.txt"), testbed.homePages().stream().map(URI::toString).toList());
            Path dir = temp.resolve("crawl");
            long previousProducts = 0;
            for (int kill = 0; kill < KILLS; kill++) {
                Process child = Cli.start(temp, "child-" + kill, List.of("-XX:TieredStopAtLevel=1"), crawlOrResume(seeds, dir));
                boolean exited = child.waitFor(300 + random.nextInt(1_700), TimeUnit.MILLISECONDS);
                if (!exited) {
                    child.destroyForcibly();
                    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                }
                long products = StoredCounters.read(dir, Counters.PRODUCTS);
                assertThat(products).as("products never go down (seed %d, kill %d)", seed, kill).isGreaterThanOrEqualTo(previousProducts);
                previousProducts = products;
            }

            Cli.succeed(crawlOrResume(seeds, dir));

            List<String> exported = ExportedCsv.urls(ExportedCsv.export(dir, temp.resolve("export.csv")));
            List<String> expected = testbed.groundTruth().products().stream().map(ProductTruth::url).toList();
            assertThat(exported).as("seed %d", seed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
            try (CrawlStore store = CrawlStore.openReadOnly(dir)) {
                assertThat(store.counter(Counters.PRODUCTS)).isEqualTo(expected.size());
                assertThat(store.counter(Counters.URLS_QUEUED)).isZero();
            }
        }
    }

    /** {@code resume} once a killed run has created the crawl directory, {@code crawl} until then. */
    private static String[] crawlOrResume(Path seeds, Path dir) {
        return Files.exists(dir.resolve("crawl.json"))
                ? new String[] {"resume", "--dir", dir.toString()}
                : new String[] {"crawl", seeds.toString(), "--dir", dir.toString(), "--delay", "0"};
    }
}
