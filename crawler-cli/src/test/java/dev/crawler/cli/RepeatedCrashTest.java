package dev.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.crawler.storage.Counters;
import dev.crawler.storage.CrawlStore;
import dev.crawler.testbed.ProductTruth;
import dev.crawler.testbed.Testbed;
import dev.crawler.testbed.TestbedConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

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
                Process child = startChild(seeds, dir, kill);
                boolean exited = child.waitFor(300 + random.nextInt(1_700), TimeUnit.MILLISECONDS);
                if (!exited) {
                    child.destroyForcibly();
                    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                }
                long products = storedProducts(dir);
                assertThat(products).as("products never go down (seed %d, kill %d)", seed, kill).isGreaterThanOrEqualTo(previousProducts);
                previousProducts = products;
            }

            int code = Files.exists(dir.resolve("crawl.json"))
                    ? cli("resume", "--dir", dir.toString())
                    : cli("crawl", seeds.toString(), "--dir", dir.toString(), "--delay", "0");
            assertThat(code).isZero();

            List<String> exported = exportedUrls(dir);
            List<String> expected = testbed.groundTruth().products().stream().map(ProductTruth::url).toList();
            assertThat(exported).as("seed %d", seed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
            try (CrawlStore store = CrawlStore.openReadOnly(dir)) {
                assertThat(store.counter(Counters.PRODUCTS)).isEqualTo(expected.size());
                assertThat(store.counter(Counters.URLS_QUEUED)).isZero();
            }
        }
    }

    private Process startChild(Path seeds, Path dir, int round) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                CrawlerMain.class.getName()));
        if (Files.exists(dir.resolve("crawl.json"))) {
            command.addAll(List.of("resume", "--dir", dir.toString()));
        } else {
            command.addAll(List.of("crawl", seeds.toString(), "--dir", dir.toString(), "--delay", "0"));
        }
        return new ProcessBuilder(command)
                .redirectOutput(temp.resolve("child-" + round + ".out").toFile())
                .redirectError(temp.resolve("child-" + round + ".err").toFile())
                .start();
    }

    private static long storedProducts(Path dir) {
        if (!Files.exists(dir.resolve("crawl.json"))) {
            return 0;
        }
        try (CrawlStore store = CrawlStore.openReadOnly(dir)) {
            return store.counter(Counters.PRODUCTS);
        }
    }

    private List<String> exportedUrls(Path dir) throws Exception {
        Path csv = temp.resolve("export.csv");
        assertThat(cli("export", "--dir", dir.toString(), "--out", csv.toString())).isZero();
        List<String> urls = new ArrayList<>();
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<List<String>> rows = mapper.readerForListOf(String.class).readValues(csv.toFile())) {
            rows.next();
            rows.forEachRemaining(row -> urls.add(row.get(0)));
        }
        return urls;
    }

    private static int cli(String... args) {
        CommandLine commandLine = CrawlerMain.commandLine();
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        if (code != 0) {
            System.err.println(err);
        }
        return code;
    }
}
