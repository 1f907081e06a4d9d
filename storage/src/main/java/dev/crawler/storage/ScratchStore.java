package dev.crawler.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.rocksdb.CompressionType;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteOptions;

/**
 * A throwaway RocksDB under a temporary directory: values put by key, a later put replacing an
 * earlier one of the same key, read back in key order. What an export uses to order and deduplicate
 * records that arrive in any number and order (a whole topic of a cluster crawl) without holding them
 * in the heap. Closing deletes the directory.
 *
 * <p>One thread at a time.
 */
final class ScratchStore implements AutoCloseable {
    private final Path directory;
    private final Options options;
    private final WriteOptions writeOptions;
    private final RocksDB db;

    static {
        RocksDB.loadLibrary();
    }

    /** Opens an empty one in a new directory under {@code parent} (the system's temporary directory, say). */
    ScratchStore(Path parent, String prefix) {
        try {
            this.directory = Files.createTempDirectory(parent, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory under " + parent + ": " + e.getMessage(), e);
        }
        this.options = new Options().setCreateIfMissing(true).setCompressionType(CompressionType.LZ4_COMPRESSION);
        // Nothing here outlives the process that reads: no WAL to write, no fsync to wait for.
        this.writeOptions = new WriteOptions().setDisableWAL(true);
        try {
            this.db = RocksDB.open(options, directory.toString());
        } catch (RocksDBException e) {
            writeOptions.close();
            options.close();
            deleteDirectory();
            throw new IllegalStateException("cannot open a temporary store in " + directory + ": " + e.getMessage(), e);
        }
    }

    void put(byte[] key, byte[] value) {
        try {
            db.put(writeOptions, key, value);
        } catch (RocksDBException e) {
            throw new IllegalStateException("writing to the temporary store in " + directory + " failed: " + e.getMessage(), e);
        }
    }

    /** Hands every kept value to {@code action}, in key order. */
    void forEachValue(Consumer<byte[]> action) {
        try (RocksIterator it = db.newIterator()) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                action.accept(it.value());
            }
            it.status();
        } catch (RocksDBException e) {
            throw new IllegalStateException("reading the temporary store in " + directory + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        db.close();
        writeOptions.close();
        options.close();
        deleteDirectory();
    }

    private void deleteDirectory() {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the temporary store in " + directory + ": " + e.getMessage(), e);
        }
    }
}
