package dev.crawler.storage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * The one RocksDB instance of a crawl store, as its parts share it: the handle of each column
 * family, and reads whose failures name the crawl directory. {@link CrawlStore} opens it with its
 * options and is the only one to write to it, one {@link StoreBatch} at a time; closing it releases
 * the handles, the database and the native options, in that order.
 */
final class StoreDb implements AutoCloseable {
    private final Path directory;
    private final RocksDB rocks;
    private final Map<ColumnFamily, ColumnFamilyHandle> families;
    private final List<AutoCloseable> nativeResources;

    StoreDb(Path directory, RocksDB rocks, Map<ColumnFamily, ColumnFamilyHandle> families, List<AutoCloseable> nativeResources) {
        this.directory = directory;
        this.rocks = rocks;
        this.families = Map.copyOf(families);
        this.nativeResources = List.copyOf(nativeResources);
    }

    /** The database itself, for what only the store does: writing batches, syncing, compacting, measuring. */
    RocksDB rocks() {
        return rocks;
    }

    /** The family's handle; null only for a family a read-only store of an older crawl does not have. */
    ColumnFamilyHandle handle(ColumnFamily family) {
        return families.get(family);
    }

    /** Every open column family's handle, in {@link ColumnFamily} order. */
    List<ColumnFamilyHandle> handles() {
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        for (ColumnFamily family : ColumnFamily.values()) {
            if (families.containsKey(family)) {
                handles.add(families.get(family));
            }
        }
        return handles;
    }

    byte @Nullable [] get(ColumnFamily family, byte[] key) {
        try {
            return rocks.get(handle(family), key);
        } catch (RocksDBException e) {
            throw readFailure(e);
        }
    }

    /** Looks up many keys of one family in one native call; each answer is null where the key is absent. */
    List<byte @Nullable []> multiGet(ColumnFamily family, List<byte[]> keys) {
        try {
            return rocks.multiGetAsList(Collections.nCopies(keys.size(), handle(family)), keys);
        } catch (RocksDBException e) {
            throw readFailure(e);
        }
    }

    /** An iterator over one family; the caller closes it and checks it with {@link #checkIterator}. */
    RocksIterator newIterator(ColumnFamily family) {
        return rocks.newIterator(handle(family));
    }

    /** Calls {@code action} with the rest of every key that starts with {@code prefix} and its value, in key order. */
    void forEachUnderPrefix(ColumnFamily family, String prefix, BiConsumer<String, byte[]> action) {
        try (RocksIterator it = newIterator(family)) {
            for (it.seek(StoreBytes.utf8(prefix)); it.isValid(); it.next()) {
                String key = new String(it.key(), StandardCharsets.UTF_8);
                if (!key.startsWith(prefix)) {
                    break;
                }
                action.accept(key.substring(prefix.length()), it.value());
            }
            checkIterator(it);
        }
    }

    /** Throws what made an iteration stop early, if anything did: an iterator that just ends reports nothing. */
    void checkIterator(RocksIterator it) {
        try {
            it.status();
        } catch (RocksDBException e) {
            throw readFailure(e);
        }
    }

    CrawlDirectoryException readFailure(RocksDBException e) {
        return CrawlStore.classify(directory, "reading the crawl store failed", e);
    }

    @Override
    public void close() {
        for (ColumnFamilyHandle handle : families.values()) {
            handle.close();
        }
        rocks.close();
        List<AutoCloseable> reversed = new ArrayList<>(nativeResources);
        Collections.reverse(reversed);
        for (AutoCloseable resource : reversed) {
            try {
                resource.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing a RocksDB resource failed", e);
            }
        }
    }
}
