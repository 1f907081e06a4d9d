package dev.crawler.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills up mid-crawl: the write fails with a message that says so, nothing committed
 * before is lost, and once space is freed the crawl reopens and carries on.
 *
 * <p>The disk is a small tmpfs mounted for the test, which needs root (as on this project's machines
 * and CI); elsewhere the test is skipped rather than faked. What a whole crawl does when its disk
 * fills (one clear line, a clean stop, a resume once space is freed) is {@code FullDiskCrawlTest} in
 * crawler-cli.
 */
class FullDiskTest {
    private static final String SHOP = "http://127.0.1.1:80";

    @TempDir
    Path temp;

    private Path mount;

    @BeforeEach
    void mountSmallDisk() throws Exception {
        mount = Files.createDirectories(temp.resolve("small-disk"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", mount.toString()) == 0,
                "mounting a tmpfs needs root; skipped where it is not available");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mount != null) {
            run("umount", "-l", mount.toString());
        }
    }

    @Test
    void aFullDiskStopsWritesWithAClearErrorAndTheCrawlResumesOnceSpaceIsFreed() throws Exception {
        Path filler = mount.resolve("filler.bin");
        Files.write(filler, new byte[12 * 1024 * 1024]);
        Path dir = mount.resolve("crawl");
        List<String> committed = new ArrayList<>();

        try (CrawlStore store = CrawlStore.create(dir, "{}", new StoreOptions(false, 8 * StoreOptions.MIB, 4 * StoreOptions.MIB))) {
            store.enqueue(List.of(new DiscoveredUrl(SHOP + "/", SHOP, 0, 0)));
            assertThatThrownBy(() -> {
                for (int page = 0; page < 100_000; page++) {
                    String identity = "product-" + page;
                    store.commit(List.of(commitOf(store, page, identity)));
                    committed.add(identity);
                }
            }).isInstanceOf(CrawlDirectoryException.class)
                    .hasMessageContaining("is full")
                    .hasMessageContaining("crawler resume")
                    .extracting(e -> ((CrawlDirectoryException) e).reason()).isEqualTo(CrawlDirectoryException.Reason.DISK_FULL);
        }
        Files.delete(filler);

        try (CrawlStore store = CrawlStore.open(dir, StoreOptions.defaults())) {
            List<String> stored = new ArrayList<>();
            store.records().forEachProduct(product -> stored.add(product.identity()));
            assertThat(stored).containsAll(committed);
            assertThat(store.counter(Counters.PRODUCTS)).isEqualTo(stored.size());
            store.commit(List.of(commitOf(store, 1_000_000, "after-the-disk-was-freed")));
            assertThat(store.counter(Counters.PRODUCTS)).isEqualTo(stored.size() + 1);
        }
    }

    /** A page outcome that settles the seed's entry (or nothing, once it is gone) and stores one sizeable record. */
    private static PageCommit commitOf(CrawlStore store, int page, String identity) {
        List<QueuedUrl> head = store.peek(0, 1, Set.of());
        FrontierKey done = head.isEmpty() ? new FrontierKey(0, 0, Long.MAX_VALUE - page) : head.get(0).key();
        ProductRecord product = new ProductRecord(identity, SHOP + "/p/" + page, "x".repeat(2_000), BigDecimal.ONE, "EUR",
                "SKU-" + page, null, null, null, null, null, null, "127.0.1.1", Instant.EPOCH);
        List<DiscoveredUrl> links = List.of(new DiscoveredUrl(SHOP + "/p/" + page + "/next", SHOP, 1, 1));
        return new PageCommit(done, Optional.empty(), links, List.of(product), Optional.empty(), Map.of());
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
