package dev.crawler.storage;

/**
 * How a crawl store uses memory and disk.
 *
 * @param fsync            sync the write-ahead log on every commit group, for durability against
 *                         power loss; a process crash loses nothing committed either way
 * @param blockCacheBytes  the memory RocksDB may use: the block cache, which also holds index and
 *                         filter blocks and is charged for memtables (up to half of it)
 * @param writeBufferBytes the size of one memtable per column family
 */
public record StoreOptions(boolean fsync, long blockCacheBytes, long writeBufferBytes) {
    public static final long MIB = 1024L * 1024L;

    public StoreOptions {
        if (blockCacheBytes < MIB) {
            throw new IllegalArgumentException("storage.blockCacheBytes must be at least 1 MiB, was " + blockCacheBytes);
        }
        if (writeBufferBytes < MIB) {
            throw new IllegalArgumentException("storage.writeBufferBytes must be at least 1 MiB, was " + writeBufferBytes);
        }
    }

    /** 64 MiB for RocksDB in all, 8 MiB memtables, no fsync. */
    public static StoreOptions defaults() {
        return new StoreOptions(false, 64 * MIB, 8 * MIB);
    }

    public StoreOptions withFsync(boolean value) {
        return new StoreOptions(value, blockCacheBytes, writeBufferBytes);
    }
}
