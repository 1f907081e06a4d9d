package dev.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.crawler.storage.Counters;
import dev.crawler.storage.CrawlStore;
import dev.crawler.testbed.ProductTruth;
import dev.crawler.testbed.Testbed;
import dev.crawler.testbed.TestbedConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills up in the middle of a crawl, end to end: the crawl stops with one clear line that
 * says what happened and how to go on, and nothing else on the terminal; what it committed is whole;
 * and once space is freed, the resume command that line names finishes the crawl with every product
 * exactly once.
 *
 * <p><b>How the disk fills:</b> for real, not by a fault injected below the store. The crawl directory
 * is on a 48 MiB tmpfs mounted for the test (which needs root, as on this project's machines and CI;
 * elsewhere the test is skipped rather than faked), and once the crawl has stored some products the
 * test writes a file until the tmpfs is full. RocksDB reserves its write-ahead log ahead of use
 * (about 1.1 × a memtable), so the crawl runs on into that reserve; {@code storage.writeBufferBytes}
 * is set to its 1 MiB minimum so that the reserve, and with it the crawl's last stretch, stays small.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class FullDiskCrawlTest {
    @TempDir
    Path temp;

    private Path disk;

    @BeforeEach
    void mountSmallDisk() throws Exception {
        disk = Files.createDirectories(temp.resolve("small-disk"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", disk.toString()) == 0,
                "mounting a tmpfs needs root; skipped where it is not available");
    }

    @AfterEach
    void unmount() throws Exception {
        run("umount", "-l", disk.toString());
    }

    @Test
    void aCrawlThatFillsTheDiskStopsWithOneClearLineAndResumesOnceSpaceIsFreed() throws Exception {
        try (Testbed testbed = Testbed.start(TestbedConfig.defaults().withShops(4).withProductsPerShop(500))) {
            Path dir = disk.resolve("crawl");
            Path seeds = Files.write(temp.resolve("seeds.txt"), testbed.homePages().stream().map(URI::toString).toList());
            Path config = Files.writeString(temp.resolve("small-buffers.yaml"), "storage:\n  writeBufferBytes: 1048576\n");
            Process child = Cli.start(temp, "crawl", List.of(), "crawl", seeds.toString(), "--dir", dir.toString(),
                    "--config", config.toString(), "--delay", "0", "--per-host", "2");
            Eventually.await("the crawl to store some products", Duration.ofSeconds(60),
                    () -> StoredCounters.read(dir, Counters.PRODUCTS) >= 100);

            Path filler = fillUp(disk);

            assertThat(child.waitFor(90, TimeUnit.SECONDS)).as("the crawl stopped by itself").isTrue();
            String err = Files.readString(temp.resolve("crawl.err"));
            assertThat(child.exitValue()).as(err).isEqualTo(ExitCodes.CRAWL_DIRECTORY);
            assertThat(err.lines().filter(line -> !line.startsWith("[")))
                    .as("all it said, besides progress lines").containsExactly(
                            "crawler: the disk holding " + dir + " is full; free some space and run 'crawler resume --dir " + dir + "'");
            long products = assertWhole(dir);
            assertThat(products).as("stopped partway").isLessThan(testbed.groundTruth().products().size());

            Files.delete(filler);
            Cli.succeed("resume", "--dir", dir.toString(), "--delay", "0", "--per-host", "2");

            List<String> exported = ExportedCsv.urls(ExportedCsv.export(dir, temp.resolve("products.csv")));
            assertThat(exported).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
                    testbed.groundTruth().products().stream().map(ProductTruth::url).toList());
        }
    }

    /** The store opens, and its product counter counts exactly the records it holds: no batch was half applied. */
    private static long assertWhole(Path dir) {
        try (CrawlStore store = CrawlStore.openReadOnly(dir)) {
            AtomicLong records = new AtomicLong();
            store.records().forEachProduct(product -> records.incrementAndGet());
            assertThat(store.counter(Counters.PRODUCTS)).as("the products counter").isEqualTo(records.get());
            return records.get();
        }
    }

    /** Writes a file on {@code mount} until no space is left; returns it. */
    private static Path fillUp(Path mount) throws IOException {
        Path filler = mount.resolve("filler.bin");
        ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
        try (FileChannel channel = FileChannel.open(filler, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            while (true) {
                chunk.clear();
                channel.write(chunk);
            }
        } catch (IOException full) {
            assertThat(full).hasMessageContaining("No space left");
        }
        return filler;
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
