package dev.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.crawler.storage.Counters;
import dev.crawler.storage.CrawlDirectoryException;
import dev.crawler.storage.CrawlStore;
import dev.crawler.testbed.ProductTruth;
import dev.crawler.testbed.Testbed;
import dev.crawler.testbed.TestbedConfig;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

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
        assertThat(cli("crawl", seeds.toString(), "--dir", whole.toString(), "--delay", "0", "--per-host", "2")).isZero();

        Path killed = temp.resolve("killed");
        Process child = startChildCrawl(killed);
        try {
            Eventually.await("the child to commit some products", Duration.ofSeconds(60), () -> storedProducts(killed) >= 60);
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        long beforeResume = storedProducts(killed);
        assertThat(beforeResume).as("killed partway").isLessThan(testbed.groundTruth().products().size());

        assertThat(cli("resume", "--dir", killed.toString())).isZero();

        List<List<String>> expected = export(whole);
        List<List<String>> actual = export(killed);
        assertThat(actual).hasSize(testbed.groundTruth().products().size());
        assertThat(actual).doesNotHaveDuplicates();
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(actual).extracting(row -> row.get(0))
                .containsExactlyInAnyOrderElementsOf(testbed.groundTruth().products().stream().map(ProductTruth::url).toList());
    }

    private Process startChildCrawl(Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"), CrawlerMain.class.getName(),
                "crawl", seeds.toString(), "--dir", dir.toString(), "--delay", "0", "--per-host", "1");
        return new ProcessBuilder(command)
                .redirectOutput(temp.resolve("child.out").toFile())
                .redirectError(temp.resolve("child.err").toFile())
                .start();
    }

    /** Products committed so far, read while the child writes; 0 while the crawl directory is not there yet. */
    private static long storedProducts(Path dir) {
        if (!Files.exists(dir.resolve("crawl.json"))) {
            return 0;
        }
        try (CrawlStore store = CrawlStore.openReadOnly(dir)) {
            return store.counter(Counters.PRODUCTS);
        } catch (CrawlDirectoryException e) {
            return 0;
        }
    }

    /** The CSV rows without the header and without fetched_at, which differs between two crawls by nature. */
    private List<List<String>> export(Path dir) throws Exception {
        File csv = temp.resolve(dir.getFileName() + ".csv").toFile();
        assertThat(cli("export", "--dir", dir.toString(), "--format", "csv", "--out", csv.toString())).isZero();
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> it = mapper.readerForListOf(String.class).readValues(csv)) {
            it.next();
            while (it.hasNext()) {
                List<String> row = it.next();
                rows.add(row.subList(0, row.size() - 1));
            }
        }
        return rows;
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
