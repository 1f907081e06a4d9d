package dev.crawler.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksIterator;

/**
 * Pins the bytes a crawl directory holds: every key and value of every column family after a crawl
 * that touches each kind of state. Existing crawl directories must open and resume, so a change
 * here is a format change and needs a new {@link CrawlStore#FORMAT_VERSION}, not a new golden file.
 */
class OnDiskFormatTest {
    private static final String SHOP = "http://127.0.1.1:8080";
    private static final String OTHER = "http://127.0.1.2:8080";
    private static final Instant AT = Instant.parse("2030-01-01T00:00:00Z");
    private static final String GOLDEN = "/on-disk-format-v1.txt";

    @TempDir
    Path temp;

    @Test
    void aCrawlWritesExactlyTheKeysAndValuesOfFormatOne() throws Exception {
        Path dir = temp.resolve("crawl");
        try (CrawlStore store = CrawlStore.create(dir, "{\"delay\":1}", StoreOptions.defaults(),
                created -> created.recordSeedOrigins(List.of(SHOP)))) {
            store.limitUrlsPerHost(4);
            store.enqueue(List.of(url(SHOP, "/", 0), url(SHOP, "/a", 1), url(OTHER, "/", 0)));
            List<QueuedUrl> head = store.peek(0, 2, Set.of());
            QueuedUrl home = head.get(0);
            QueuedUrl a = head.get(1);
            store.commit(List.of(
                            new PageCommit(home.key(), Optional.empty(),
                                    List.of(url(SHOP, "/b", 2), url(SHOP, "/c", 2), url(SHOP, "/d", 2), url(OTHER, "/x", 1)),
                                    List.of(product("p1#SKU-1")), Optional.empty(), Map.of("pages.fetched", 1L)),
                            new PageCommit(a.key(), Optional.of(new PageCommit.RequeuedUrl(a.url(), 1, 1, 1, 5_000, 1, 2)),
                                    List.of(), List.of(), Optional.of(new FailureRecord(a.url(), "timeout", 0, "read timed out", 1, AT)),
                                    Map.of())),
                    List.of(new ParkedHost(OTHER, "connect: Connection refused", 3, AT), new ParkedHost(SHOP, "robots.txt: HTTP 500", 0, AT)),
                    List.of(new HostPace(SHOP, 2_000, 1, "HTTP 429", AT)));
            store.promoteDueRetries(5_000, 10);
            QueuedUrl b = store.peek(0, 10, Set.of()).stream().filter(q -> q.url().endsWith("/b")).findFirst().orElseThrow();
            store.commit(List.of(new PageCommit(b.key(), Optional.of(new PageCommit.RequeuedUrl(b.url(), 2, 2, 1, 9_000)),
                    List.of(), List.of(), Optional.empty(), Map.of())), List.of(), List.of(), List.of(OTHER));
        }

        List<String> dump = dump(dir.resolve("db"));

        try (InputStream golden = OnDiskFormatTest.class.getResourceAsStream(GOLDEN)) {
            assertThat(golden).as(GOLDEN).isNotNull();
            List<String> expected = new String(golden.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            if (!dump.equals(expected)) {
                // Written out so a failure can be diffed against the golden file line by line.
                Files.write(Path.of("target", "on-disk-format-actual.txt"), dump);
            }
            assertThat(dump).containsExactlyElementsOf(expected);
        }
    }

    private static DiscoveredUrl url(String origin, String path, int priority) {
        return new DiscoveredUrl(origin + path, origin, priority, priority);
    }

    private static ProductRecord product(String identity) {
        return new ProductRecord(identity, SHOP + "/p/1", "Lamp", new BigDecimal("12.50"), "EUR", "SKU-1", null, null,
                "InStock", null, null, null, "127.0.1.1", AT);
    }

    /** Every column family as {@code family key-hex value-hex (value as text)} lines, in key order. */
    private static List<String> dump(Path db) throws Exception {
        List<String> lines = new ArrayList<>();
        HexFormat hex = HexFormat.of();
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        for (ColumnFamily family : ColumnFamily.values()) {
            descriptors.add(new ColumnFamilyDescriptor(family.nameBytes()));
        }
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try (DBOptions options = new DBOptions();
                RocksDB rocks = RocksDB.openReadOnly(options, db.toString(), descriptors, handles)) {
            try {
                for (ColumnFamily family : ColumnFamily.values()) {
                    try (RocksIterator it = rocks.newIterator(handles.get(family.ordinal()))) {
                        for (it.seekToFirst(); it.isValid(); it.next()) {
                            lines.add((family.name() + " " + hex.formatHex(it.key()) + " " + hex.formatHex(it.value())
                                    + " " + printable(it.value())).stripTrailing());
                        }
                        it.status();
                    }
                }
            } finally {
                handles.forEach(ColumnFamilyHandle::close);
            }
        }
        return lines;
    }

    private static String printable(byte[] value) {
        StringBuilder text = new StringBuilder();
        for (byte b : value) {
            text.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
        }
        return text.toString();
    }

    static {
        RocksDB.loadLibrary();
    }
}
