package dev.crawler.storage;

import java.nio.file.Path;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

/** A real crawl database in a temporary directory, to test one part of the store on its own. */
final class PartDb {
    private PartDb() {
    }

    /** Opens (creating it if need be) the database of every column family under {@code directory}. */
    static StoreDb open(Path directory) {
        return CrawlStore.openDb(directory, StoreOptions.defaults(), true, false);
    }

    /** Writes {@code batch} as the store would, and closes it. */
    static void write(StoreDb db, StoreBatch batch) throws RocksDBException {
        try (batch; WriteOptions options = new WriteOptions()) {
            db.rocks().write(options, batch.writeBatch());
        }
    }
}
